package serve

import (
	"os"
	"syscall"
)

// sharedMemory is Linux's memory-backed folder (tmpfs).
const sharedMemory = "/dev/shm"

// minMemoryFree is the room the memory-backed folder must have for the
// preview to use it: a 10,000-page site's output takes about 500 MB, and
// containers often give /dev/shm only 64 MB.
const minMemoryFree = 2 << 30

// memoryFolder returns where the preview's temporary folder goes: /dev/shm
// when TMPDIR does not name a folder of the user's choosing and /dev/shm
// is a folder with at least minMemoryFree bytes free, else "" (the
// system's temporary folder).
func memoryFolder() string {
	if os.Getenv("TMPDIR") != "" {
		return ""
	}
	var fs syscall.Statfs_t
	if err := syscall.Statfs(sharedMemory, &fs); err != nil {
		return ""
	}
	if uint64(fs.Bavail)*uint64(fs.Bsize) < minMemoryFree {
		return ""
	}
	if fi, err := os.Stat(sharedMemory); err != nil || !fi.IsDir() {
		return ""
	}
	return sharedMemory
}

// processRuns reports whether a process with id pid exists (it may
// belong to another user).
func processRuns(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
