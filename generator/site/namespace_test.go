package site

import (
	"maps"
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
