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
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Marker is the file that marks a folder as made by playbook. It lists
// every file the last build wrote, so later builds know what they own.
const Marker = ".playbook-output"

// ErrForeign is returned when the destination holds files playbook did not create.
var ErrForeign = errors.New("destination was not created by playbook")

// ErrCollision is returned when one build writes the same path twice.
var ErrCollision = errors.New("output path collision")

// Writer collects a build's output files.
type Writer struct {
	dest    string // the destination folder
	dir     string // where files are written now: staging folder, or dest in place
	inPlace bool
	root    *os.Root

	mu       sync.Mutex
	written  map[string]bool
	retained map[string]bool // files kept from the previous build as they are
	last     map[string]bool // files published after all others (in place)
	dirs     sync.Map
	// flat names each file written by an in-place writer in its flat
	// staging folder (rel → name): an edit that rewrites thousands of
	// pages then makes no folders until it publishes.
	flat map[string]string

	ops        fsOps
	scanOnce   sync.Once
	foreign    []string  // files of dest no build wrote
	destDirs   []destDir // every folder of dest
	foreignErr error
	private    bool // see NoForeign
}

// Begin prepares to write a build for dest. Files are written to a new
// staging folder beside dest. On Commit, with inPlace false the staging
// folder takes dest's place; with inPlace true (the live preview, where a
// server keeps reading dest) each new or changed file is renamed into dest
// one by one, so no reader ever sees a half-written file.
//
// A destination that is a symbolic link to a folder is published into
// the folder it points to (the link stays as it is).
func Begin(dest string, inPlace bool) (*Writer, error) {
	return begin(dest, inPlace, realOps)
}

func begin(dest string, inPlace bool, ops fsOps) (*Writer, error) {
	dest, err := resolveDest(filepath.Clean(dest))
	if err != nil {
		return nil, err
	}
	if err := checkOwned(dest); err != nil {
		return nil, err
	}
	w := &Writer{dest: dest, inPlace: inPlace, ops: ops, written: map[string]bool{}, retained: map[string]bool{}, last: map[string]bool{}}
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
	root, err := os.OpenRoot(w.dir)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", w.dir, err)
	}
	w.root = root
	return w, nil
}

// resolveDest follows a destination that is a symbolic link to the
// folder it points to; a link to anything else, or to nothing, is refused.
func resolveDest(dest string) (string, error) {
	fi, err := os.Lstat(dest)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return dest, nil
	}
	target, err := filepath.EvalSymlinks(dest)
	if err != nil {
		return "", fmt.Errorf("destination %s is a symbolic link that leads nowhere (%w); remove the link or create the folder it points to", dest, err)
	}
	if fi, err := os.Stat(target); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("destination %s is a symbolic link to %s, which is not a folder", dest, target)
	}
	return target, nil
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
	if !w.inPlace {
		if err := w.mkdirs(path.Dir(rel)); err != nil {
			return err
		}
	}
	// rel is clean and relative, and the staging folder is our own fresh
	// folder, so a plain write cannot leave it (and is much cheaper than
	// os.Root's checked path walk).
	if err := os.WriteFile(w.stagePath(rel), data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	w.mu.Lock()
	twice := w.written[rel] && !w.retained[rel]
	w.written[rel] = true
	w.mu.Unlock()
	if twice { // the registry's claims should have caught it; never overwrite silently
		return fmt.Errorf("%s is made twice by this build (two pages, lists or files make the same path): %w", rel, ErrCollision)
	}
	return nil
}

// PublishLast makes an in-place commit rename rel into place after every
// other file, for an entry file (such as a search manifest) that names
// others: a reader never sees it before the files it points to.
func (w *Writer) PublishLast(rel string) {
	w.mu.Lock()
	w.last[rel] = true
	w.mu.Unlock()
}

