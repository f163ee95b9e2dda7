//go:build !linux

package serve

// memoryFolder returns "" (the system's temporary folder): only Linux has
// a memory-backed folder the preview uses (see memory_linux.go).
func memoryFolder() string { return "" }

// processRuns reports true: previews elsewhere use the system's temporary
// folder, whose orphans the system cleans.
func processRuns(pid int) bool { return true }
