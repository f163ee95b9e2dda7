package output

import (
	"fmt"
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
			return fmt.Errorf("%s: %w: this build makes %s too; remove the file or the page, static file or setting that makes it", w.DestPath(f), ErrOverwrite, f)
		}
	}
	if len(w.destDirs) == 0 {
		return nil // no destination yet
	}
	if err := writableFS(w.dest); err != nil {
		return fmt.Errorf("%s: %w: it cannot be changed (%w)", w.dest, ErrCannotPublish, err)
	}
	stage, err := os.Lstat(w.dir)
	if err != nil {
		return err
	}
	dev, known := w.ops.device(stage)
	for _, d := range w.destDirs {
		if other, ok := w.ops.device(d.info); known && ok && other != dev {
			return fmt.Errorf("%s: %w: it is a mount point (another device than %s), which playbook cannot move; mount it elsewhere or choose another --destination", d.path, ErrCannotPublish, filepath.Dir(w.dir))
		}
		if err := w.ops.writable(d.path, d.info); err != nil {
			return fmt.Errorf("%s: %w: the folder cannot be changed (%w); make it writable (chmod u+w) or remove it", d.path, ErrCannotPublish, err)
		}
	}
	return nil
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
