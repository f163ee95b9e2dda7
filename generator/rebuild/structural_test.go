package rebuild

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// structuralEdit is one edit of the site's structure: do changes the site
// under root and returns the changed paths as the watcher reports them.
type structuralEdit struct {
	name string
	do   func(t *testing.T, root string) []string
}

// structuralWants names, for some edits, a file of the preview and a
// text it must hold after the edit: the edit is seen to reach it.
var structuralWants = map[string][2]string{
	"owner":   {"owners/index.html", `<h2 id="owner-nadia-brandt-field-marketing-name">Nadia Brandt, Field Marketing</h2>`},
	"lastmod": {"whats-new/index.html", `<h2 id="week-2026-03-02">`},
}

var structuralEdits = []structuralEdit{
	{"title", func(t *testing.T, root string) []string {
		return replaceIn(t, root, "content/guides/shared-metrics.md", `title = "Shared goals`, `title = "Common goals`)
	}},
	{"tags and teams", func(t *testing.T, root string) []string {
		return replaceIn(t, root, "content/guides/shared-metrics.md",
			`tags = ["metrics",`, `tags = ["a-fresh-tag", "metrics",`, `teams = ["Sales", `, `teams = ["Finance", "Sales", `)
	}},
	{"description", func(t *testing.T, root string) []string {
		return replaceIn(t, root, "content/guides/shared-metrics.md", `description = "Why`, `description = "Why, in short,`)
	}},
	{"new page", func(t *testing.T, root string) []string {
		writeFile(t, filepath.Join(root, "content/guides/a-new-note.md"),
			[]byte("+++\ntitle = \"A new note\"\ndescription = \"A short note.\"\ntags = [\"metrics\"]\n+++\n\nThe note points at the [scorecard](shared-metrics.md).\n"))
		return []string{"content/guides/a-new-note.md"}
	}},
	{"new folder", func(t *testing.T, root string) []string {
		writeFile(t, filepath.Join(root, "content/fresh-folder/first.md"),
			[]byte("+++\ntitle = \"First in a fresh folder\"\ndescription = \"The first page of a folder.\"\n+++\n\nBack to the [note](../guides/a-new-note.md).\n"))
		return []string{"content/fresh-folder/first.md"}
	}},
	{"delete", func(t *testing.T, root string) []string {
		rm(t, root, "content/guides/a-new-note.md")
		return []string{"content/guides/a-new-note.md"}
	}},
	{"rename", func(t *testing.T, root string) []string {
		from, to := "content/guides/glossary.md", "content/guides/word-list.md"
		if err := os.Rename(filepath.Join(root, from), filepath.Join(root, to)); err != nil {
			t.Fatal(err)
		}
		return []string{from, to}
	}},
	{"delete folder", func(t *testing.T, root string) []string {
		rm(t, root, "content/fresh-folder/first.md")
		return []string{"content/fresh-folder/first.md"}
	}},
	{"owner", func(t *testing.T, root string) []string {
		return replaceIn(t, root, "content/guides/shared-metrics.md",
			`owner = "Priya Raman, Revenue Operations"`, `owner = "Nadia Brandt, Field Marketing"`)
	}},
	{"lastmod", func(t *testing.T, root string) []string {
		return replaceIn(t, root, "content/guides/shared-metrics.md", `lastmod = 2026-01-12`, `lastmod = 2026-03-04`)
	}},
	{"body", func(t *testing.T, root string) []string {
		return replaceIn(t, root, "content/guides/shared-metrics.md", "The quickest way", "Plainly, the quickest way")
	}},
}

// TestStructuralEditsMatchFullBuild makes each kind of structural edit of
// the sample site in turn and checks that the preview then holds exactly
// what a full build of the edited site writes, the search index included
// once the background index is written, and nothing more.
func TestStructuralEditsMatchFullBuild(t *testing.T) {
	withAndWithoutVerifying(t, structuralEditsMatchFullBuild)
}

func structuralEditsMatchFullBuild(t *testing.T) {
	root := copySample(t)
	dest := filepath.Join(t.TempDir(), "preview")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true, Quiet: true})
	rebuild(t, b)
	for _, e := range structuralEdits {
		changed := e.do(t, root)
		rebuild(t, b, changed...)
		b.index.Wait()
		want := filepath.Join(t.TempDir(), "full")
		if _, err := pipeline.Build(context.Background(), pipeline.Options{Source: root, Destination: want, Quiet: true}); err != nil {
			t.Fatal(err)
		}
		got := readTree(t, dest)
		sameTrees(t, e.name, readTree(t, want), got)
		if file, text := structuralWants[e.name][0], structuralWants[e.name][1]; file != "" && !strings.Contains(string(got[file]), text) {
			t.Errorf("after the %s edit: the preview's %s lacks %s", e.name, file, text)
		}
	}
}

// sameTrees reports every file that differs between a full build and the
// preview, or that only one of them has.
func sameTrees(t *testing.T, edit string, want, got map[string][]byte) {
	t.Helper()
	for name, data := range want {
		if name == ".playbook-output" {
			continue
		}
		if g, ok := got[name]; !ok {
			t.Errorf("after the %s edit: the preview lacks %s", edit, name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("after the %s edit: the preview's %s differs from a full build", edit, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok && name != ".playbook-output" {
			t.Errorf("after the %s edit: the preview still has %s", edit, name)
		}
	}
}

// replaceIn replaces each old with its new (pairs) in a file of the site.
func replaceIn(t *testing.T, root, rel string, pairs ...string) []string {
	t.Helper()
	file := filepath.Join(root, filepath.FromSlash(rel))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s has no %q", rel, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	writeFile(t, file, []byte(s))
	return []string{rel}
}

func rm(t *testing.T, root, rel string) {
	t.Helper()
	if err := os.Remove(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
		t.Fatal(err)
	}
}
