//go:build unix

package output

import (
	"io/fs"
	"os"
	"slices"
	"syscall"
)

// writableDir reports whether entries of dir may be added and removed:
// write and search permission by its mode bits for this process (root
// may always). A read-only file system is checked once, on the
// destination (see preflight), since no mount point may be inside.
func writableDir(dir string, fi fs.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	uid := os.Geteuid()
	if !ok || uid == 0 {
		return nil
	}
	const wx = 0o3
	perm := uint32(fi.Mode().Perm())
	var bits uint32
	switch {
	case int(st.Uid) == uid:
		bits = perm >> 6
	case inGroup(int(st.Gid)):
		bits = perm >> 3
	default:
		bits = perm
	}
	if bits&wx != wx {
		return &os.PathError{Op: "write", Path: dir, Err: syscall.EACCES}
	}
	return nil
}

func inGroup(gid int) bool {
	if gid == os.Getegid() {
		return true
	}
	groups, _ := os.Getgroups()
	return slices.Contains(groups, gid)
}

// writableFS reports a read-only file system (or other refusal) for dir.
func writableFS(dir string) error {
	if err := syscall.Access(dir, 0o2); err != nil { // W_OK
		return &os.PathError{Op: "write", Path: dir, Err: err}
	}
	return nil
}

// deviceOf returns the device id of the file of fi.
func deviceOf(fi fs.FileInfo) (uint64, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Dev), true // Dev is int32 on some platforms
}
