package site

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
)

// model parses pages given as path → source and builds the site.
func model(t *testing.T, files map[string]string, extra ...string) (*Site, string) {
	t.Helper()
	cfg := config.Default()
	for name, typ := range cfg.Types {
		typ.Required = nil
		cfg.Types[name] = typ
	}
	tree := &content.Tree{Files: extra}
	for p, src := range files {
		pg, diags := content.Parse(p, []byte(src), cfg)
		if pg == nil {
			t.Fatalf("parse %s: %v", p, diags)
		}
		tree.Pages = append(tree.Pages, pg)
	}
	s, diags := New(tree, cfg, Options{})
	return s, diags.Error()
}

func TestURLs(t *testing.T) {
	s, errs := model(t, map[string]string{
		"_index.md":                  "# Home",
		"guides/_index.md":           "# Guides",
		"guides/joint meetings.md":   "# Joint",
		"guides/abm/index.md":        "# ABM bundle",
		"guides/deep/x.md":           "+++\nslug = \"why\"\n+++\n",
		"playbooks/p.md":             "+++\nurl = \"/handoff/\"\ntitle = \"P\"\nteams=[\"a\"]\nduration=\"1\"\noutcome=\"o\"\n[[steps]]\ntitle=\"s\"\n+++\n",
		"handbook/index.md":          "# Handbook",
		"handbook/people/index.md":   "# People",
		"handbook/people/onboard.md": "# Onboard",
	}, "guides/abm/diagram.svg", "handbook/logo.png")
	if errs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", errs)
	}
	want := map[string]Kind{
		"/":                         KindHome,
		"/guides/":                  KindSection,
		"/guides/joint-meetings/":   KindPage,
		"/guides/abm/":              KindPage, // a bundle: index.md with nothing else
		"/guides/deep/":             KindSection,
		"/guides/deep/why/":         KindPage,
		"/handoff/":                 KindPage,
		"/playbooks/":               KindSection, // made for the folder
		"/handbook/":                KindSection,
		"/handbook/people/":         KindSection,
		"/handbook/people/onboard/": KindPage,
	}
	for u, k := range want {
		p := s.ByURL(u)
		if p == nil {
			t.Errorf("no page at %s", u)
			continue
		}
		if p.Kind != k {
			t.Errorf("ByURL(%q).Kind = %v; want %v", u, p.Kind, k)
		}
	}
	if got := s.ByURL("/handbook/people/onboard/").Parent.URL; got != "/handbook/people/" {
		t.Errorf("parent of onboard = %s; want /handbook/people/", got)
	}
	if got := s.ByURL("/guides/abm/").Parent.URL; got != "/guides/" {
		t.Errorf("parent of bundle = %s; want /guides/", got)
	}
	files := map[string]string{}
	for _, f := range s.Files {
		files[f.Src] = f.URL
	}
	if files["guides/abm/diagram.svg"] != "/guides/abm/diagram.svg" || files["handbook/logo.png"] != "/handbook/logo.png" {
		t.Errorf("Files = %v", files)
	}
}

func TestURLErrors(t *testing.T) {
	_, errs := model(t, map[string]string{
		"a.md":        "+++\nurl = \"/same/\"\n+++\n",
		"b.md":        "+++\nurl = \"/same/\"\n+++\n",
		"c.md":        "+++\nslug = \"../../x\"\n+++\n",
		"d.md":        "+++\nurl = \"/robots.txt\"\n+++\n",
		"e/_index.md": "# E",
		"e/index.md":  "# E again",
	})
	for _, want := range []string{
		"content/b.md:2: URL /same/ is claimed by two pages: content/a.md and content/b.md",
		`content/c.md:2: slug "../../x" must be one path segment`,
		"content/d.md:2: URL /robots.txt is reserved",
		"two index pages for one folder",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, errs)
		}
	}
}

func TestResolve(t *testing.T) {
	s, _ := model(t, map[string]string{
		"guides/joint-meetings.md": "# Joint\n## Agenda\n",
		"guides/abm/index.md":      "# ABM",
		"playbooks/p.md":           "# P",
	}, "guides/abm/diagram.svg")
	from := s.ByPath("playbooks/p.md")
	tests := []struct{ dest, url, problem string }{
		{"../guides/joint-meetings.md#agenda", "/kb/guides/joint-meetings/#agenda", ""},
		{"/guides/joint-meetings/", "/kb/guides/joint-meetings/", ""},
		{"/guides/joint-meetings", "/kb/guides/joint-meetings/", ""},
		{"../guides/abm/diagram.svg", "/kb/guides/abm/diagram.svg", ""},
		{"../guides/", "/kb/guides/", ""},
		{"https://example.com/x.md", "https://example.com/x.md", ""},
		{"mailto:a@b.c", "mailto:a@b.c", ""},
		{"#top", "#top", ""},
		{"../nope.md", "", "no page content/nope.md"},
		{"../../../etc/passwd.md", "", "leaves the content folder"},
		{"/missing/", "", "no page at /missing/"},
	}
	for _, tt := range tests {
		got := s.Resolve(from, tt.dest, "/kb/")
		if tt.problem != "" {
			if !strings.Contains(got.Problem, tt.problem) {
				t.Errorf("Resolve(%q).Problem = %q; want %q", tt.dest, got.Problem, tt.problem)
			}
			continue
		}
		if got.Problem != "" || got.URL != tt.url {
			t.Errorf("Resolve(%q) = %q (problem %q); want %q", tt.dest, got.URL, got.Problem, tt.url)
		}
	}
}

func TestTaxonomiesAndRelated(t *testing.T) {
	s, _ := model(t, map[string]string{
		"a.md": "+++\ntags = [\"SLA\", \"meetings\"]\nteams=[\"Sales\"]\n+++\n",
		"b.md": "+++\ntags = [\"sla\"]\n+++\n",
		"c.md": "+++\ntags = [\"meetings\"]\nteams=[\"sales\"]\n+++\n",
		"d.md": "+++\ntags = [\"other\"]\n+++\n",
	})
	var tags *Taxonomy
	for _, tax := range s.Taxonomies {
		if tax.Name == "tags" {
			tags = tax
		}
	}
	if tags == nil || len(tags.Terms) != 3 {
		t.Fatalf("tags = %+v; want 3 terms (SLA and sla are one)", tags)
	}
	a := s.ByPath("a.md")
	if rel := s.Related(a); len(rel) != 2 || rel[0] != s.ByPath("c.md") {
		var got []string
		for _, r := range s.Related(a) {
			got = append(got, r.URL)
		}
		t.Errorf("related of a = %v; want [/c/ /b/] (c shares a tag and a team)", got)
	}
	if len(s.Related(s.ByPath("d.md"))) != 0 {
		t.Error("d shares nothing but has related pages")
	}
}

// TestIndex checks that every page is found at its place in Pages and
// that a page of another build's model is not taken for the one there.
func TestIndex(t *testing.T) {
	files := map[string]string{"a.md": "+++\ntitle = \"A\"\n+++\n", "g/b.md": "+++\ntitle = \"B\"\n+++\n"}
	s, _ := model(t, files)
	other, _ := model(t, files)
	for i, p := range s.Pages {
		if got, ok := s.Index(p); !ok || got != i {
			t.Errorf("Index(%s) = %d, %v; want %d, true", p.URL, got, ok, i)
		}
		if _, ok := s.Index(other.Pages[i]); ok {
			t.Errorf("Index takes the other model's %s for its own", other.Pages[i].URL)
		}
	}
	if _, ok := s.Index(&Page{}); ok {
		t.Error("Index takes a page outside the model")
	}
}
