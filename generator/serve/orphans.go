package serve

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// previewPrefix starts the name of each preview's temporary folder.
const previewPrefix = "playbook-serve-"

// ownerFile, in a preview's temporary folder, holds the process id of the
// preview that made it.
const ownerFile = "pid"

// removeOrphans removes the preview folders in dir left by previews that
// are gone (killed before they could clean up): in a memory folder they
// would hold memory until the machine restarts. A folder without an
// owner file, or whose owner still runs, stays.
func removeOrphans(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), previewPrefix) {
			continue
		}
		folder := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(filepath.Join(folder, ownerFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
		if err != nil || pid <= 0 || processRuns(pid) {
			continue
		}
		os.RemoveAll(folder)
	}
}
