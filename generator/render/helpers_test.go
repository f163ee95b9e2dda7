package render

import (
	"io/fs"
	"testing"
)

func fsReadString(fsys fs.FS, name string) (string, error) {
	b, err := fs.ReadFile(fsys, name)
	return string(b), err
}

func walkNames(t *testing.T, fsys fs.FS) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names[p] = true
		}
		return nil
	})
	if err != nil {
		t.Fatalf("WalkDir(Static()): %v", err)
	}
	return names
}
