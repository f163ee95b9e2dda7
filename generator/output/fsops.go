package output

import "os"

// fsOps are the file-system operations a commit uses. Tests replace them
// to make a rename fail midway, or a folder read-only or on another
// device, without root or mounts.
type fsOps struct {
	rename    func(from, to string) error
	removeAll func(path string) error
	// writable reports why the process may not add or remove entries of
	// the folder dir (nil when it may).
	writable func(dir string) error
	// device returns the id of the device holding path (not following a
	// final symlink); ok is false where the platform does not say.
	device func(path string) (dev uint64, ok bool)
}

// realOps are the operations of the real file system.
var realOps = fsOps{rename: os.Rename, removeAll: os.RemoveAll, writable: writableDir, device: deviceOf}
