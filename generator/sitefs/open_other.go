//go:build !unix

package sitefs

import (
	"io/fs"
	"os"
)

// openNoFollow opens a file unless it is a symbolic link, checked with
// Lstat first where the system has no O_NOFOLLOW. isLink reports a link.
func openNoFollow(abs string) (f *os.File, isLink bool, err error) {
	if info, err := os.Lstat(abs); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return nil, true, nil
	}
	f, err = os.Open(abs)
	return f, false, err
}
