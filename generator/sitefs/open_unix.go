//go:build unix

package sitefs

import (
	"errors"
	"os"
	"syscall"
)

// openNoFollow opens a file unless it is a symbolic link: O_NOFOLLOW
// makes the kernel refuse a link (ELOOP) in the same call, so a plain
// file costs no extra system call. isLink reports a refused link.
func openNoFollow(abs string) (f *os.File, isLink bool, err error) {
	f, err = os.OpenFile(abs, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
	if err != nil && errors.Is(err, syscall.ELOOP) {
		return nil, true, err
	}
	return f, false, err
}