// Retain keeps rel from the previous build unchanged (in-place builds only):
// it counts as written, so Commit neither removes nor replaces it.
func (w *Writer) Retain(rel string) {
	w.mu.Lock()
	w.written[rel] = true
	w.retained[rel] = true
	w.mu.Unlock()
}

// Expect sizes the writer's lists for n files written or retained: a
// build that knows about how many it will write spares growing them.
func (w *Writer) Expect(n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.written) == 0 && len(w.retained) == 0 && n > 0 {
		w.written = make(map[string]bool, n)
		w.retained = make(map[string]bool, n)
	}
}

// RetainPrevious retains every file of the previous build that this build
// has not written (for partial rebuilds that touch only some pages).
func (w *Writer) RetainPrevious() { w.RetainPreviousExcept("") }

// RetainPreviousExcept is RetainPrevious for files outside the folder
// prefix (slash-terminated); files below it are removed unless rewritten.
func (w *Writer) RetainPreviousExcept(prefix string) {
	for _, f := range readMarker(w.dest) {
		if prefix != "" && strings.HasPrefix(f, prefix) {
			continue
		}
		w.mu.Lock()
		if !w.written[f] {
			w.written[f] = true
			w.retained[f] = true
		}
		w.mu.Unlock()
	}
}

func (w *Writer) mkdirs(dir string) error {
	if dir == "." || dir == "" {
		return nil
	}
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := w.mkdirs(path.Dir(dir)); err != nil {
		return err
	}
	// One mkdir per new folder: the parent exists now, and dir is clean and
	// inside our own staging folder (os.Root's MkdirAll re-opens every
	// component of the path, which cost more than the writes themselves).
	err := os.Mkdir(filepath.Join(w.dir, filepath.FromSlash(dir)), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
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
	return w.ops.removeAll(w.dir)
}

// publishOrder puts the files marked PublishLast after all the others.
func (w *Writer) publishOrder(files []string) []string {
	out := append([]string(nil), files...)
	sort.SliceStable(out, func(i, j int) bool { return !w.last[out[i]] && w.last[out[j]] })
	return out
}

func (w *Writer) writeMarker(root *os.Root, files []string) error {
	var b bytes.Buffer
	b.WriteString("# Written by playbook. Files listed here are replaced or removed by the next build.\n")
	for _, f := range files {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	if err := root.WriteFile(Marker, b.Bytes(), 0o644); err != nil {
		return err
	}
	if w.inPlace { // root is dest: the next in-place build reads this marker
		if info, err := root.Stat(Marker); err == nil {
			markers.keep(filepath.Join(w.dest, Marker), info, slices.Clone(files))
		}
	}
	return nil
}

// readMarker returns the files the previous build wrote into dest.
func readMarker(dest string) []string {
	path := filepath.Join(dest, Marker)
	info, err := os.Stat(path)
	if err != nil {
		return nil
	}
	if files, ok := markers.get(path, info); ok {
		return files
	}
	f, err := os.Open(path)
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
	markers.keep(path, info, out)
	return out
}

// markers keeps the files of the last marker read or written, by its path,
// size and modification time: the live preview reads and writes the same
// marker of thousands of lines at every edit. A marker changed since (by
// another build or by hand) is read again. Callers must not change the
// files returned.
var markers markerCache

type markerCache struct {
	mu    sync.Mutex
	path  string
	size  int64
	mod   time.Time
	files []string
}

func (c *markerCache) get(path string, info fs.FileInfo) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.path != path || c.size != info.Size() || !c.mod.Equal(info.ModTime()) {
		return nil, false
	}
	return c.files, true
}

func (c *markerCache) keep(path string, info fs.FileInfo, files []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.path, c.size, c.mod, c.files = path, info.Size(), info.ModTime(), files
}

// ReadInto reads the file at name into buf, reusing its space, and
// returns the bytes read.
func ReadInto(buf []byte, name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return buf, err
	}
	n := int(info.Size())
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	_, err = io.ReadFull(f, buf)
	return buf, err
}
