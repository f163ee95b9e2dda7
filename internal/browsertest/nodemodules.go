package browsertest

import (
	"os"
	"path/filepath"
	"testing"
)

// NodeModules returns the absolute path of node_modules at the module root
// (the nearest folder above the working directory holding go.mod). When it
// is missing t is skipped ("run npm ci"), unless REQUIRE_BROWSER=1.
func NodeModules(t testing.TB) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	dir := filepath.Join(root, "node_modules")
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		unavailable(t, "node_modules missing at "+root+"; run: npm ci")
	}
	return dir
}

// ModuleRoot returns the nearest folder at or above the working directory
// that holds a go.mod file.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
