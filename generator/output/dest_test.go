package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckDestination(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	os.MkdirAll(filepath.Join(root, "content"), 0o755)
	os.MkdirAll(filepath.Join(root, "www"), 0o755)
	os.Symlink("content", filepath.Join(root, "pub-in-content"))
	os.Symlink("www", filepath.Join(root, "pub-ok"))
	for dest, refused := range map[string]bool{
		"public":             false,
		"build/out":          false,
		"../elsewhere":       false,
		"pub-ok":             false,
		".":                  true,
		"..":                 true,
		"content":            true,
		"content/out":        true,
		"static":             true,
		"static/deep/x":      true,
		"themes/default/out": true,
		"layouts":            true,
		"archetypes/x":       true,
		"pub-in-content":     true,
		"pub-in-content/x":   true,
	} {
		err := CheckDestination(root, filepath.Join(root, dest))
		if got := errors.Is(err, ErrBadDestination); got != refused {
			t.Errorf("%s: err = %v; refused = %v, want %v", dest, err, got, refused)
		}
	}
}
