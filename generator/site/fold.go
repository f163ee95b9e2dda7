package site

import (
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
)

// lookups are the site's less common indexes, made on first use (most
// builds never need them): content paths by lower-cased path, so a link
// whose letter case differs from the file name still finds it, alias
// URLs, and pages by file name, to suggest where a broken link's file is.
type lookups struct {
	pages   map[string]*Page   // lower-cased source path → page
	dirs    map[string]*Page   // lower-cased content folder → its page
	files   map[string]string  // lower-cased content file → its path
	aliases map[string]*Page   // alias URL → the page it redirects to
	names   map[string][]*Page // lower-cased file name ("x.md") → the pages of that name, in source order
}

// lazyLookups makes a Site's lookups once, safely from many goroutines.
type lazyLookups struct {
	once sync.Once
	l    lookups
}

// folded returns the site's lookups, making them on first use.
func (s *Site) folded() *lookups {
	s.lazy.once.Do(func() {
		paths := make(map[string]string, len(s.files))
		for f := range s.files {
			paths[f] = f
		}
		l := lookups{
			pages:   foldKeys(s.byPath),
			dirs:    foldKeys(s.dirs),
			files:   foldKeys(paths),
			aliases: make(map[string]*Page, len(s.Aliases)),
		}
		for _, a := range s.Aliases {
			l.aliases[a.URL] = a.Target
		}
		l.names = map[string][]*Page{}
		for _, p := range s.Pages {
			if p.Src != nil {
				name := strings.ToLower(path.Base(p.Src.Path))
				l.names[name] = append(l.names[name], p)
			}
		}
		s.lazy.l = l
	})
	return &s.lazy.l
}

// foldKeys returns m keyed by lower-cased keys. Of keys that differ only in
// case, the one that sorts first wins, so the result is the same on every
// build.
func foldKeys[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		lower := strings.ToLower(k)
		if _, ok := out[lower]; !ok {
			out[lower] = m[k]
		}
	}
	return out
}
