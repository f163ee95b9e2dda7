package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrCannotPublish is returned when a check before publishing finds a
// file or folder of the destination that cannot be moved; nothing was
// moved then.
var ErrCannotPublish = errors.New("cannot publish")

// ErrOverwrite is returned when the build makes a file that someone put
// into the destination by hand.
var ErrOverwrite = errors.New("would overwrite a file playbook did not create")

// Commit publishes the build. It returns the files of earlier builds
// that it removed because this build no longer makes them. When it fails
// the destination is as it was and no staging folder is left.
func (w *Writer) Commit() (removed []string, err error) {
	defer w.root.Close()
	written := w.Written()
	previous := readMarker(w.dest)
	for _, f := range previous {
		if !w.written[f] {
			removed = append(removed, f)
		}
	}
	if w.inPlace {
		return removed, w.commitInPlace(written, removed)
	}
	if err := w.commitStaged(written); err != nil {
		return nil, err
	}
	return removed, nil
}

// commitStaged is the two-phase commit of a full build: check that every
// hand-placed file can be moved into the staging folder and that the
// folders can be swapped; then move, swap, and undo the moves if a step
// still fails.
func (w *Writer) commitStaged(written []string) error {
	foreign, err := w.Foreign()
	if err != nil {
		return w.fail(err)
	}
	if err := w.writeMarker(w.root, written); err != nil {
		return w.fail(err)
	}
	if err := w.preflight(foreign); err != nil {
		return w.fail(err)
	}
	var moved []string
	for _, f := range foreign {
		if err := w.mkdirs(path.Dir(f)); err != nil {
			return w.undo(moved, err)
		}
		if err := w.ops.rename(w.DestPath(f), w.stagePath(f)); err != nil {
			return w.undo(moved, fmt.Errorf("keeping hand-placed file %s: %w", f, err))
		}
		moved = append(moved, f)
	}
	if err := w.swap(); err != nil {
		return w.undo(moved, err)
	}
	return nil
}

// fail throws the staging folder away and returns err.
func (w *Writer) fail(err error) error {
	w.ops.removeAll(w.dir)
	return err
}

// undo moves the hand-placed files back into the destination after a
// failed step, then throws the staging folder away. If a file cannot go
// back, the staging folder is kept (it holds the file) and the error says where.
func (w *Writer) undo(moved []string, cause error) error {
	var lost []string
	for i := len(moved) - 1; i >= 0; i-- {
		f := moved[i]
		if err := w.ops.rename(w.stagePath(f), w.DestPath(f)); err != nil {
			lost = append(lost, f)
		}
	}
	if len(lost) > 0 {
		return fmt.Errorf("%w; could not move back %s: they are in %s", cause, strings.Join(lost, ", "), w.dir)
	}
	return w.fail(cause)
}

// swap puts the staging folder in the destination's place; on failure the
// destination is back in place.
func (w *Writer) swap() error {
	old := ""
	if _, err := os.Lstat(w.dest); err == nil {
		old = w.dir + ".old"
		if err := w.ops.rename(w.dest, old); err != nil {
			return fmt.Errorf("moving old output aside: %w", err)
		}
	}
	if err := w.ops.rename(w.dir, w.dest); err != nil {
		if old != "" {
			if err2 := w.ops.rename(old, w.dest); err2 != nil {
				return fmt.Errorf("publishing output: %w; the previous output is in %s (%v)", err, old, err2)
			}
		}
		return fmt.Errorf("publishing output: %w", err)
	}
	if old != "" {
		if err := w.ops.removeAll(old); err != nil {
			return fmt.Errorf("published, but removing the previous output %s: %w", old, err)
		}
	}
	return nil
}

// DestPath is the path of output file rel (a slash path) in the
// destination, where the previous build put it.
func (w *Writer) DestPath(rel string) string { return filepath.Join(w.dest, filepath.FromSlash(rel)) }
func (w *Writer) stagePath(rel string) string {
	if !w.inPlace {
		return filepath.Join(w.dir, filepath.FromSlash(rel))
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	name, ok := w.flat[rel]
	if !ok {
		if w.flat == nil {
			w.flat = map[string]string{}
		}
		name = strconv.Itoa(len(w.flat))
		w.flat[rel] = name
	}
	return filepath.Join(w.dir, name)
}

// Foreign returns the files of the destination that no playbook build
// wrote (put there by hand), sorted. They are claims too: a build that
// makes one of them fails instead of overwriting it.
func (w *Writer) Foreign() ([]string, error) {
	if w.private {
		return nil, nil
	}
	w.scanOnce.Do(func() { w.foreign, w.destDirs, w.foreignErr = scanDest(w.dest) })
	return w.foreign, w.foreignErr
}

// NoForeign says the destination is the process's own folder (the live
// preview's temporary one), where no one puts files by hand: Foreign then
// lists none without reading it. An in-place commit still refuses to
// replace a file no build wrote.
func (w *Writer) NoForeign() { w.private = true }

// destDir is a folder of the destination and its Lstat.
type destDir struct {
	path string
	info fs.FileInfo
}

// scanDest lists, in one walk, the files (and symlinks) below dest that
// its marker does not name, and every folder.
func scanDest(dest string) (foreign []string, dirs []destDir, err error) {
	owned := map[string]bool{Marker: true}
	for _, f := range readMarker(dest) {
		owned[f] = true
	}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			dirs = append(dirs, destDir{p, fi})
			return nil
		}
		rel, _ := filepath.Rel(dest, p)
		if rel = filepath.ToSlash(rel); !owned[rel] {
			foreign = append(foreign, rel)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading destination %s: %w", dest, err)
	}
	return foreign, dirs, nil // WalkDir goes in lexical order
}
