package changes

import (
	"slices"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/site"
)

// testSite makes a model of pages given as path → front matter (TOML).
func testSite(t *testing.T, cfg *config.Config, pages map[string]string) *site.Site {
	t.Helper()
	for name, typ := range cfg.Types {
		typ.Required = nil
		cfg.Types[name] = typ
	}
	tree := &content.Tree{}
	for p, fm := range pages {
		pg, diags := content.Parse(p, []byte("+++\n"+fm+"\n+++\nText.\n"), cfg)
		if pg == nil {
			t.Fatalf("parse %s: %v", p, diags)
		}
		tree.Pages = append(tree.Pages, pg)
	}
	s, diags := site.New(tree, cfg, site.Options{})
	if s == nil || diags.Error() != "" {
		t.Fatalf("site.New: %v", diags)
	}
	return s
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWeekStart(t *testing.T) {
	for in, want := range map[string]string{
		"2026-11-23": "2026-11-23", // a Monday
		"2026-11-29": "2026-11-23", // Sunday belongs to the week before (ISO)
		"2026-11-30": "2026-11-30",
		"2027-01-01": "2026-12-28", // across a year's end
	} {
		if got := WeekStart(day(in)).Format("2006-01-02"); got != want {
			t.Errorf("WeekStart(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestRecentWindowAndMarks: newest first, New only when added in the week
// of the last change, the window counted from the newest change, the limit
// applied, undated pages left out.
func TestRecentWindowAndMarks(t *testing.T) {
	cfg := config.Default()
	cfg.WhatsNew = config.WhatsNew{Days: 30, Limit: 3}
	model := testSite(t, cfg, map[string]string{
		"guides/a.md": `title = "A"` + "\ndate = 2026-11-23\nlastmod = 2026-11-29",
		"guides/b.md": `title = "B"` + "\ndate = 2026-01-05\nlastmod = 2026-11-24",
		"guides/c.md": `title = "C"` + "\ndate = 2026-11-02",
		"guides/d.md": `title = "D"` + "\ndate = 2026-10-01", // outside 30 days
		"guides/e.md": `title = "E"`,                         // no date
	})
	c := New(model, nil, cfg, day("2026-12-01"))
	var got []string
	for _, e := range c.Recent {
		mark := "updated"
		if e.New {
			mark = "new"
		}
		got = append(got, e.Page.Title+" "+mark+" "+e.Changed.Format("01-02"))
	}
	want := []string{"A new 11-29", "B updated 11-24", "C new 11-02"}
	if len(got) != len(want) {
		t.Fatalf("Recent = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Recent[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	weeks := c.Weeks()
	if len(weeks) != 2 || len(weeks[0].Entries) != 2 || weeks[1].Start.Format("2006-01-02") != "2026-11-02" {
		t.Errorf("Weeks = %+v; want two weeks (23 Nov: A, B; 2 Nov: C)", weeks)
	}
	cfg.WhatsNew.Limit = 1
	if n := len(New(model, nil, cfg, day("2026-12-01")).Recent); n != 1 {
		t.Errorf("limit 1 gives %d entries", n)
	}
}

// TestOwners: page owners only, by name ignoring case, items by type then
// title, stale against staleAfter, ids unique and stable.
func TestOwners(t *testing.T) {
	cfg := config.Default()
	cfg.Health = map[string]any{"staleAfter": "30d"}
	cfg.Owners = map[string]string{"dana reyes": "mailto:d@example.com"}
	model := testSite(t, cfg, map[string]string{
		"playbooks/p.md": `title = "P"` + "\nowner = \"Dana Reyes\"\ndate = 2026-11-20\n[[steps]]\ntitle = \"s\"\nowner = \"Step Owner\"",
		"guides/g.md":    `title = "G"` + "\nowner = \"Dana Reyes\"\ndate = 2026-09-01",
		"guides/h.md":    `title = "H"` + "\nowner = \"dana reyes\"\ndate = 2026-11-01",
		"guides/n.md":    `title = "N"`,
	})
	c := New(model, nil, cfg, day("2026-12-01"))
	if len(c.Owners) != 2 {
		t.Fatalf("Owners = %+v; want Dana Reyes and dana reyes (step owners are not page owners)", c.Owners)
	}
	dana := c.Owners[0]
	if dana.Name != "Dana Reyes" || dana.ID != "owner-dana-reyes" || len(dana.Items) != 2 || dana.Stale != 1 {
		t.Errorf("first owner = %+v", dana)
	}
	if dana.Items[0].Page.Title != "G" || !dana.Items[0].Stale || dana.Items[1].Page.Title != "P" || dana.Items[1].Stale {
		t.Errorf("items = %+v; want the stale guide G, then the fresh playbook P", dana.Items)
	}
	other := c.Owners[1]
	if other.ID != "owner-dana-reyes-2" || other.Contact != "mailto:d@example.com" || c.OwnerID("dana reyes") != other.ID {
		t.Errorf("second owner = %+v; want its own id and the contact URL", other)
	}
	if c.OwnerID("Step Owner") != "" || c.OwnerID("nobody") != "" {
		t.Error("an owner id for a name that owns no page")
	}
	cfg.Health = map[string]any{"staleAfter": "0"}
	if n := New(model, nil, cfg, day("2026-12-01")).Owners[0].Stale; n != 0 {
		t.Errorf("staleAfter 0 marks %d pages stale", n)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Priya Raman, Revenue Operations": "priya-raman-revenue-operations",
		"Tomás Ferreira":                  "tomás-ferreira",
		"  --  ":                          "x",
		"山田 太郎":                           "山田-太郎",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// Pages changed at the same time come in the site's recent order: by
// title regardless of case, then by URL (not by URL alone).
func TestRecentTiesAsTheSite(t *testing.T) {
	cfg := config.Default()
	cfg.WhatsNew = config.WhatsNew{Days: 30, Limit: 10}
	model := testSite(t, cfg, map[string]string{
		"a/x.md": `title = "Zeta"` + "\ndate = 2026-11-02",
		"b/x.md": `title = "alpha"` + "\ndate = 2026-11-02",
		"c/x.md": `title = "Alpha"` + "\ndate = 2026-11-02",
	})
	c := New(model, nil, cfg, day("2026-12-01"))
	var got []string
	for _, e := range c.Recent {
		got = append(got, e.Page.URL)
	}
	want := []string{"/b/x/", "/c/x/", "/a/x/"}
	if !slices.Equal(got, want) {
		t.Errorf("Recent = %v; want %v", got, want)
	}
	got = got[:0]
	for _, p := range model.Recent(10) {
		got = append(got, p.URL)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the site's Recent = %v; want what's new's order %v", got, want)
	}
}
