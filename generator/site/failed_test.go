package site

import (
	"testing"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
)

// A folder whose only page failed to parse keeps its index page a
// section: the index is not checked as a single guide (which would add a
// bogus "missing required field" next to the real error).
func TestFailedPageKeepsSection(t *testing.T) {
	cfg := config.Default()
	idx, diags := content.Parse("guides/_index.md", []byte("---\ntitle: Guides\n---\n"), cfg)
	if idx == nil || len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, failed := range [][]string{nil, {"guides/bad.md"}} {
		s, diags := New(&content.Tree{Pages: []*content.Page{idx}, Failed: failed}, cfg, Options{})
		bogus := len(diags) > 0
		if want := failed == nil; bogus != want {
			t.Errorf("failed %v: diagnostics %v (want some: %v)", failed, diags, want)
		}
		if failed != nil && s.ByPath("guides/_index.md").Kind != KindSection {
			t.Errorf("the index of a folder with a failed page is a %v, not a section", s.ByPath("guides/_index.md").Kind)
		}
	}
}
