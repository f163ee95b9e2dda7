package rebuild

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/playbookhq/playbook/generator/pipeline"
)

func newSite(t *testing.T, archive string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		writeFile(t, filepath.Join(root, f.Name), f.Data)
	}
	return root
}

func rebuild(t *testing.T, b *Builder, changed ...string) *pipeline.Result {
	t.Helper()
	res, err := b.Build(context.Background(), changed)
	if err != nil {
		t.Fatalf("Build(%v): %v", changed, err)
	}
	return res
}

func TestPartialRebuilds(t *testing.T) {
	root := newSite(t, typedSite+`
-- content/guides/g.md --
+++
title = "Guide"
description = "d"
+++
Links to [first](../playbooks/a-first.md#agenda).
-- static/css/extra.css --
body{}
`)
	dest := filepath.Join(root, "public")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true})
	rebuild(t, b)
	b.index.Wait()

	// A body edit re-renders the page and its lists, nothing else.
	page := filepath.Join(root, "content/playbooks/a-first.md")
	src, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(src), "Text.", "Fresh marker text.", 1)), 0o644)
	res := rebuild(t, b, "content/playbooks/a-first.md")
	mustContain(t, dest, "playbooks/a-first/index.html", "Fresh marker text.")
	mustContain(t, dest, "playbooks/index.html", "Fresh marker text.") // its card shows the first paragraph
	mustContain(t, dest, "tags/sla/index.html", "Fresh marker text.")
	for _, f := range res.Written {
		if strings.HasPrefix(f, "case-studies/") || strings.HasPrefix(f, "guides/") {
			t.Errorf("body edit rewrote unrelated %s", f)
		}
	}
	if res.CSSOnly {
		t.Error("a page edit reported as CSS only")
	}

	// Renaming the heading breaks the anchor another page links to: a warning.
	os.WriteFile(page, []byte(strings.Replace(string(src), "## Agenda", "## Plan", 1)), 0o644)
	res = rebuild(t, b, "content/playbooks/a-first.md")
	if !strings.Contains(res.Diagnostics.Error(), `content/guides/g.md:5:`) {
		t.Errorf("diagnostics after heading rename = %v; want the broken anchor in g.md", res.Diagnostics)
	}

	// A front-matter edit changes lists: the full path sees it.
	os.WriteFile(page, []byte(strings.Replace(string(src), `title = "First play"`, `title = "Renamed play"`, 1)), 0o644)
	rebuild(t, b, "content/playbooks/a-first.md")
	mustContain(t, dest, "playbooks/index.html", "Renamed play")
	mustContain(t, dest, "teams/sales/index.html", "Renamed play")

	// A stylesheet edit is CSS only.
	os.WriteFile(filepath.Join(root, "static/css/extra.css"), []byte("body{color:red}"), 0o644)
	res = rebuild(t, b, "static/css/extra.css")
	if !res.CSSOnly || len(res.Written) != 1 {
		t.Errorf("CSS edit: CSSOnly=%v Written=%v; want only css/extra.css", res.CSSOnly, res.Written)
	}

	// A deleted page disappears.
	os.Remove(filepath.Join(root, "content/guides/g.md"))
	rebuild(t, b, "content/guides/g.md")
	if _, err := os.Stat(filepath.Join(dest, "guides/g/index.html")); err == nil {
		t.Error("deleted page still published")
	}

	// A bad edit fails and leaves the last good page in place.
	os.WriteFile(page, []byte("+++\ntitle = \n+++\n"), 0o644)
	if _, err := b.Build(context.Background(), []string{"content/playbooks/a-first.md"}); err == nil {
		t.Fatal("bad front matter built")
	}
	mustContain(t, dest, "playbooks/a-first/index.html", "Renamed play")
}
