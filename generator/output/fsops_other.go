//go:build !unix

package output

import "io/fs"

// writableDir cannot tell on this platform: the move says (and is undone).
func writableDir(string, fs.FileInfo) error { return nil }

// writableFS cannot tell on this platform.
func writableFS(string) error { return nil }

// deviceOf does not know device ids on this platform.
func deviceOf(fs.FileInfo) (uint64, bool) { return 0, false }
