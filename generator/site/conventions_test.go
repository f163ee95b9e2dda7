package site

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
)

func TestFolderPageBesideFolder(t *testing.T) {
	s, errs := model(t, map[string]string{
		"ops.md":              "# Operations",
		"ops/deploys.md":      "# Deploys",
		"ops/oncall/index.md": "# On call",
		"ops/oncall/swap.md":  "# Swapping shifts",
		"misc.md":             "# Misc",
	})
	if errs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", errs)
	}
	ops := s.ByURL("/ops/")
	if ops == nil || ops.Src == nil || ops.Src.Path != "ops.md" || ops.Kind != KindSection {
		t.Fatalf("/ops/ = %+v; want ops.md as the folder's section page", ops)
	}
	if s.ByPath("ops.md") != ops {
		t.Error("ByPath(ops.md) is not the section page")
	}
	deploys := s.ByPath("ops/deploys.md")
	if deploys.Parent != ops || len(ops.Pages) != 1 || ops.Pages[0] != deploys {
		t.Errorf("deploys.md's parent = %v; want ops.md listing it", deploys.Parent.File())
	}
	if got := s.ByPath("ops/oncall/swap.md").Ancestors(); len(got) != 3 || got[1] != ops {
		t.Errorf("breadcrumbs of swap.md do not lead through ops.md: %v", got)
	}
	if len(s.Home.Sections) != 1 || s.Home.Sections[0] != ops || len(s.Home.Pages) != 1 {
		t.Errorf("home lists sections %d and pages %d; want ops.md as a section and misc.md as a page", len(s.Home.Sections), len(s.Home.Pages))
	}
	// Links in ops.md are relative to its own folder, like GitHub's.
	if got := s.Resolve(ops, "ops/deploys.md", "/"); got.Problem != "" || got.URL != "/ops/deploys/" {
		t.Errorf("link from ops.md = %+v", got)
	}
}

func TestTwoRealPagesStillClash(t *testing.T) {
	_, errs := model(t, map[string]string{
		"ops.md":         "# Operations",
		"ops/_index.md":  "# Operations index",
		"ops/deploys.md": "# Deploys",
	})
	if !strings.Contains(errs, "URL /ops/ is claimed by two pages") {
		t.Errorf("diagnostics = %q; want the clash of ops.md and ops/_index.md", errs)
	}
}

func TestReadmeIsFolderPage(t *testing.T) {
	s, errs := model(t, map[string]string{
		"README.md":            "# Handbook",
		"people/README.md":     "# People",
		"people/hiring.md":     "# Hiring",
		"tools/README.md":      "# Tools",
		"docs/_index.md":       "# Docs",
		"docs/README.md":       "# About these docs",
		"docs/setup.md":        "# Setup",
		"people/pto/README.md": "# Time off",
	})
	if errs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", errs)
	}
	for u, want := range map[string]string{
		"/":               "README.md",
		"/people/":        "people/README.md",
		"/tools/":         "tools/README.md", // alone: a page bundle
		"/docs/":          "docs/_index.md",
		"/docs/readme/":   "docs/README.md",
		"/people/pto/":    "people/pto/README.md",
		"/people/hiring/": "people/hiring.md",
	} {
		if p := s.ByURL(u); p == nil || p.Src == nil || p.Src.Path != want {
			t.Errorf("ByURL(%s) = %v; want %s", u, p, want)
		}
	}
	if s.Home.Src == nil || s.Home.Title != "Handbook" {
		t.Errorf("home = %+v; want the root README.md", s.Home)
	}
	if got := s.Resolve(s.ByPath("docs/setup.md"), "../people/README.md", "/kb/"); got.URL != "/kb/people/" {
		t.Errorf("link to a README.md = %q; want the folder's URL", got.URL)
	}
}

