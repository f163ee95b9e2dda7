package site

import (
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// namespaceSeed seeds namespace sums: they are compared within one
// process only.
var namespaceSeed = maphash.MakeSeed()

// lazyNamespace is the sum behind Namespace and the sums behind Names,
// each made on first use.
type lazyNamespace struct {
	once, namesOnce sync.Once
	sum             uint64
	names           Names
}

// Namespace is a sum of everything Resolve reads from the model: every
// page's source path, file, folder, kind and URL, the folders' pages, the
// content files and their URLs, the other known URLs and the aliases.
// Two models with the same namespace resolve every link the same way, to
// the page at the same URL, from a page with the same URL and source
// folder (see SourceDir). Computed once.
func (s *Site) Namespace() uint64 {
	s.namespace.once.Do(func() { s.namespace.sum = s.sumNamespace(nil) })
	return s.namespace.sum
}

// Names are the sums of a model's namespace entries by name (see NameOf):
// each entry counts for the names of its key (and a page's entry for the
// names of its file, folder and URL). Every entry Resolve reads for a link
// has the name of the link's path, so two models whose sums for that name
// are equal resolve the link alike, from a page with the same URL and
// source folder.
type Names map[string]uint64

// Names returns the model's namespace by name. Computed once.
func (s *Site) Names() Names {
	s.namespace.namesOnce.Do(func() {
		s.namespace.names = Names{}
		s.sumNamespace(s.namespace.names)
	})
	return s.namespace.names
}

// Changed returns the names whose entries differ between n and m.
func (n Names) Changed(m Names) map[string]bool {
	changed := map[string]bool{}
	for name, sum := range n {
		if m[name] != sum {
			changed[name] = true
		}
	}
	for name := range m {
		if _, ok := n[name]; !ok {
			changed[name] = true
		}
	}
	return changed
}

// NameOf returns the name of a link's path or of a namespace key: its
// last segment in lower case, without ".md" (a folder's "index.html"
// stands for the folder). Every key Resolve looks up for a path has the
// path's name, whether it joins the path to the page's folder or URL,
// cleans it, adds ".md", "/" or "index.html", or ignores letter case. ok
// is false for a path ending in "." or "..", whose lookups name the
// folders it leads to.
func NameOf(p string) (name string, ok bool) {
	p = strings.TrimRight(p, "/")
	seg := p[strings.LastIndexByte(p, '/')+1:]
	if strings.EqualFold(seg, "index.html") {
		p = strings.TrimRight(p[:len(p)-len(seg)], "/")
		seg = p[strings.LastIndexByte(p, '/')+1:]
	}
	if seg == "." || seg == ".." {
		return "", false
	}
	seg = strings.ToLower(seg)
	return strings.TrimSuffix(seg, ".md"), true
}

// sumNamespace adds up one sum per entry, so that the maps' order does
// not matter, into the namespace it returns and (names not nil) into the
// sum of each name the entry has.
func (s *Site) sumNamespace(names Names) uint64 {
	var sum uint64
	add := func(keys []string, parts ...string) {
		var h maphash.Hash
		h.SetSeed(namespaceSeed)
		for _, p := range parts {
			h.WriteString(p)
			h.WriteByte(0)
		}
		v := h.Sum64()
		sum += v
		if names == nil {
			return
		}
		var seen [3]string
		for i, k := range keys {
			seen[i], _ = NameOf(k)
			if !slices.Contains(seen[:i], seen[i]) {
				names[seen[i]] += v
			}
		}
	}
	for _, p := range s.Pages {
		add([]string{p.File(), p.Dir, p.URL}, "page", p.File(), p.Dir, strconv.Itoa(int(p.Kind)), p.URL)
	}
	for k, p := range s.byPath {
		add([]string{k}, "path", k, p.URL)
	}
	for k, p := range s.dirs {
		add([]string{k}, "dir", k, p.URL)
	}
	for k, p := range s.byURL {
		add([]string{k}, "url", k, pageKey(p))
	}
	for k, u := range s.files {
		add([]string{k}, "file", k, u)
	}
	for k := range s.known {
		add([]string{k}, "known", k)
	}
	for _, a := range s.Aliases {
		add([]string{a.URL}, "alias", a.URL, a.Target.URL)
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
