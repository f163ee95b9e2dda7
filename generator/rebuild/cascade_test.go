package rebuild

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// TestCascadeRebuilds checks the live preview with a cascade: a body edit
// stays on the fast path and keeps what the page inherited, and a change
// to an index page's cascade reaches every page below it.
func TestCascadeRebuilds(t *testing.T) {
	root := newSite(t, `
-- content/docs/_index.md --
---
title: Docs
cascade:
  owner: Docs team
---
The docs.
-- content/docs/a.md --
# A

First text.
-- content/docs/b.md --
# B

Second text.
-- content/other.md --
# Other
`)
	dest := filepath.Join(root, "public")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true})
	rebuild(t, b)
	b.index.Wait()
	mustContain(t, dest, "docs/a/index.html", "Docs team")

	// A body edit below the cascade: only that page and its lists, owner kept.
	edit(t, root, "content/docs/a.md", "First text.", "Edited text.")
	res := rebuild(t, b, "content/docs/a.md")
	mustContain(t, dest, "docs/a/index.html", "Edited text.")
	mustContain(t, dest, "docs/a/index.html", "Docs team")
	if slices.Contains(res.Written, "docs/b/index.html") || slices.Contains(res.Written, "other/index.html") {
		t.Errorf("a body edit rewrote unrelated pages: %v", res.Written)
	}

	// A body edit of the index page itself is a body edit too.
	edit(t, root, "content/docs/_index.md", "The docs.", "All the docs.")
	res = rebuild(t, b, "content/docs/_index.md")
	mustContain(t, dest, "docs/index.html", "All the docs.")
	if slices.Contains(res.Written, "docs/b/index.html") {
		t.Errorf("a body edit of the index page rewrote the pages below it: %v", res.Written)
	}

	// Changing the cascade reaches every page below it.
	edit(t, root, "content/docs/_index.md", "owner: Docs team", "owner: Writers guild")
	rebuild(t, b, "content/docs/_index.md")
	mustContain(t, dest, "docs/a/index.html", "Writers guild")
	mustContain(t, dest, "docs/b/index.html", "Writers guild")
	b.index.Wait()
}

func edit(t *testing.T, root, rel, old, new string) {
	t.Helper()
	p := filepath.Join(root, rel)
	src, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(src), old) {
		t.Fatalf("%s lacks %q (%v)", rel, old, err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(src), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
