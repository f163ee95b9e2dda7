package output

import (
	"io/fs"
	"os"
)

// fsOps are the file-system operations a commit uses. Tests replace them
// to make a rename fail midway, or a folder read-only or on another
// device, without root or mounts.
type fsOps struct {
	rename    func(from, to string) error
	link      func(from, to string) error // a hard link
	removeAll func(path string) error
	// writable reports why the process may not add or remove entries of
	// the folder dir, whose Lstat is fi (nil when it may).
	writable func(dir string, fi fs.FileInfo) error
	// device returns the id of the device holding the file of fi; ok is
	// false where the platform does not say.
	device func(fi fs.FileInfo) (dev uint64, ok bool)
}

// realOps are the operations of the real file system.
var realOps = fsOps{rename: os.Rename, link: os.Link, removeAll: os.RemoveAll, writable: writableDir, device: deviceOf}