func TestAliasTakesGeneratedList(t *testing.T) {
	s, errs := model(t, map[string]string{
		"news/2024/launch.md": "---\naliases: [/news/2024/]\n---\n# Launch",
		"news/2024/recap.md":  "# Recap",
		"about.md":            "---\naliases: [/news/]\n---\n# About",
	})
	if errs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", errs)
	}
	got := map[string]string{}
	for _, a := range s.Aliases {
		got[a.URL] = a.Target.Src.Path
	}
	if got["/news/2024/"] != "news/2024/launch.md" || got["/news/"] != "about.md" {
		t.Errorf("aliases = %v; want both redirects", got)
	}
	for _, p := range s.Pages {
		if p.URL == "/news/" || p.URL == "/news/2024/" {
			t.Errorf("the generated list at %s is still written", p.URL)
		}
	}
	recap := s.ByPath("news/2024/recap.md")
	if recap.Parent == nil || !recap.Parent.Redirected || recap.Parent.URL != "/news/2024/" {
		t.Errorf("recap's parent = %+v; want the redirected list, kept for breadcrumbs", recap.Parent)
	}
	if r := s.Resolve(recap, "/news/2024/", "/"); r.Problem != "" {
		t.Errorf("link to the alias URL: %s", r.Problem)
	}

	_, errs = model(t, map[string]string{
		"a.md": "---\naliases: [/b/]\n---\n",
		"b.md": "# B",
	})
	if !strings.Contains(errs, `alias "/b/" is the URL of content/b.md`) {
		t.Errorf("an alias over a real page: %q; want an error", errs)
	}
}

func TestSearchPageFromContent(t *testing.T) {
	s, errs := model(t, map[string]string{"search.md": "---\ntitle: Find anything\n---\nTry a team name.\n"})
	if errs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", errs)
	}
	if s.Search == nil || s.Search != s.ByURL(SearchURL) || s.Search.Title != "Find anything" {
		t.Errorf("Search = %+v; want search.md", s.Search)
	}
	_, errs = model(t, map[string]string{"search/_index.md": "# S", "search/x.md": "# X"})
	if !strings.Contains(errs, "URL /search/ is reserved") {
		t.Errorf("a section at /search/: %q; want it reserved", errs)
	}
}

func TestURLCaseAndDots(t *testing.T) {
	files := map[string]string{
		"Guides/Cells-1.5.md":    "# Cells",
		"Guides/Team Charter.md": "# Charter",
		"guides-index.md":        "[a](Guides/Cells-1.5.md) [b](/guides/cells-1.5/) [c](/guides/cells-1.5) [d](Guides/)",
	}
	s, errs := model(t, files)
	if errs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", errs)
	}
	cells := s.ByPath("Guides/Cells-1.5.md")
	if cells.URL != "/guides/cells-1.5/" || cells.OutFile != "guides/cells-1.5/index.html" {
		t.Errorf("URL %q, OutFile %q; want lowercase and a folder", cells.URL, cells.OutFile)
	}
	if got := s.ByPath("Guides/Team Charter.md").URL; got != "/guides/team-charter/" {
		t.Errorf("URL = %q", got)
	}
	from := s.ByPath("guides-index.md")
	for _, dest := range []string{"Guides/Cells-1.5.md", "/guides/cells-1.5/", "/guides/cells-1.5"} {
		if got := s.Resolve(from, dest, "/kb/"); got.Problem != "" || got.URL != "/kb/guides/cells-1.5/" || got.Page != cells {
			t.Errorf("Resolve(%q) = %+v; want /kb/guides/cells-1.5/", dest, got)
		}
	}
	if got := s.Resolve(from, "Guides/", "/kb/"); got.URL != "/kb/guides/" {
		t.Errorf("folder link = %+v", got)
	}

	cfg := config.Default()
	cfg.DisablePathToLower = true
	tree := &content.Tree{}
	for p, src := range files {
		pg, _ := content.Parse(p, []byte(src), cfg)
		tree.Pages = append(tree.Pages, pg)
	}
	s, _ = New(tree, cfg, Options{})
	if got := s.ByPath("Guides/Cells-1.5.md").URL; got != "/Guides/Cells-1.5/" {
		t.Errorf("with disablePathToLower URL = %q; want the case kept", got)
	}
}
