// Package sitefs is the file system a build reads a site root through. It
// is os.DirFS with one rule added: a symbolic link is followed only when
// its target stays inside the site root and the site opted in
// (followSymlinks = true in config.toml). Any other link is left out of
// directory listings and refused when opened, and reported once as a
// diagnostic naming the link and its target, so that a link to
// /etc/passwd in content/ or static/ is never published.
//
// The check costs nothing for ordinary files: a listing's entry types come
// from the directory itself, and files are opened with O_NOFOLLOW, so only
// an actual link takes the slow path that resolves it.
package sitefs

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/diag"
)

// FS reads a site root. Create it with New.
type FS struct {
	dir    string // the root as given
	real   string // the root with its own links resolved
	follow bool

	mu      sync.Mutex
	refused map[string]*LinkError // by slash path below the root
	dirs    map[string]error      // folders checked: nil when fine
}

// LinkError is a symbolic link that the site may not follow.
type LinkError struct {
	Path    string // slash path below the site root
	Target  string // where it points (resolved), or the raw link text
	Outside bool   // the target leaves the site root (or does not exist)
	Loop    bool   // a folder link to one of its own parents
}

func (e *LinkError) Error() string {
	switch {
	case e.Loop:
		return fmt.Sprintf("symlink points to a folder that contains it (%s): a loop", e.Target)
	case e.Outside:
		return fmt.Sprintf("symlink points outside the site (%s)", e.Target)
	}
	return fmt.Sprintf("symlink to %s inside the site is not followed: set followSymlinks = true in config.toml to follow links inside the site", e.Target)
}

// New returns the file system of the site root dir. Links are refused
// until SetFollow(true).
func New(dir string) *FS {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = dir
	}
	real, _ = filepath.Abs(real)
	return &FS{dir: dir, real: real, refused: map[string]*LinkError{}, dirs: map[string]error{}}
}

// SetFollow allows (or refuses) links whose targets stay inside the site
// root. Call it before reading anything but config.toml.
func (f *FS) SetFollow(follow bool) { f.follow = follow }

// Diagnostics returns one error per refused link met so far, sorted by path.
func (f *FS) Diagnostics() diag.List {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out diag.List
	for _, e := range f.refused {
		out = append(out, diag.Errorf(diag.Pos{File: e.Path}, "%w", e))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos.File < out[j].Pos.File })
	return out
}

func (f *FS) join(name string) string { return filepath.Join(f.dir, filepath.FromSlash(name)) }

// Dir returns the site root as given to New.
func (f *FS) Dir() string { return f.dir }

// Open opens name, a slash path below the root.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if err := f.checkDir(path.Dir(name)); err != nil {
		return nil, err
	}
	file, isLink, err := openNoFollow(f.join(name))
	if !isLink {
		return file, err
	}
	if lerr := f.checkLink(name); lerr != nil {
		return nil, lerr
	}
	return os.Open(f.join(name))
}

// Stat returns the file info of name, following an allowed link.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if err := f.checkDir(path.Dir(name)); err != nil {
		return nil, err
	}
	info, err := os.Lstat(f.join(name))
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return info, err
	}
	if lerr := f.checkLink(name); lerr != nil {
		return nil, lerr
	}
	return os.Stat(f.join(name))
}

// ReadDir lists name. An allowed link shows as what it points to (so a
// walk descends into a linked folder); a refused link is left out and
// recorded for Diagnostics.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if err := f.checkDir(name); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(f.join(name))
	if err != nil {
		return nil, err
	}
	out := entries[:0]
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink == 0 {
			out = append(out, e)
			continue
		}
		p := path.Join(name, e.Name())
		if f.checkLink(p) != nil {
			continue
		}
		info, err := os.Stat(f.join(p))
		if err != nil {
			continue
		}
		out = append(out, fs.FileInfoToDirEntry(info))
	}
	return out, nil
}

// checkDir checks that every folder on the way to dir is a real folder or
// an allowed link. Each folder is checked once per FS.
func (f *FS) checkDir(dir string) error {
	if dir == "." || dir == "" {
		return nil
	}
	f.mu.Lock()
	err, done := f.dirs[dir]
	f.mu.Unlock()
	if done {
		return err
	}
	err = f.checkDir(path.Dir(dir))
	if err == nil {
		if info, lerr := os.Lstat(f.join(dir)); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			if le := f.checkLink(dir); le != nil {
				err = le
			}
		}
	}
	f.mu.Lock()
	f.dirs[dir] = err
	f.mu.Unlock()
	return err
}

// checkLink decides whether the link at name (slash path) may be followed
// and records a refusal.
func (f *FS) checkLink(name string) *LinkError {
	f.mu.Lock()
	if e, ok := f.refused[name]; ok {
		f.mu.Unlock()
		return e
	}
	f.mu.Unlock()
	e := f.classify(name)
	if e != nil {
		f.mu.Lock()
		f.refused[name] = e
		f.mu.Unlock()
	}
	return e
}

func (f *FS) classify(name string) *LinkError {
	abs := f.join(name)
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		raw, _ := os.Readlink(abs)
		return &LinkError{Path: name, Target: raw, Outside: true}
	}
	target, _ = filepath.Abs(target)
	rel, err := filepath.Rel(f.real, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return &LinkError{Path: name, Target: target, Outside: true}
	}
	shown := filepath.ToSlash(rel)
	parent, _ := filepath.EvalSymlinks(filepath.Dir(abs))
	parent, _ = filepath.Abs(parent)
	if parent == target || strings.HasPrefix(parent, target+string(filepath.Separator)) || rel == "." {
		return &LinkError{Path: name, Target: shown, Loop: true}
	}
	if !f.follow {
		return &LinkError{Path: name, Target: shown}
	}
	return nil
}
