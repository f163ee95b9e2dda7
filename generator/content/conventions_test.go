package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/playbookhq/playbook/generator/config"
)

func TestKeysIgnoreCase(t *testing.T) {
	cfg := config.Default()
	src := "---\nTitle: Rollout checklist\nDescription: Steps for a regional rollout.\nTAGS: [launch]\nWeight: 3\n---\nBody.\n"
	p, diags := Parse("guides/rollout.md", []byte(src), cfg)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if p.Meta.Title != "Rollout checklist" || p.Meta.Description != "Steps for a regional rollout." || p.Meta.Weight != 3 {
		t.Errorf("Meta = %+v; want title, description and weight read from capitalised keys", p.Meta)
	}
	if got := p.Meta.Terms["tags"]; len(got) != 1 || got[0] != "launch" {
		t.Errorf("tags = %v; want [launch]", got)
	}
	if pos := p.KeyPos("weight"); pos.Line != 5 {
		t.Errorf("KeyPos(weight) = %v; want line 5 (the line of Weight:)", pos)
	}
	if _, ok := p.Meta.Params["Title"]; ok {
		t.Error("Title also left in Params")
	}

	// Set twice in different case: the lowercase key wins, with a warning at the other.
	src = "+++\nTitle = \"Upper\"\ntitle = \"Lower\"\n+++\n"
	p, diags = Parse("x.md", []byte(src), cfg)
	if p.Meta.Title != "Lower" {
		t.Errorf("title = %q; want the lowercase key's value", p.Meta.Title)
	}
	if !strings.Contains(diags.Error(), `content/x.md:2: warning: front matter "Title" is also set as "title"`) {
		t.Errorf("diagnostics = %v; want a warning at line 2", diags)
	}

	// Keys inside [[steps]] ignore case too.
	src = "+++\ntitle = \"P\"\n[[steps]]\nTitle = \"Book the room\"\nOwner = \"Ops\"\n+++\n"
	p, diags = Parse("playbooks/p.md", []byte(src), cfg)
	if len(diags) > 0 || len(p.Steps()) != 1 || p.Steps()[0].Title != "Book the room" || p.Steps()[0].Owner != "Ops" {
		t.Errorf("steps = %+v, %v; want one step read from capitalised keys", p.Steps(), diags)
	}
}

func TestUnknownTypeIsKept(t *testing.T) {
	p, diags := Parse("site.md", []byte("---\ntype: docs\n---\n"), config.Default())
	if len(diags) > 0 {
		t.Fatalf("an unknown type is not a parse error: %v", diags)
	}
	if p.Meta.Type != "docs" {
		t.Errorf("Type = %q; want docs (the theme may have layouts for it)", p.Meta.Type)
	}
	if KnownType(config.Default(), "docs") || !KnownType(config.Default(), "page") || !KnownType(config.Default(), "guide") {
		t.Error("KnownType disagrees with the default types")
	}
}

func TestFolderPages(t *testing.T) {
	cfg := config.Default()
	var pages []*Page
	for _, path := range []string{
		"README.md",                // root README: the home page (no _index.md)
		"team/README.md",           // a folder with only a README and a page
		"team/roles.md",            //
		"ops.md",                   // beside ops/ (no index page): ops/'s page
		"ops/deploys.md",           //
		"ops/README.md",            // ops.md is taken first: an ordinary page
		"docs/_index.md",           // the index page wins over README.md
		"docs/README.md",           //
		"docs/intro.md",            //
		"lonely.md",                // no folder lonely/
		"img.md",                   // img/ holds no pages
		"people/index.md",          // index.md beside...
		"people.md",                // ...people.md: both want /people/, left to the site
		"people/hiring/_index.md",  //
		"people/hiring/process.md", //
	} {
		p, diags := Parse(path, []byte("Text.\n"), cfg)
		if p == nil {
			t.Fatalf("parse %s: %v", path, diags)
		}
		pages = append(pages, p)
	}
	got := map[string]string{}
	for p, folder := range FolderPages(pages) {
		got[p.Path] = folder
	}
	want := map[string]string{
		"README.md":               "",
		"team/README.md":          "team",
		"ops.md":                  "ops",
		"docs/_index.md":          "docs",
		"people/index.md":         "people",
		"people/hiring/_index.md": "people/hiring",
	}
	for path, folder := range want {
		if f, ok := got[path]; !ok || f != folder {
			t.Errorf("%s: folder %q, %v; want the page of %q", path, f, ok, folder)
		}
	}
	for path := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("%s is taken as the page of %q; want an ordinary page", path, got[path])
		}
	}
}

