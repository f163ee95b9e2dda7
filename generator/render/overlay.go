package render

import (
	"errors"
	"io/fs"
	"sort"
)

// overlayFS shows upper's files over lower's: a name present in both is
// served from upper, and directory listings are the union of both.
type overlayFS struct {
	upper, lower fs.FS
}

// Open opens name from upper, or from lower when upper lacks it.
func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.upper.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	return o.lower.Open(name)
}

// ReadDir lists name in both layers, upper's entry winning on equal names.
func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	up, errUp := fs.ReadDir(o.upper, name)
	low, errLow := fs.ReadDir(o.lower, name)
	if errUp != nil && errLow != nil {
		if errors.Is(errUp, fs.ErrNotExist) {
			return nil, errLow
		}
		return nil, errUp
	}
	byName := map[string]fs.DirEntry{}
	for _, e := range low {
		byName[e.Name()] = e
	}
	for _, e := range up {
		byName[e.Name()] = e
	}
	out := make([]fs.DirEntry, 0, len(byName))
	for _, e := range byName {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// emptyFS has no files at all.
type emptyFS struct{}

// Open always reports that name does not exist.
func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// subOrEmpty returns dir of fsys, or an empty FS when dir is invalid.
func subOrEmpty(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return emptyFS{}
	}
	return sub
}
