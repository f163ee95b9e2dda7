package archetype

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
)

// Every built-in archetype must produce a page that passes its type's validation.
func TestCreatedPagesValidate(t *testing.T) {
	cfg := config.Default()
	now := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	for _, typ := range []string{"playbook", "guide", "case-study", "page"} {
		root := t.TempDir()
		path, err := Create(root, cfg, typ, `Quarterly "pipeline" review`, now)
		if err != nil {
			t.Fatalf("Create(%s): %v", typ, err)
		}
		src, _ := os.ReadFile(path)
		rel, _ := filepath.Rel(filepath.Join(root, "content"), path)
		pg, diags := content.Parse(filepath.ToSlash(rel), src, cfg)
		if len(diags) > 0 || pg == nil {
			t.Fatalf("Create(%s) wrote an invalid page: %v\n%s", typ, diags, src)
		}
		if pg.Meta.Title != `Quarterly "pipeline" review` || pg.Meta.Type != typ && typ != "page" {
			t.Errorf("Create(%s) title/type = %q/%q", typ, pg.Meta.Title, pg.Meta.Type)
		}
		if d := pg.Validate(cfg.Types[typ].Required); len(d) > 0 {
			t.Errorf("Create(%s) misses required fields: %v", typ, d)
		}
		if _, err := Create(root, cfg, typ, `Quarterly "pipeline" review`, now); err == nil {
			t.Errorf("Create(%s) twice overwrote the first page", typ)
		}
	}
}

func TestUnknownType(t *testing.T) {
	if _, err := Create(t.TempDir(), config.Default(), "memo", "X", time.Now()); err == nil {
		t.Fatal("Create(memo) succeeded; want an unknown-type error")
	}
}
