package rebuild

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/render/view"
)

// copySample copies the repository's sample site (config.toml, content/,
// static/) into a temporary folder.
func copySample(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"content", "static"} {
		src := filepath.Join("..", "..", dir)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			writeFile(t, filepath.Join(root, rel), data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join("..", "..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "config.toml"), cfg)
	return root
}

// frontMatter matches a page's front matter, TOML or YAML.
var frontMatter = regexp.MustCompile(`(?s)\A(\+\+\+\n.*?\n\+\+\+\n|---\n.*?\n---\n)`)

// TestRebuiltListsMatchFullBuild edits the first paragraph of every page
// of the sample site in turn (its card's text when it has no description)
// and checks that the preview then holds exactly what a full build of the
// edited site writes: every list, term, pager page, feed and 404 page
// that shows the card was refreshed from what the list pages recorded.
// A list page that shows cards without recording them goes stale here.
func TestRebuiltListsMatchFullBuild(t *testing.T) {
	root := copySample(t)
	dest := filepath.Join(t.TempDir(), "preview")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true, Quiet: true})
	rebuild(t, b)
	if kinds := b.state.Last.Deps().Kinds(); !kinds[view.ListSection] || !kinds[view.ListTerm] || !kinds[view.ListNotFound] || !kinds[view.ListWhatsNew] {
		t.Fatalf("recorded kinds of list %v; want sections, terms, the 404 page and the what's-new page", kinds)
	}
	var pages []string
	filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(root, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	partials := 0
	for i, rel := range pages {
		file := filepath.Join(root, rel)
		src, _ := os.ReadFile(file)
		fm := frontMatter.Find(src)
		body := src[len(fm):]
		if bytes.HasPrefix(bytes.TrimLeft(body, "\n"), []byte("# ")) {
			continue // the title comes from the leading heading: not a body edit
		}
		edited := append(append(bytes.Clone(fm), fmt.Sprintf("\nFresh card text number %d.\n\n", i)...), body...)
		writeFile(t, file, edited)
		if rebuild(t, b, rel).Partial {
			partials++
		}
		want := filepath.Join(t.TempDir(), "full")
		if _, err := pipeline.Build(context.Background(), pipeline.Options{Source: root, Destination: want, Quiet: true}); err != nil {
			t.Fatal(err)
		}
		compareOutputs(t, rel, readTree(t, want), readTree(t, dest))
	}
	if partials == 0 {
		t.Fatal("no edit took the partial path")
	}
	// The background index, once written, replaces the index files only:
	// the search page beside them stays (it was once removed with them).
	b.index.Wait()
	if _, err := os.Stat(filepath.Join(dest, "search", "index.html")); err != nil {
		t.Errorf("after the background index: %v", err)
	}
}

// compareOutputs reports files that differ between a full build and the
// preview; the search index, refreshed in the background, is left out.
func compareOutputs(t *testing.T, edit string, want, got map[string][]byte) {
	t.Helper()
	for name, data := range want {
		if strings.HasPrefix(name, "search/") && name != "search/index.html" || name == ".playbook-output" {
			continue
		}
		if g, ok := got[name]; !ok {
			t.Errorf("after editing %s: the preview lacks %s", edit, name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("after editing %s: the preview's %s differs from a full build", edit, name)
		}
	}
}
