// Package output writes a build's files so that nothing is ever lost: a
// full build goes into a staging folder beside the destination and is
// swapped in only when the whole build succeeded; files playbook did not
// write are never deleted.
package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Marker is the file that marks a folder as made by playbook. It lists
// every file the last build wrote, so later builds know what they own.
const Marker = ".playbook-output"

// ErrForeign is returned when the destination holds files playbook did not create.
var ErrForeign = errors.New("destination was not created by playbook")

// Writer collects a build's output files.
type Writer struct {
	dest    string // the destination folder
	dir     string // where files are written now: staging folder, or dest in place
	inPlace bool
	root    *os.Root

	mu      sync.Mutex
	written map[string]bool
	dirs    sync.Map
}

// Begin prepares to write a build for dest. With inPlace false the files
// go to a new staging folder beside dest; with inPlace true each file is
// replaced atomically inside dest (used by the live preview).
func Begin(dest string, inPlace bool) (*Writer, error) {
	dest = filepath.Clean(dest)
	if err := checkOwned(dest); err != nil {
		return nil, err
	}
	w := &Writer{dest: dest, inPlace: inPlace, written: map[string]bool{}}
	if inPlace {
		if err := os.MkdirAll(dest, 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", dest, err)
		}
		w.dir = dest
	} else {
		parent := filepath.Dir(dest)
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", parent, err)
		}
		dir, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".staging-")
		if err != nil {
			return nil, fmt.Errorf("creating staging folder: %w", err)
		}
		// MkdirTemp makes the folder private; a web server must be able to read it.
		if err := os.Chmod(dir, 0o755); err != nil {
			return nil, fmt.Errorf("creating staging folder: %w", err)
		}
		w.dir = dir
	}
	root, err := os.OpenRoot(w.dir)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", w.dir, err)
	}
	w.root = root
	return w, nil
}

// checkOwned refuses a destination that exists, is not empty and has no marker.
func checkOwned(dest string) error {
	entries, err := os.ReadDir(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading destination %s: %w", dest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil {
		return nil
	}
	return fmt.Errorf("refusing to write into %s: it is not empty and has no %s file, so playbook did not create it; choose another --destination or move its files away: %w", dest, Marker, ErrForeign)
}

// Dest returns the destination folder.
func (w *Writer) Dest() string { return w.dest }

// WriteFile writes one output file; rel is a slash path inside the
// destination. Safe for concurrent use. Paths that would leave the
// destination are refused.
func (w *Writer) WriteFile(rel string, data []byte) error {
	rel = strings.TrimPrefix(path.Clean("/"+rel), "/")
	if rel == "" || rel == Marker {
		return fmt.Errorf("invalid output path %q", rel)
	}
	if err := w.mkdirs(path.Dir(rel)); err != nil {
		return err
	}
	if w.inPlace {
		if err := w.replace(rel, data); err != nil {
			return err
		}
	} else if err := w.root.WriteFile(rel, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	w.mu.Lock()
	w.written[rel] = true
	w.mu.Unlock()
	return nil
}

// replace writes data to a temporary file and renames it over rel, so a
// reader never sees a half-written file. Unchanged files are left alone.
func (w *Writer) replace(rel string, data []byte) error {
	if old, err := w.root.ReadFile(rel); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp := path.Join(path.Dir(rel), ".tmp-"+path.Base(rel))
	if err := w.root.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := w.root.Rename(tmp, rel); err != nil {
		return fmt.Errorf("replacing %s: %w", rel, err)
	}
	return nil
}

func (w *Writer) mkdirs(dir string) error {
	if dir == "." || dir == "" {
		return nil
	}
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := w.root.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	w.dirs.Store(dir, true)
	return nil
}

// Written returns the files written so far, sorted.
func (w *Writer) Written() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, 0, len(w.written))
	for f := range w.written {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// Abort throws the build away; the destination is untouched.
func (w *Writer) Abort() error {
	w.root.Close()
	if w.inPlace {
		return nil
	}
	return os.RemoveAll(w.dir)
}

// Commit publishes the build. It returns the files of earlier builds
// that it removed because this build no longer makes them.
func (w *Writer) Commit() (removed []string, err error) {
	defer w.root.Close()
	written := w.Written()
	previous := readMarker(w.dest)
	if err := w.writeMarker(written); err != nil {
		return nil, err
	}
	for _, f := range previous {
		if !w.written[f] {
			removed = append(removed, f)
		}
	}
	if w.inPlace {
		for _, f := range removed {
			w.root.Remove(f)
		}
		return removed, nil
	}
	if err := w.keepForeign(previous); err != nil {
		return nil, err
	}
	return removed, w.swap()
}

func (w *Writer) writeMarker(files []string) error {
	var b bytes.Buffer
	b.WriteString("# Written by playbook. Files listed here are replaced or removed by the next build.\n")
	for _, f := range files {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return w.root.WriteFile(Marker, b.Bytes(), 0o644)
}

// readMarker returns the files the previous build wrote into dest.
func readMarker(dest string) []string {
	f, err := os.Open(filepath.Join(dest, Marker))
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// keepForeign moves into the staging folder every file of dest that no
// playbook build wrote (a file someone put there by hand), so the swap loses nothing.
func (w *Writer) keepForeign(previous []string) error {
	owned := make(map[string]bool, len(previous))
	for _, f := range previous {
		owned[f] = true
	}
	return filepath.WalkDir(w.dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(w.dest, p)
		rel = filepath.ToSlash(rel)
		if owned[rel] || rel == Marker || w.written[rel] {
			return nil
		}
		if err := w.mkdirs(path.Dir(rel)); err != nil {
			return err
		}
		return os.Rename(p, filepath.Join(w.dir, filepath.FromSlash(rel)))
	})
}

// swap puts the staging folder in the destination's place.
func (w *Writer) swap() error {
	old := ""
	if _, err := os.Stat(w.dest); err == nil {
		old = w.dir + ".old"
		if err := os.Rename(w.dest, old); err != nil {
			return fmt.Errorf("moving old output aside: %w", err)
		}
	}
	if err := os.Rename(w.dir, w.dest); err != nil {
		if old != "" {
			os.Rename(old, w.dest)
		}
		return fmt.Errorf("publishing output: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
