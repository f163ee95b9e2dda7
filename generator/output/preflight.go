package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// preflight checks, before anything moves, that a full build can be
// published: no hand-placed file is in the way of a file the build made,
// and every folder of the destination is on the staging folder's device
// (no mount point inside) and may be changed, so that moving the
// hand-placed files out and removing the old output both succeed.
func (w *Writer) preflight(foreign []string) error {
	for _, f := range foreign {
		if w.staged(f) {
			return fmt.Errorf("%s: %w: this build makes %s too; remove the file or the page, static file or setting that makes it", w.destPath(f), ErrOverwrite, f)
		}
	}
	if _, err := os.Lstat(w.dest); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	dev, known := w.ops.device(w.dir)
	return filepath.WalkDir(w.dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%w: reading %s: %w", ErrCannotPublish, p, err)
		}
		if !d.IsDir() {
			return nil
		}
		if other, ok := w.ops.device(p); known && ok && other != dev {
			return fmt.Errorf("%s: %w: it is a mount point (another device than %s), which playbook cannot move; mount it elsewhere or choose another --destination", p, ErrCannotPublish, filepath.Dir(w.dir))
		}
		if err := w.ops.writable(p); err != nil {
			return fmt.Errorf("%s: %w: the folder cannot be changed (%w); make it writable (chmod u+w) or remove it", p, ErrCannotPublish, err)
		}
		return nil
	})
}

// staged reports whether rel, or a folder on its way, is already in the
// staging folder: a hand-placed file there cannot be moved in.
func (w *Writer) staged(rel string) bool {
	for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		if _, err := os.Lstat(w.stagePath(p)); err == nil {
			return p == rel || !w.isStagedDir(p)
		}
	}
	return false
}

func (w *Writer) isStagedDir(rel string) bool {
	fi, err := os.Lstat(w.stagePath(rel))
	return err == nil && fi.IsDir()
}