func TestCascade(t *testing.T) {
	site := fstest.MapFS{
		"content/docs/_index.md": {Data: []byte("---\ntitle: Docs\ncascade:\n  owner: Docs team\n  teams: [Writers]\n  Type: guide\n  description: Inherited summary.\n---\n")},
		"content/docs/own.md":    {Data: []byte("---\ntitle: Own\nowner: Someone else\n---\nBody.\n")},
		"content/docs/deep/README.md": {Data: []byte("+++\ntitle = \"Deep\"\n[[cascade]]\nowner = \"Deep team\"\n[cascade._target]\npath = \"/docs/deep/api/**\"\n" +
			"[[cascade]]\nlayout_hint = \"pages only\"\n[cascade._target]\nkind = \"page\"\n+++\n")},
		"content/docs/deep/api/get.md":    {Data: []byte("# Get\n")},
		"content/docs/deep/notes.md":      {Data: []byte("# Notes\n")},
		"content/docs/deep/sub/_index.md": {Data: []byte("# Sub\n")},
		"content/docs/deep/sub/x.md":      {Data: []byte("# X\n")},
		"content/other.md":                {Data: []byte("# Other\n")},
		"content/ops.md":                  {Data: []byte("---\ncascade:\n  owner: Ops desk\n---\n# Ops\n")},
		"content/ops/rota.md":             {Data: []byte("# Rota\n")},
	}
	cfg := config.Default()
	tree, diags := Load(site, cfg, Options{DropBodies: true})
	if len(diags) > 0 {
		t.Fatalf("load: %v", diags)
	}
	pages := map[string]*Page{}
	for _, p := range tree.Pages {
		pages[p.Path] = p
	}
	check := func(path, owner, typ string) {
		t.Helper()
		p := pages[path]
		if p.Meta.Owner != owner || p.Meta.Type != typ {
			t.Errorf("%s: owner %q, type %q; want %q, %q", path, p.Meta.Owner, p.Meta.Type, owner, typ)
		}
	}
	check("docs/_index.md", "", "page")           // a cascade is for the pages below
	check("docs/own.md", "Someone else", "guide") // own values win
	check("docs/deep/README.md", "Docs team", "guide")
	check("docs/deep/api/get.md", "Deep team", "guide") // the nearest cascade wins
	check("docs/deep/notes.md", "Docs team", "guide")   // outside the _target path
	check("other.md", "", "page")
	check("ops/rota.md", "Ops desk", "page") // ops.md is the page of ops/: its cascade counts
	check("ops.md", "", "page")
	if got := pages["docs/deep/notes.md"].Meta.Params["layout_hint"]; got != "pages only" {
		t.Errorf("notes.md layout_hint = %v; want the kind=page rule's value", got)
	}
	if _, ok := pages["docs/deep/sub/_index.md"].Meta.Params["layout_hint"]; ok {
		t.Error("a section took a kind=page value")
	}
	own := pages["docs/own.md"]
	if !own.Has("teams") || len(own.Meta.Terms["teams"]) != 1 || !own.Has("description") {
		t.Errorf("own.md: teams %v, description %q; want both inherited", own.Meta.Terms["teams"], own.Meta.Description)
	}
	if pos := own.KeyPos("teams"); pos.File != "content/docs/_index.md" || pos.Line != 3 {
		t.Errorf("KeyPos(teams) = %v; want the cascade's line, content/docs/_index.md:3", pos)
	}
	if body, err := own.ReadBody(site); err != nil || string(body) != "Body.\n" {
		t.Errorf("ReadBody of a page below a cascade = %q, %v", body, err)
	}
}

func TestCascadeErrorsPointAtTheCascade(t *testing.T) {
	site := fstest.MapFS{
		"content/playbooks/_index.md": {Data: []byte("---\ncascade:\n  teams: 7\n  duration: [1, 2]\n---\n")},
		"content/playbooks/a.md":      {Data: []byte("# A\n")},
		"content/playbooks/b.md":      {Data: []byte("# B\n")},
		"content/x/_index.md":         {Data: []byte("---\ncascade: 3\n---\n")},
		"content/y/_index.md":         {Data: []byte("---\ncascade:\n  _target:\n    path: \"[\"\n---\n")},
	}
	_, diags := Load(site, config.Default(), Options{})
	got := diags.Error()
	for _, want := range []string{
		`content/playbooks/_index.md:2: front matter "teams": must be a list`,
		`content/playbooks/_index.md:2: field "duration" must be text`,
		`content/x/_index.md:2: front matter "cascade": must be a table or a list of tables`,
		`content/y/_index.md:2: front matter "cascade": _target path "[" is not a valid glob`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}
