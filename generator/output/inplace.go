package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// commitInPlace renames each staged file into dest (the files marked
// PublishLast last) and then removes stale ones. A file it replaces, or a
// stale file in the way of a new folder, is first moved aside, so that
// when a rename fails every step is undone: the replaced files go back,
// new files and the folders made for them go.
func (w *Writer) commitInPlace(written, removed []string) error {
	defer w.ops.removeAll(w.dir)
	owned := map[string]bool{}
	for _, f := range readMarker(w.dest) {
		owned[f] = true
	}
	if err := w.checkInPlace(written, owned); err != nil {
		return err
	}
	ip := &inPlace{w: w, owned: owned, aside: w.dir + ".prev"}
	defer func() {
		if !ip.stuck { // files that could not go back stay there
			w.ops.removeAll(ip.aside)
		}
	}()
	if err := ip.mkdirAll(w.dest); err != nil {
		return ip.undo(err)
	}
	for _, f := range w.publishOrder(written) {
		if w.retained[f] {
			continue
		}
		if err := ip.publish(f); err != nil {
			return ip.undo(err)
		}
	}
	for _, f := range removed {
		os.Remove(w.DestPath(f))
	}
	root, err := os.OpenRoot(w.dest)
	if err != nil {
		return err
	}
	defer root.Close()
	return w.writeMarker(root, written)
}

// inPlace is an in-place commit under way and the log of what it did.
type inPlace struct {
	w     *Writer
	owned map[string]bool // files of the previous build
	aside string          // folder beside dest holding the files moved aside
	log   []undoStep
	stuck bool // a file could not be put back
	// asideMade is set once the aside folder exists.
	asideMade bool
}

// undoStep is one change to dest: path was made (a file or a folder), or
// (aside set) the file at path was moved to aside.
type undoStep struct {
	path, aside string
}

// publish puts the staged f into place. A file already there is first
// kept aside (see keepAside), then replaced by one rename: a reader sees
// the old file or the new one, never none.
func (ip *inPlace) publish(f string) error {
	target := ip.w.DestPath(f)
	if err := ip.mkdirAll(filepath.Dir(target)); err != nil {
		return err
	}
	if _, err := os.Lstat(target); err == nil {
		if err := ip.keepAside(f, target, false); err != nil {
			return err
		}
	}
	if err := ip.w.ops.rename(ip.w.stagePath(f), target); err != nil {
		return fmt.Errorf("publishing %s: %w", f, err)
	}
	ip.log = append(ip.log, undoStep{path: target})
	return nil
}

// keepAside keeps the file at target (rel f) in the aside folder, under a
// name of its own, so that an undo can put it back: as a hard link when
// it stays in place until replaced (and the file system has them), else
// moved (move: a folder must take its place).
func (ip *inPlace) keepAside(f, target string, move bool) error {
	if !ip.asideMade {
		if err := os.MkdirAll(ip.aside, 0o755); err != nil {
			return err
		}
		ip.asideMade = true
	}
	aside := filepath.Join(ip.aside, strconv.Itoa(len(ip.log)))
	if move || ip.w.ops.link(target, aside) != nil {
		if err := ip.w.ops.rename(target, aside); err != nil {
			return fmt.Errorf("publishing %s: moving the old file aside: %w", f, err)
		}
	}
	ip.log = append(ip.log, undoStep{path: target, aside: aside})
	return nil
}

// mkdirAll makes dir and the missing folders above it. A file of the
// previous build in the way is moved aside; any other file is refused.
func (ip *inPlace) mkdirAll(dir string) error {
	fi, err := os.Lstat(dir)
	if err == nil && fi.IsDir() {
		return nil
	}
	if err == nil {
		rel, _ := filepath.Rel(ip.w.dest, dir)
		rel = filepath.ToSlash(rel)
		if !ip.owned[rel] {
			return fmt.Errorf("%s: %w: this build makes a folder there", dir, ErrOverwrite)
		}
		if err := ip.keepAside(rel, dir, true); err != nil {
			return err
		}
	} else if err := ip.mkdirAll(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	ip.log = append(ip.log, undoStep{path: dir})
	return nil
}

// undo reverts the log, newest first, and returns cause (naming the files
// that could not go back, which then stay in the aside folder).
func (ip *inPlace) undo(cause error) error {
	var stuck []string
	for i := len(ip.log) - 1; i >= 0; i-- {
		s := ip.log[i]
		if s.aside == "" {
			os.Remove(s.path)
		} else if err := ip.w.ops.rename(s.aside, s.path); err != nil {
			stuck = append(stuck, s.aside)
		}
	}
	if len(stuck) > 0 {
		ip.stuck = true
		return fmt.Errorf("%w; could not put back %v", cause, stuck)
	}
	return cause
}

// checkInPlace refuses, before anything moves, to replace a file in the
// destination that no build wrote.
func (w *Writer) checkInPlace(written []string, owned map[string]bool) error {
	for _, f := range written {
		if w.retained[f] || owned[f] {
			continue
		}
		if _, err := os.Lstat(w.DestPath(f)); err == nil {
			return fmt.Errorf("%s: %w: this build makes %s too; remove the file or the page, static file or setting that makes it", w.DestPath(f), ErrOverwrite, f)
		}
	}
	return nil
}
