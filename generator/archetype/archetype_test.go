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
	cfg, diags := config.Parse([]byte(meetingType), cfg)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, typ := range []string{"playbook", "guide", "case-study", "page", "meeting"} {
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
		if ty := cfg.Types[typ]; ty != nil {
			if d := pg.Validate(ty.Required); len(d) > 0 {
				t.Errorf("Create(%s) misses required fields: %v", typ, d)
			}
		}
		if !pg.Meta.Draft {
			t.Errorf("Create(%s) wrote a page without draft = true", typ)
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

// meetingType declares a type with a field of every kind and no archetype
// file: Create makes one from the declaration.
const meetingType = `
[types.meeting]
title = "Meeting"
section = "meetings"
[types.meeting.fields.cadence]
kind = "enum"
values = ["weekly", "monthly"]
required = true
[types.meeting.fields.host]
required = true
[types.meeting.fields.notes]
kind = "markdown"
[types.meeting.fields.minutes]
kind = "number"
required = true
[types.meeting.fields.starts]
kind = "date"
[types.meeting.fields.room]
kind = "url"
[types.meeting.fields.remote]
kind = "bool"
[types.meeting.fields.roles]
kind = "list"
required = true
[types.meeting.fields.agenda]
kind = "records"
required = true
[types.meeting.fields.agenda.fields.item]
required = true
[types.meeting.fields.agenda.fields.minutes]
kind = "number"
required = true
[types.meeting.fields.agenda.fields.link]
kind = "url"
`
