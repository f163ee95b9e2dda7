package site

import (
	"hash/maphash"
	"strconv"
	"sync"
)

// namespaceSeed seeds namespace sums: they are compared within one
// process only.
var namespaceSeed = maphash.MakeSeed()

// lazyNamespace is the sum behind Namespace, made on first use.
type lazyNamespace struct {
	once sync.Once
	sum  uint64
}

// Namespace is a sum of everything Resolve reads from the model: every
// page's source path, file, folder, kind and URL, the folders' pages, the
// content files and their URLs, the other known URLs and the aliases.
// Two models with the same namespace resolve every link the same way, to
// the page at the same URL, from a page with the same URL and source
// folder (see SourceDir). Computed once.
func (s *Site) Namespace() uint64 {
	s.namespace.once.Do(func() { s.namespace.sum = s.sumNamespace() })
	return s.namespace.sum
}

// sumNamespace adds up one sum per entry, so that the maps' order does
// not matter.
func (s *Site) sumNamespace() uint64 {
	var sum uint64
	add := func(parts ...string) {
		var h maphash.Hash
		h.SetSeed(namespaceSeed)
		for _, p := range parts {
			h.WriteString(p)
			h.WriteByte(0)
		}
		sum += h.Sum64()
	}
	for _, p := range s.Pages {
		add("page", p.File(), p.Dir, strconv.Itoa(int(p.Kind)), p.URL)
	}
	for k, p := range s.byPath {
		add("path", k, p.URL)
	}
	for k, p := range s.dirs {
		add("dir", k, p.URL)
	}
	for k, p := range s.byURL {
		add("url", k, pageKey(p))
	}
	for k, u := range s.files {
		add("file", k, u)
	}
	for k := range s.known {
		add("known", k)
	}
	for _, a := range s.Aliases {
		add("alias", a.URL, a.Target.URL)
	}
	return sum
}

// pageKey names a page by its file and folder ("" for none).
func pageKey(p *Page) string {
	if p == nil {
		return ""
	}
	return p.File() + "\x00" + p.Dir
}

// SamePage reports whether p and q, pages of two models, are made from
// the same source: the same file, folder and URL.
func SamePage(p, q *Page) bool {
	return p != nil && q != nil && p.URL == q.URL && p.Dir == q.Dir && p.File() == q.File()
}
