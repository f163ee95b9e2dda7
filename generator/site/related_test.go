package site

import (
	"fmt"
	"slices"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
)

// relatedTree is a small site of pages sharing tags, each page's source
// made by page(i).
func relatedTree(t *testing.T, page func(i int) string) (*content.Tree, *config.Config) {
	t.Helper()
	cfg := config.Default()
	tree := &content.Tree{}
	for i := range 12 {
		pg, diags := content.Parse(fmt.Sprintf("p%02d.md", i), []byte(page(i)), cfg)
		if pg == nil {
			t.Fatal(diags)
		}
		tree.Pages = append(tree.Pages, pg)
	}
	return tree, cfg
}

// relatedOf lists each regular page's related pages by source path.
func relatedOf(s *Site) map[string][]string {
	out := map[string][]string{}
	for _, p := range s.Regular() {
		for _, r := range s.Related(p) {
			out[p.Src.Path] = append(out[p.Src.Path], r.Src.Path)
		}
	}
	return out
}

// TestRelatedFromPreviousModel checks that a model built with the
// previous one relates pages exactly as one built from scratch: after an
// edit relate does not read (a title), which it takes over, and after
// edits it does (tags, dates), which it works out again.
func TestRelatedFromPreviousModel(t *testing.T) {
	base := func(i int) string {
		tags := []string{`"sla"`, `"meetings"`, `"sla", "meetings"`, `"scoring"`, `"sla", "scoring"`, `"meetings", "scoring"`}
		return fmt.Sprintf("+++\ntitle = \"Page %d\"\ndate = 2026-01-%02d\ntags = [%s]\n+++\n", i, 1+i%3, tags[i%len(tags)])
	}
	edits := map[string]func(i int) string{
		"title": func(i int) string {
			if i == 4 {
				return "+++\ntitle = \"Page 4, renamed\"\ndate = 2026-01-02\ntags = [\"sla\", \"scoring\"]\n+++\n"
			}
			return base(i)
		},
		"tags": func(i int) string {
			if i == 4 {
				return "+++\ntitle = \"Page 4\"\ndate = 2026-01-02\ntags = [\"meetings\"]\n+++\n"
			}
			return base(i)
		},
		"date": func(i int) string {
			if i == 0 {
				return "+++\ntitle = \"Page 0\"\ndate = 2026-02-01\ntags = [\"sla\"]\n+++\n"
			}
			return base(i)
		},
	}
	tree, cfg := relatedTree(t, base)
	prev, _ := New(tree, cfg, Options{})
	for name, edit := range edits {
		tree, cfg := relatedTree(t, edit)
		fresh, _ := New(tree, cfg, Options{})
		again, _ := New(tree, cfg, Options{Previous: prev})
		want, got := relatedOf(fresh), relatedOf(again)
		for path, rel := range want {
			if !slices.Equal(got[path], rel) {
				t.Errorf("after the %s edit, %s relates to %v with the previous model, %v from scratch", name, path, got[path], rel)
			}
		}
		again.relating.Wait()
		if reused := again.relatedFrom == prev.relatedFrom; reused != (name == "title") {
			t.Errorf("after the %s edit, the related pages were taken over: %v", name, reused)
		}
	}
}
