//go:build unix

package output

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// writableDir asks the kernel whether entries of dir may be added and
// removed (write and search permission; a read-only mount says no).
func writableDir(dir string) error {
	if err := unix.Access(dir, unix.W_OK|unix.X_OK); err != nil {
		return &os.PathError{Op: "write", Path: dir, Err: err}
	}
	return nil
}

// deviceOf returns the device id of path itself.
func deviceOf(path string) (uint64, bool) {
	fi, err := os.Lstat(path)
	if err != nil {
		return 0, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Dev), true // Dev is int32 on some platforms
}
