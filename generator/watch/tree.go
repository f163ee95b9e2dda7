package watch

import (
	"io/fs"
	"path/filepath"
)

// tree is the watched folder with its exclusions.
type tree struct {
	root    string
	exclude []string
}

// rel turns an absolute path under the root into a slash-separated relative
// path; ok is false for paths outside the root and for the root itself.
func (t tree) rel(abs string) (rel string, ok bool) {
	r, err := filepath.Rel(t.root, abs)
	if err != nil || r == "." || r == ".." || len(r) > 2 && r[:3] == ".."+string(filepath.Separator) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// ignored reports whether an absolute path is outside the tree or skipped.
func (t tree) ignored(abs string) bool {
	rel, ok := t.rel(abs)
	if !ok {
		return abs != t.root
	}
	return ignoredPath(rel, t.exclude)
}

// walk calls fn for every path under dir (dir included) that is not
// ignored, skipping ignored folders entirely. Unreadable entries are skipped.
func (t tree) walk(dir string, fn func(abs string, d fs.DirEntry)) {
	_ = filepath.WalkDir(dir, func(abs string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() && abs != dir {
				return fs.SkipDir
			}
			return nil
		}
		if t.ignored(abs) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		fn(abs, d)
		return nil
	})
}
