package serve

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestPreviewFolder checks where the preview's pages go: a folder of
// TMPDIR's when it is set, else the memory folder when there is one with
// room, and that cleanup removes it.
func TestPreviewFolder(t *testing.T) {
	mine := t.TempDir()
	t.Setenv("TMPDIR", mine)
	if got := memoryFolder(); got != "" {
		t.Errorf("with TMPDIR set, the memory folder is %q, want none", got)
	}
	dest, cleanup, err := tempOutput()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(dest, mine+string(filepath.Separator)) {
		t.Errorf("with TMPDIR=%s the preview writes to %s", mine, dest)
	}
	cleanup()
	if _, err := os.Stat(filepath.Dir(dest)); !os.IsNotExist(err) {
		t.Errorf("cleanup left %s (%v)", filepath.Dir(dest), err)
	}

	os.Unsetenv("TMPDIR")
	mem := memoryFolder()
	if mem == "" {
		t.Skip("no memory folder with room on this machine")
	}
	dest, cleanup, err = tempOutput()
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if !strings.HasPrefix(dest, mem+string(filepath.Separator)) {
		t.Errorf("the preview writes to %s, not in the memory folder %s", dest, mem)
	}
}

// TestRemoveOrphans checks that a preview folder left by a preview that is
// gone is removed, and that the folders of running previews, folders
// without an owner and other folders stay.
func TestRemoveOrphans(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("previews use a memory folder on Linux only")
	}
	gone := exec.Command("go", "version")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	folders := map[string]string{ // name → owner file ("": none)
		previewPrefix + "gone":    strconv.Itoa(gone.Process.Pid),
		previewPrefix + "running": strconv.Itoa(os.Getpid()),
		previewPrefix + "unowned": "",
		"someone-elses":           strconv.Itoa(gone.Process.Pid),
	}
	for name, pid := range folders {
		if err := os.MkdirAll(filepath.Join(dir, name, "site"), 0o755); err != nil {
			t.Fatal(err)
		}
		if pid != "" {
			if err := os.WriteFile(filepath.Join(dir, name, ownerFile), []byte(pid), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	removeOrphans(dir)
	for name := range folders {
		_, err := os.Stat(filepath.Join(dir, name))
		if removed := os.IsNotExist(err); removed != (name == previewPrefix+"gone") {
			t.Errorf("%s: removed %v", name, removed)
		}
	}
}
