//go:build !unix

package output

// writableDir cannot ask ahead on this platform: the move says.
func writableDir(string) error { return nil }

// deviceOf does not know device ids on this platform.
func deviceOf(string) (uint64, bool) { return 0, false }
