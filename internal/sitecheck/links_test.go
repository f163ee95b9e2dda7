package sitecheck

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestBuiltLinksResolve parses every HTML page of the built sample site
// (under a sub-path) and checks that every internal href and src points at
// a file of the site, and every #fragment at an id on its target page. It
// catches what source-level link checks cannot: links made by templates
// (menus, breadcrumbs, pagers, terms, assets).
func TestBuiltLinksResolve(t *testing.T) {
	dir := buildSample(t)
	ids := map[string]map[string]bool{}
	links := map[string][]string{}
	for _, page := range htmlPages(t, dir) {
		doc := parseHTML(t, filepath.Join(dir, filepath.FromSlash(page)))
		ids[page], links[page] = collect(doc)
	}
	checked := 0
	for page, refs := range links {
		for _, ref := range refs {
			target, frag, ok := localTarget(page, ref)
			if !ok {
				continue
			}
			checked++
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s: link %q: no file %s", page, ref, target)
				continue
			}
			if frag != "" && strings.HasSuffix(target, ".html") && !ids[target][frag] {
				t.Errorf("%s: link %q: %s has no id %q", page, ref, target, frag)
			}
		}
	}
	if checked < 500 {
		t.Fatalf("checked only %d internal links; the site should have many more", checked)
	}
}

func parseHTML(t *testing.T, file string) *html.Node {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	return doc
}

// collect returns the ids of a document and its href/src values.
func collect(doc *html.Node) (map[string]bool, []string) {
	ids := map[string]bool{}
	var refs []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					ids[a.Val] = true
				case a.Key == "href" || a.Key == "src":
					refs = append(refs, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return ids, refs
}

// localTarget maps a reference on page to the output file it names, or
// ok=false for external links.
func localTarget(page, ref string) (file, frag string, ok bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", false
	}
	p := u.Path
	switch {
	case p == "":
		p = "/" + strings.TrimSuffix(page, "index.html")
		p = basePath + strings.TrimPrefix(p, "/")
	case !strings.HasPrefix(p, "/"):
		p = path.Join(basePath+path.Dir(page), p) + map[bool]string{true: "/"}[strings.HasSuffix(p, "/")]
	case !strings.HasPrefix(p, basePath):
		return "/OUTSIDE-BASE" + p, "", true
	}
	rel := strings.TrimPrefix(p, basePath)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel, u.Fragment, true
}
