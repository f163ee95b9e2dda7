package site

import (
	"fmt"
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
	// Warning says why a link that resolves may still break elsewhere
	// (its file name differs in letter case); empty for most links.
	Warning string
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
	t.URL = basePath + strings.TrimPrefix(Href(t.URL), "/")
	if u.RawQuery != "" {
		t.URL += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		t.URL += "#" + u.EscapedFragment()
	}
	return t
}

func (s *Site) resolvePath(from *Page, p string) Target {
	dir := SourceDir(from)
	if strings.EqualFold(path.Ext(p), ".md") {
		return s.resolveMarkdown(dir, p)
	}
	if strings.HasPrefix(p, "/") {
		return s.resolveRooted(p)
	}
	// A relative path: first a content file, folder or page beside the
	// source file (GitHub's and Hugo's rule), then the path as a browser
	// would read it from the page's URL.
	if rel, ok := joinInside(dir, p); ok {
		if t, ok := s.byContentPath(rel); ok {
			return t
		}
	}
	if from != nil {
		if t := s.resolveSitePath(path.Join(from.URL, p) + trailingSlash(p)); t.Problem == "" {
			return t
		}
	}
	return Target{Problem: "no page or file " + p + " (relative to " + path.Join("content", dir) + ")"}
}

// SourceDir returns the content folder links in page from are relative to.
func SourceDir(from *Page) string {
	switch {
	case from == nil:
		return ""
	case from.Src != nil:
		return from.Src.Dir()
	}
	return from.Dir
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
	if pg := s.folded().pages[strings.ToLower(rel)]; pg != nil {
		return Target{URL: pg.URL, Page: pg, Warning: caseWarning(pg.File())}
	}
	return Target{Problem: "no page content/" + rel + s.elsewhere(rel)}
}

// elsewhere names the one page whose file has the name of the missing
// content path rel, as "; did you mean content/…?", or returns "".
func (s *Site) elsewhere(rel string) string {
	if found := s.folded().names[strings.ToLower(path.Base(rel))]; len(found) == 1 {
		return "; did you mean " + found[0].File() + "?"
	}
	return ""
}

// resolveRooted resolves a path from the site root: a URL of the site
// (a page, a file, an alias), else a path below content/, the way Hugo's
// link render hook finds pages.
func (s *Site) resolveRooted(p string) Target {
	t := s.resolveSitePath(p)
	if t.Problem == "" {
		return t
	}
	if rel, ok := joinInside("", strings.TrimPrefix(p, "/")); ok && rel != "" {
		if found, ok := s.byContentPath(rel); ok {
			return found
		}
	}
	return t
}

// byContentPath finds what the content path rel (no leading slash) names:
// a content file, a folder's page, or a page whose file is rel + ".md".
// A match found only when letter case is ignored carries a warning.
func (s *Site) byContentPath(rel string) (Target, bool) {
	rel = strings.TrimSuffix(rel, "/")
	if u, ok := s.files[rel]; ok {
		return Target{URL: u}, true
	}
	if pg := s.dirs[rel]; pg != nil {
		return Target{URL: pg.URL, Page: pg}, true
	}
	if pg := s.byPath[rel+".md"]; pg != nil && path.Ext(rel) == "" {
		return Target{URL: pg.URL, Page: pg}, true
	}
	f := s.folded()
	lower := strings.ToLower(rel)
	if file, ok := f.files[lower]; ok {
		return Target{URL: s.files[file], Warning: caseWarning(path.Join("content", file))}, true
	}
	if pg := f.dirs[lower]; pg != nil {
		return Target{URL: pg.URL, Page: pg, Warning: caseWarning(path.Join("content", pg.Dir))}, true
	}
	if pg := f.pages[lower+".md"]; pg != nil && path.Ext(rel) == "" {
		return Target{URL: pg.URL, Page: pg, Warning: caseWarning(pg.File())}, true
	}
	return Target{}, false
}

// caseWarning says that a link found its target only by ignoring case.
func caseWarning(file string) string {
	return "letter case differs from " + file + " (a case-sensitive host would not find it)"
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
	if pg := s.folded().aliases[clean]; pg != nil {
		// The redirect exists; the link goes straight to its page, so an
		// #anchor survives.
		return Target{URL: pg.URL, Page: pg}
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

// CheckLinks reports each link of page from that does not resolve, each
// #anchor missing on its target (naming the nearest id that exists, see
// NearestAnchor) and each link that resolves with a warning. It also
// returns the pages linked to, so a rebuild knows whom to re-check when a
// page's headings change.
func (s *Site) CheckLinks(from *Page, links []Link, anchors Anchors) (diag.List, []*Page) {
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
		case t.Fragment != "" && t.Page != nil && !anchors.Has(t.Page, t.Fragment):
			diags = append(diags, diag.Warnf(l.Pos, "broken link %q: %s", l.Dest, missingAnchor(t, anchors)))
		}
		if t.Warning != "" && t.Problem == "" {
			diags = append(diags, diag.Warnf(l.Pos, "link %q: %s", l.Dest, t.Warning))
		}
	}
	return diags, targets
}

// missingAnchor says that t's page lacks t's fragment, and which id was
// probably meant.
func missingAnchor(t Target, anchors Anchors) string {
	msg := fmt.Sprintf("%s has no heading with id %q", t.Page.File(), t.Fragment)
	if near := NearestAnchor(t.Fragment, anchors.IDs(t.Page)); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", "#"+near)
	}
	return msg
}
