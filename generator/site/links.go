package site

import (
	"net/url"
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// Target is where a link points after resolution.
type Target struct {
	URL      string // the URL to emit: base path included, fragment kept
	Page     *Page  // the page linked to, when it is one
	Fragment string // the #anchor without '#', if any
	External bool   // a link to another site or scheme; never checked
	Problem  string // why the link is broken; empty when it resolves
}

// Resolve works out where dest, written in page from, points. Markdown
// files are found by path (relative to the page's file, or from content/
// when dest starts with '/'), site paths by URL, other files relative to
// the page's folder. basePath is prefixed to every internal URL.
func (s *Site) Resolve(from *Page, dest, basePath string) Target {
	u, err := url.Parse(dest)
	if err != nil {
		return Target{URL: dest, Problem: "cannot parse link: " + err.Error()}
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return Target{URL: dest, External: true}
	}
	if u.Path == "" {
		if u.Fragment != "" {
			return Target{URL: dest, Page: from, Fragment: u.Fragment}
		}
		return Target{URL: dest, External: true}
	}
	t := s.resolvePath(from, u.Path)
	if t.Problem != "" {
		t.URL = dest
		return t
	}
	t.Fragment = u.Fragment
	t.URL = basePath + strings.TrimPrefix(t.URL, "/")
	if u.RawQuery != "" {
		t.URL += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		t.URL += "#" + u.EscapedFragment()
	}
	return t
}

func (s *Site) resolvePath(from *Page, p string) Target {
	dir := ""
	if from != nil && from.Src != nil {
		dir = from.Src.Dir()
	} else if from != nil {
		dir = from.Dir
	}
	if strings.EqualFold(path.Ext(p), ".md") {
		return s.resolveMarkdown(dir, p)
	}
	if strings.HasPrefix(p, "/") {
		return s.resolveSitePath(p)
	}
	// A relative path: first a content file or folder beside the source
	// file, then the path as a browser would read it from the page's URL.
	if rel, ok := joinInside(dir, p); ok {
		if u, ok := s.files[rel]; ok {
			return Target{URL: u}
		}
		if sec := s.dirs[strings.TrimSuffix(rel, "/")]; sec != nil {
			return Target{URL: sec.URL, Page: sec}
		}
	}
	if from != nil {
		if t := s.resolveSitePath(path.Join(from.URL, p) + trailingSlash(p)); t.Problem == "" {
			return t
		}
	}
	return Target{Problem: "no page or file " + p + " (relative to " + path.Join("content", dir) + ")"}
}

func (s *Site) resolveMarkdown(dir, p string) Target {
	rel, ok := strings.TrimPrefix(p, "/"), true
	if !strings.HasPrefix(p, "/") {
		rel, ok = joinInside(dir, p)
	}
	if !ok {
		return Target{Problem: "link " + p + " leaves the content folder"}
	}
	if pg := s.byPath[rel]; pg != nil {
		return Target{URL: pg.URL, Page: pg}
	}
	return Target{Problem: "no page content/" + rel}
}

func (s *Site) resolveSitePath(p string) Target {
	clean := path.Clean(p)
	if path.Ext(clean) == "" {
		clean = strings.TrimSuffix(clean, "/") + "/"
	}
	if pg := s.byURL[clean]; pg != nil {
		return Target{URL: clean, Page: pg}
	}
	// A page whose name has a dot (cells-1.5.md is /cells-1.5/).
	if dir := strings.TrimSuffix(clean, "/") + "/"; dir != clean {
		if pg := s.byURL[dir]; pg != nil {
			return Target{URL: dir, Page: pg}
		}
	}
	if s.known[clean] || s.known[strings.TrimSuffix(clean, "/")] {
		return Target{URL: clean}
	}
	if strings.HasSuffix(clean, "/index.html") {
		if pg := s.byURL[strings.TrimSuffix(clean, "index.html")]; pg != nil {
			return Target{URL: clean, Page: pg}
		}
	}
	// A content file named from the content root, as GitBook and GitHub
	// read "/.gitbook/assets/x.png".
	if u, ok := s.files[strings.TrimPrefix(path.Clean(p), "/")]; ok {
		return Target{URL: u}
	}
	return Target{Problem: "no page at " + p}
}

// joinInside joins a relative path to a content folder and refuses results
// outside content/.
func joinInside(dir, p string) (string, bool) {
	unescaped, err := url.PathUnescape(p)
	if err == nil {
		p = unescaped
	}
	j := path.Join(dir, p)
	if j == ".." || strings.HasPrefix(j, "../") {
		return "", false
	}
	if j == "." {
		j = ""
	}
	return j, true
}

func trailingSlash(p string) string {
	if strings.HasSuffix(p, "/") {
		return "/"
	}
	return ""
}

// Link is one link as written in a page, with its position.
type Link struct {
	Dest string
	Pos  diag.Pos
	// Target is where Dest pointed when the page was rendered, if known
	// (the model has not changed since); nil makes CheckLinks resolve it.
	Target *Target
}

// CheckLinks reports each link of page from that does not resolve, and each
// #anchor missing on its target. hasAnchor tells whether a page has an id.
// It also returns the pages linked to, so a rebuild knows whom to re-check
// when a page's headings change.
func (s *Site) CheckLinks(from *Page, links []Link, hasAnchor func(p *Page, id string) bool) (diag.List, []*Page) {
	var diags diag.List
	var targets []*Page
	for _, l := range links {
		var t Target
		if l.Target != nil {
			t = *l.Target
		} else {
			t = s.Resolve(from, l.Dest, "/")
		}
		if t.Page != nil && t.Page != from {
			targets = append(targets, t.Page)
		}
		switch {
		case t.External:
		case t.Problem != "":
			diags = append(diags, diag.Warnf(l.Pos, "broken link %q: %s", l.Dest, t.Problem))
		case t.Fragment != "" && t.Page != nil && !hasAnchor(t.Page, t.Fragment):
			diags = append(diags, diag.Warnf(l.Pos, "broken link %q: %s has no heading with id %q", l.Dest, t.Page.File(), t.Fragment))
		}
	}
	return diags, targets
}
