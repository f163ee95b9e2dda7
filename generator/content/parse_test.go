package content

import (
	"strings"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/config"
)

func TestParseTypesAndFields(t *testing.T) {
	cfg := config.Default()
	src := "---\ntitle: Win-back\ndate: 2026-03-14\ntags: [sla, SLA]\nteams: Sales\ncompany: Acme\nindustry: Software\nchallenge: Cold leads\nresults:\n  - label: Conversion\n    before: 4\n    after: 9.5\n    unit: \"%\"\nextra: 1\n---\nBody\n"
	p, diags := Parse("case-studies/acme.md", []byte(src), cfg)
	if len(diags) != 0 {
		t.Fatalf("Parse diagnostics: %v", diags)
	}
	if p.Meta.Type != "case-study" || len(p.Results()) != 1 || p.Results()[0].After != 9.5 || p.Fields["company"] != "Acme" {
		t.Errorf("case study = %+v %+v", p.Fields, p.Results())
	}
	if !p.Meta.Date.Equal(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date = %v", p.Meta.Date)
	}
	if got := p.Meta.Terms["teams"]; len(got) != 1 || got[0] != "Sales" {
		t.Errorf("teams = %v; want a single string accepted as a list", got)
	}
	if p.Meta.Params["extra"] == nil || p.Meta.Params["company"] != nil {
		t.Errorf("params = %v; want unknown keys only", p.Meta.Params)
	}
	if p.BodyLine != 15 || string(p.Body) != "Body\n" {
		t.Errorf("body = %q at line %d", p.Body, p.BodyLine)
	}
}

func TestParseTitleFallbacks(t *testing.T) {
	cfg := config.Default()
	for _, tt := range []struct{ path, src, title string }{
		{"sales/discovery-calls.md", "\n# Discovery calls {#dc}\n\nText", "Discovery calls"},
		{"sales/pricing_approvals.md", "No heading here.", "Pricing approvals"},
		{"people/onboarding/index.md", "Intro", "Onboarding"},
		{"x.md", "## Not an H1\n# Later", "X"},
		{"y.md", "# Budget rules {.wide #budget}\n", "Budget rules"},
		{"z.md", "# Sets {of} things\n", "Sets {of} things"},
	} {
		p, _ := Parse(tt.path, []byte(tt.src), cfg)
		if p.Meta.Title != tt.title {
			t.Errorf("Parse(%s).Title = %q; want %q", tt.path, p.Meta.Title, tt.title)
		}
	}
}

func TestParseTitleMarkup(t *testing.T) {
	cfg := config.Default()
	for _, tt := range []struct{ src, title, html string }{
		{"# **Total Rewards**\n", "Total Rewards", "<strong>Total Rewards</strong>"},
		{"+++\ntitle = \"The *MQL* trap\"\n+++\n", "The MQL trap", "The <em>MQL</em> trap"},
		{"+++\ntitle = \"Plain words\"\n+++\n", "Plain words", ""},
	} {
		p, _ := Parse("t.md", []byte(tt.src), cfg)
		if p.Meta.Title != tt.title || p.TitleHTML != tt.html {
			t.Errorf("Parse(%q) title = %q, %q; want %q, %q", tt.src, p.Meta.Title, p.TitleHTML, tt.title, tt.html)
		}
	}
}

func TestParseFieldErrors(t *testing.T) {
	cfg := config.Default()
	src := "+++\ntitle = [1, 2]\ndate = \"soon\"\ndraft = \"yes\"\ntype = \"memo\"\n+++\n"
	_, diags := Parse("playbooks/p.md", []byte(src), cfg)
	got := diags.Error()
	for _, want := range []string{
		`content/playbooks/p.md:2: front matter "title": must be text`,
		`content/playbooks/p.md:3: front matter "date": "soon" is not a date`,
		`content/playbooks/p.md:4: front matter "draft": must be true or false`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	_, diags = Parse("playbooks/q.md", []byte("+++\n[[steps]]\nowner = \"x\"\n+++\n"), cfg)
	if !strings.Contains(diags.Error(), `content/playbooks/q.md:2:1: field "steps[1].title" is missing`) {
		t.Errorf("step without title: %v", diags)
	}
}

// FuzzParse checks that no front matter, however broken, panics the parser.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"x\"\n[[steps]]\ntitle = 1\n+++\n",
		"---\nresults:\n  - before: x\n---\n",
		"+++\nsteps = [{title = 1}, 2]\nownr = 1\n[[steps]]\nowner = []\n+++\nTODO: x\n",
		"---\nsteps:\n  - {title: [1], ownr: x}\n  - 3\nresults: {a: 1}\ndescription: \"TODO: y\"\n---\n",
		"---\n- a\n- b\n---\n",
		"+++\n[[results]]\nlabel = \"l\"\nbefore = 1\nafter = 2\n+++\n# H\n",
		"---\ntags: {a: 1}\ndate: 2020-01-01\n---\n",
		"---\nTitle: a\ntitle: b\nTAGS: [x]\n---\n",
		"---\ncascade:\n  _target: 3\n  owner: x\n---\n",
		"+++\n[[cascade]]\nType = \"playbook\"\n[cascade._target]\npath = \"[\"\n+++\n",
	} {
		f.Add("playbooks/x.md", []byte(s))
		f.Add("case-studies/x.md", []byte(s))
	}
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, path string, src []byte) {
		if path == "" {
			path = "x.md"
		}
		p, diags := Parse(path, src, cfg)
		if p == nil && len(diags) == 0 {
			t.Fatalf("Parse returned neither a page nor a diagnostic")
		}
	})
}

func TestParseDescriptionIsPlainText(t *testing.T) {
	src := "---\ntitle: T\ndescription: Porridge checks &mdash; *in the cloud*\nsummary: R&D `notes`\n---\nBody\n"
	p, diags := Parse("misc/t.md", []byte(src), config.Default())
	if len(diags) != 0 {
		t.Fatalf("Parse diagnostics: %v", diags)
	}
	if got, want := p.Meta.Description, "Porridge checks — in the cloud"; got != want {
		t.Errorf("description = %q; want %q", got, want)
	}
	if got, want := p.Meta.Summary, "R&D notes"; got != want {
		t.Errorf("summary = %q; want %q", got, want)
	}
}

func TestParseHomeWithoutTitleTakesSiteTitle(t *testing.T) {
	cfg := config.Default()
	cfg.Title = "Field Handbook"
	for _, file := range []string{"README.md", "_index.md"} {
		p, diags := Parse(file, []byte("[Read it elsewhere](https://example.com/)\n\n# Handbook\n\nText.\n"), cfg)
		if len(diags) != 0 {
			t.Fatalf("Parse(%s) diagnostics: %v", file, diags)
		}
		if p.Meta.Title != "Field Handbook" {
			t.Errorf("Parse(%s) title = %q; want the site's title", file, p.Meta.Title)
		}
	}
}
