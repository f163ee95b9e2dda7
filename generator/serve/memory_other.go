//go:build !linux

package serve

// memoryFolder returns "" (the system's temporary folder): only Linux has
// a memory-backed folder the preview uses (see memory_linux.go).
func memoryFolder() string { return "" }
