package themes

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"
)

// gzSuffix marks a theme file kept compressed in the repository (large
// vendored libraries such as mermaid): the theme shows it under its name
// without the suffix, with its bytes as they were before compression.
const gzSuffix = ".gz"

// gunzipFS shows each "X.gz" of base as "X", inflated on first read.
type gunzipFS struct {
	base fs.FS
	mu   sync.Mutex
	data map[string][]byte // inflated files, by name without .gz
}

func newGunzipFS(base fs.FS) *gunzipFS { return &gunzipFS{base: base, data: map[string][]byte{}} }

// Open implements fs.FS.
func (g *gunzipFS) Open(name string) (fs.File, error) {
	f, err := g.base.Open(name)
	if d, ok := f.(fs.ReadDirFile); ok && err == nil {
		return inflatedDir{ReadDirFile: d, fsys: g, name: name}, nil
	}
	if err == nil || !fs.ValidPath(name) {
		return f, err
	}
	data, gzErr := g.inflated(name)
	if gzErr != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(data), info: fileInfo{name: pathBase(name), size: int64(len(data))}}, nil
}

// ReadFile implements fs.ReadFileFS.
func (g *gunzipFS) ReadFile(name string) ([]byte, error) {
	if data, err := fs.ReadFile(g.base, name); err == nil || !fs.ValidPath(name) {
		return data, err
	}
	data, err := g.inflated(name)
	return bytes.Clone(data), err // the caller may change its copy
}

// inflated returns the inflated bytes of name's ".gz" file, shared: the
// callers must not change them.
func (g *gunzipFS) inflated(name string) ([]byte, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if data, ok := g.data[name]; ok {
		return data, nil
	}
	zipped, err := fs.ReadFile(g.base, name+gzSuffix)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	zr, err := gzip.NewReader(bytes.NewReader(zipped))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	g.data[name] = data
	return data, nil
}

// ReadDir implements fs.ReadDirFS: "X.gz" is listed as "X".
func (g *gunzipFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(g.base, name)
	return g.inflatedNames(name, entries), err
}

// inflatedNames renames the entries of compressed files of dir in place.
func (g *gunzipFS) inflatedNames(dir string, entries []fs.DirEntry) []fs.DirEntry {
	for i, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), gzSuffix) {
			entries[i] = inflatedEntry{DirEntry: e, fsys: g, dir: dir}
		}
	}
	return entries
}

// inflatedDir is an open directory that lists "X.gz" as "X".
type inflatedDir struct {
	fs.ReadDirFile
	fsys *gunzipFS
	name string
}

func (d inflatedDir) ReadDir(n int) ([]fs.DirEntry, error) {
	entries, err := d.ReadDirFile.ReadDir(n)
	return d.fsys.inflatedNames(d.name, entries), err
}

// inflatedEntry is the directory entry of a compressed file, named without
// .gz; its Info inflates the file for its size.
type inflatedEntry struct {
	fs.DirEntry
	fsys *gunzipFS
	dir  string
}

func (e inflatedEntry) Name() string { return strings.TrimSuffix(e.DirEntry.Name(), gzSuffix) }

func (e inflatedEntry) Info() (fs.FileInfo, error) {
	info, err := e.DirEntry.Info()
	if err != nil {
		return nil, err
	}
	data, err := e.fsys.inflated(path.Join(e.dir, e.Name()))
	if err != nil {
		return nil, err
	}
	return fileInfo{name: e.Name(), size: int64(len(data)), mod: info.ModTime()}, nil
}

// memFile is an inflated file opened for reading.
type memFile struct {
	*bytes.Reader
	info fileInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

// fileInfo describes an inflated file.
type fileInfo struct {
	name string
	size int64
	mod  time.Time
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() fs.FileMode  { return 0o444 }
func (i fileInfo) ModTime() time.Time { return i.mod }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }

func pathBase(name string) string { return name[strings.LastIndexByte(name, '/')+1:] }
