package site

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
)

// makePages creates one Page per source file plus a section for every
// folder that holds pages. A folder's own page (see content.FolderPages:
// _index.md, index.md, foo.md beside foo/, README.md) becomes its section
// page; one with no other page below its folder is a single page (a page
// bundle).
//
// failed are the files that did not parse: a folder holding one is a
// section still, so that its index page is not checked as a single page
// (which would add a bogus "missing required field" to the real error).
func (s *Site) makePages(srcs []*content.Page, failed []string) diag.List {
	var diags diag.List
	folders := content.FolderPages(srcs)
	sectionDirs := map[string]bool{"": true}
	for _, f := range failed {
		for d := path.Dir(f); d != "." && d != "" && !sectionDirs[d]; d = parentDir(d) {
			sectionDirs[d] = true
		}
	}
	for _, src := range srcs {
		dir := src.Dir()
		if f, ok := folders[src]; ok {
			dir = parentDir(f)
		}
		for d := dir; ; d = parentDir(d) {
			sectionDirs[d] = true
			if d == "" {
				break
			}
		}
	}
	for _, src := range srcs {
		p := &Page{Src: src, Kind: KindPage, Title: src.Meta.Title, Type: src.Meta.Type}
		if f, ok := folders[src]; ok {
			p.Dir, p.folder = f, true
			if sectionDirs[p.Dir] {
				p.Kind = KindSection
			}
			if other := s.dirs[p.Dir]; other != nil {
				diags = append(diags, diag.Errorf(diag.Pos{File: src.File, Line: 1},
					"two index pages for one folder: %s and %s (keep one)", other.Src.File, src.File))
				continue
			}
			s.dirs[p.Dir] = p
		}
		s.byPath[src.Path] = p
		s.Pages = append(s.Pages, p)
	}
	for dir := range sectionDirs {
		if s.dirs[dir] == nil {
			p := &Page{Kind: KindSection, Dir: dir, Title: content.TitleFromName(path.Base(dir))}
			if dir == "" {
				p.Title = s.Config.Title
			}
			p.Type = s.Config.TypeForSection(topDir(dir))
			s.dirs[dir] = p
			s.Pages = append(s.Pages, p)
		}
	}
	for dir, p := range s.dirs {
		if p.Kind == KindSection && p.Src != nil && p.Src.Meta.Type == "page" {
			p.Type = s.Config.TypeForSection(topDir(dir))
		}
	}
	home := s.dirs[""]
	home.Kind = KindHome
	s.Home = home
	sort.Slice(s.Pages, func(i, j int) bool { return sourceKey(s.Pages[i]) < sourceKey(s.Pages[j]) })
	return diags
}

func sourceKey(p *Page) string {
	if p.Src != nil {
		return p.Src.Path
	}
	return p.Dir + "/"
}

func parentDir(d string) string {
	p := path.Dir(d)
	if p == "." || p == "/" {
		return ""
	}
	return p
}

func topDir(d string) string {
	top, _, _ := strings.Cut(d, "/")
	return top
}

// linkTree attaches every page to its section, sorts the lists and sets
// previous/next within each section.
func (s *Site) linkTree() {
	for _, p := range s.Pages {
		if p.Kind == KindHome {
			continue
		}
		parent := s.parentOf(p)
		p.Parent = parent
		if p.Kind == KindSection {
			parent.Sections = append(parent.Sections, p)
		} else {
			parent.Pages = append(parent.Pages, p)
		}
	}
	for _, p := range s.Pages {
		SortPages(p.Pages)
		SortPages(p.Sections)
		for i, c := range p.Pages {
			if i > 0 {
				c.Prev = p.Pages[i-1]
			}
			if i+1 < len(p.Pages) {
				c.Next = p.Pages[i+1]
			}
		}
	}
}

// parentOf returns the section a page belongs to.
func (s *Site) parentOf(p *Page) *Page {
	if p.Src != nil && !p.folder {
		return s.dirs[p.Src.Dir()]
	}
	for d := parentDir(p.Dir); ; d = parentDir(d) {
		if sec := s.dirs[d]; sec != nil && sec.Kind != KindPage {
			return sec
		}
		if d == "" {
			return s.Home
		}
	}
}

// placeFiles decides where each non-Markdown content file is copied: beside
// the page of its folder (so a bundle's images follow the page's URL).
func (s *Site) placeFiles(files []string) {
	for _, f := range files {
		dir := path.Dir(f)
		if dir == "." {
			dir = ""
		}
		base := "/" + strings.TrimPrefix(f, ".") // .gitbook/assets/x.png → /gitbook/assets/x.png
		if owner := s.dirs[dir]; owner != nil && strings.HasSuffix(owner.URL, "/") {
			base = owner.URL + path.Base(f)
		}
		s.Files = append(s.Files, File{Src: f, URL: base, OutFile: strings.TrimPrefix(base, "/")})
		s.files[f] = base
		s.known[base] = true
	}
}

// makeAliases creates a redirect for each alias and checks none takes a page's URL.
func (s *Site) makeAliases() diag.List {
	var diags diag.List
	seen := map[string]*Page{}
	for _, p := range s.Pages {
		if p.Src == nil {
			continue
		}
		for _, a := range p.Src.Meta.Aliases {
			u, err := cleanURL(a)
			pos := p.Src.KeyPos("aliases")
			if err != "" {
				diags = append(diags, diag.Errorf(pos, "alias %q: %s", short(a), err))
				continue
			}
			if other := s.byURL[u]; other != nil && !s.yieldToAlias(other) {
				diags = append(diags, diag.Errorf(pos, "alias %q is the URL of %s", a, other.File()))
				continue
			}
			if other := seen[u]; other != nil {
				diags = append(diags, diag.Errorf(pos, "alias %q is also an alias of %s", a, other.File()))
				continue
			}
			seen[u] = p
			s.Aliases = append(s.Aliases, Alias{URL: u, OutFile: outFile(u), Target: p})
		}
	}
	return diags
}

// yieldToAlias gives an alias the URL of p when p is only a list made for
// a folder without an index page (Hugo writes the redirect there too): p
// stays in the tree, for breadcrumbs and section lists, but is not
// written. Real pages keep their URL.
func (s *Site) yieldToAlias(p *Page) bool {
	if p.Src != nil || p.Kind != KindSection {
		return false
	}
	p.Redirected = true
	delete(s.byURL, p.URL)
	s.known[p.URL] = true // the redirect is there
	return true
}

// dropRedirected takes the lists whose URL an alias took out of the pages
// to write.
func (s *Site) dropRedirected() {
	s.Pages = slices.DeleteFunc(s.Pages, func(q *Page) bool { return q.Redirected })
}
