package site

import (
	"maps"
	"net/url"
	"testing"
)

// TestNamespace checks that the namespace follows every change that can
// make a link resolve differently, and only those: a title, a date or a
// tag on an existing term leaves it as it was.
func TestNamespace(t *testing.T) {
	base := map[string]string{
		"_index.md":        "# Home",
		"guides/_index.md": "# Guides",
		"guides/a.md":      "+++\ntitle = \"A\"\ntags = [\"x\"]\n+++\n",
		"guides/b.md":      "+++\ntitle = \"B\"\ntags = [\"x\"]\n+++\n",
	}
	sum := func(change func(map[string]string), extra ...string) uint64 {
		t.Helper()
		files := maps.Clone(base)
		if change != nil {
			change(files)
		}
		s, errs := model(t, files, extra...)
		if errs != "" {
			t.Fatal(errs)
		}
		return s.Namespace()
	}
	was := sum(nil)
	if again := sum(nil); again != was {
		t.Fatal("the same site has two namespaces")
	}
	same := map[string]func(map[string]string){
		"title": func(f map[string]string) { f["guides/a.md"] = "+++\ntitle = \"A, retitled\"\ntags = [\"x\"]\n+++\n" },
		"date": func(f map[string]string) {
			f["guides/a.md"] = "+++\ntitle = \"A\"\ndate = 2026-01-02\ntags = [\"x\"]\n+++\n"
		},
		"existing tag": func(f map[string]string) { f["guides/a.md"] = "+++\ntitle = \"A\"\n+++\n" },
	}
	for name, change := range same {
		if sum(change) != was {
			t.Errorf("a %s edit changes the namespace", name)
		}
	}
	differs := map[string]func(map[string]string){
		"slug": func(f map[string]string) {
			f["guides/a.md"] = "+++\ntitle = \"A\"\nslug = \"aa\"\ntags = [\"x\"]\n+++\n"
		},
		"new page": func(f map[string]string) { f["guides/c.md"] = "# C" },
		"delete":   func(f map[string]string) { delete(f, "guides/b.md") },
		"rename":   func(f map[string]string) { f["guides/bb.md"] = f["guides/b.md"]; delete(f, "guides/b.md") },
		"new tag":  func(f map[string]string) { f["guides/a.md"] = "+++\ntitle = \"A\"\ntags = [\"x\", \"y\"]\n+++\n" },
		"alias": func(f map[string]string) {
			f["guides/a.md"] = "+++\ntitle = \"A\"\naliases = [\"/old-a/\"]\ntags = [\"x\"]\n+++\n"
		},
	}
	for name, change := range differs {
		if sum(change) == was {
			t.Errorf("a %s edit keeps the namespace", name)
		}
	}
	if sum(nil, "guides/chart.svg") == was {
		t.Error("a new content file keeps the namespace")
	}
}

// TestNamesFollowResolve checks the promise of Names: after each kind of
// edit, every link in a varied set whose path's name (NameOf) is not among
// the changed names resolves exactly as before, from every page; and the
// edits do change the names of the links they affect.
func TestNamesFollowResolve(t *testing.T) {
	base := map[string]string{
		"_index.md":              "# Home",
		"guides/_index.md":       "# Guides",
		"guides/a.md":            "+++\ntitle = \"A\"\ntags = [\"x\"]\n+++\n",
		"guides/b.md":            "+++\ntitle = \"B\"\naliases = [\"/old-b/\"]\n+++\n",
		"guides/deep/_index.md":  "# Deep",
		"guides/deep/c.md":       "# C",
		"guides/cells-1.5.md":    "# Cells",
		"case-studies/acme.md":   "# Acme",
		"case-studies/Bright.md": "# Bright",
	}
	links := []string{"a.md", "../guides/a.md", "/guides/a.md", "A.md", "b.md#top", "/guides/b/", "../b/", "b",
		"deep/", "deep/c.md", "./deep/c.md", "/guides/deep/", "/guides/deep/index.html", "/old-b/", "/old-b",
		"cells-1.5.md", "/guides/cells-1.5/", "../case-studies/acme.md", "/case-studies/bright.md", "/tags/x/", "/tags/y/",
		"/tags/", "img.png", "/images/img.png", "new.md", "/guides/new/", "../new-folder/page.md", "/new-folder/",
		"/guides/", "/", "..", "../", "./", "c.md", "/search/?q=a", "#top", "https://example.com/a.md"}
	edits := map[string]func(map[string]string){
		"new page":   func(f map[string]string) { f["guides/new.md"] = "# New" },
		"new folder": func(f map[string]string) { f["new-folder/page.md"] = "# Page" },
		"delete":     func(f map[string]string) { delete(f, "guides/b.md") },
		"rename":     func(f map[string]string) { f["guides/aa.md"] = f["guides/a.md"]; delete(f, "guides/a.md") },
		"new tag":    func(f map[string]string) { f["guides/a.md"] = "+++\ntitle = \"A\"\ntags = [\"x\", \"y\"]\n+++\n" },
		"slug":       func(f map[string]string) { f["guides/deep/c.md"] = "+++\ntitle = \"C\"\nslug = \"see\"\n+++\n" },
		"alias":      func(f map[string]string) { f["guides/a.md"] = "+++\ntitle = \"A\"\naliases = [\"/old-b/\"]\n+++\n" },
	}
	build := func(files map[string]string) *Site {
		s, errs := model(t, files, "guides/img.png", "images/img.png")
		if s == nil {
			t.Fatal(errs)
		}
		return s
	}
	before := build(base)
	for name, edit := range edits {
		files := maps.Clone(base)
		edit(files)
		after := build(files)
		changed := before.Names().Changed(after.Names())
		if len(changed) == 0 {
			t.Errorf("%s: no name changed", name)
		}
		moved := 0
		for _, from := range before.Pages {
			to := after.ByURL(from.URL)
			if to == nil || SourceDir(to) != SourceDir(from) {
				continue // the page itself moved: its links resolve again anyway
			}
			for _, dest := range links {
				was, now := before.Resolve(from, dest, "/"), after.Resolve(to, dest, "/")
				same := was.URL == now.URL && was.Problem == now.Problem && was.Warning == now.Warning && was.External == now.External &&
					(was.Page == nil) == (now.Page == nil) && (was.Page == nil || SamePage(was.Page, now.Page))
				if same {
					continue
				}
				moved++
				u, _ := url.Parse(dest)
				if n, ok := NameOf(u.Path); ok && !changed[n] {
					t.Errorf("%s: %q from %s resolves differently (%+v, was %+v) but its name %q did not change", name, dest, from.URL, now, was, n)
				}
			}
		}
		if moved == 0 {
			t.Errorf("%s: no link resolves differently: the test checks nothing", name)
		}
	}
}

func TestNameOf(t *testing.T) {
	for path, want := range map[string]string{
		"a.md": "a", "../guides/A.MD": "a", "/guides/a/": "a", "/guides/a/index.html": "a", "/guides/a/INDEX.HTML": "a",
		"img.png": "img.png", "/": "", "": "", "/tags/x": "x", "cells-1.5.md": "cells-1.5",
	} {
		if got, ok := NameOf(path); !ok || got != want {
			t.Errorf("NameOf(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
	for _, path := range []string{".", "..", "../", "a/..", "./"} {
		if _, ok := NameOf(path); ok {
			t.Errorf("NameOf(%q) has a name", path)
		}
	}
}
