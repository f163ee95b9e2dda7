package serve

import (
	"os"
	"path/filepath"
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
