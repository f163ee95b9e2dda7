package render

import (
	"bytes"
	"errors"
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/playbookhq/playbook/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func loadDefault(t *testing.T) *Theme {
	t.Helper()
	th, diags := LoadTheme(fstest.MapFS{}, "default")
	if len(diags) > 0 || th == nil {
		t.Fatalf("LoadTheme(default) diagnostics:\n%v", diags)
	}
	return th
}

func render(t *testing.T, th *Theme, p *Page) string {
	t.Helper()
	var b bytes.Buffer
	if err := th.Execute(&b, p); err != nil {
		t.Fatalf("Execute(%s %q) error: %v", p.Kind, p.URL, err)
	}
	return b.String()
}

// TestGolden renders a fixture page of every kind and type and compares it
// with testdata/golden/<name>.html (go test -update rewrites them).
func TestGolden(t *testing.T) {
	th := loadDefault(t)
	for name, p := range fixturePages() {
		t.Run(name, func(t *testing.T) {
			got := render(t, th, p)
			path := filepath.Join("testdata", "golden", name+".html")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("Execute(%s) differs from %s; run go test ./generator/render -update and review the diff\n%s", name, path, firstDiff(got, string(want)))
			}
		})
	}
}

// TestGoldenFilesHaveTests fails on a golden file no fixture produces.
func TestGoldenFilesHaveTests(t *testing.T) {
	pages := fixturePages()
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.html"))
	for _, f := range files {
		if _, ok := pages[strings.TrimSuffix(filepath.Base(f), ".html")]; !ok {
			t.Errorf("golden file %s has no fixture page", f)
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// TestLayoutChoice checks which layout each kind/type selects, through
// markers only that layout writes.
func TestLayoutChoice(t *testing.T) {
	th := loadDefault(t)
	tests := []struct {
		name string
		page *Page
		want string
	}{
		{"playbook single", fixturePlaybook(), `class="checklist"`},
		{"case study single", fixtureCaseStudy(), `class="metric-grid"`},
		{"guide single", fixtureGuide(), `class="toc"`},
		{"unknown type falls back to default single", fixtureContentPage("memo", "", "Memo", "/playbook/memo/"), `<article class="page">`},
		{"home", fixtureHome(), `class="hero"`},
		{"section", fixtureSection(), `id="pb-pages-title"`},
		{"taxonomy", fixtureTaxonomy(), `class="term-list"`},
		{"term", fixtureTerm(), `with this team`},
		{"404", basePage(Kind404, "", "Not found", "/playbook/404.html"), `class="not-found"`},
	}
	for _, tt := range tests {
		got := render(t, th, tt.page)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: output lacks %q", tt.name, tt.want)
		}
	}
}

// TestPageEssentials checks the head and chrome every page must carry.
func TestPageEssentials(t *testing.T) {
	th := loadDefault(t)
	want := []string{
		`<html lang="en">`,
		`<link rel="canonical" href="https://intranet.example.com/playbook/playbooks/sql/">`,
		`<meta name="robots" content="noindex">`,
		`href="/playbook/index.xml"`,
		`<script src="/playbook/js/search-boot.js" defer></script>`,
		`href="/playbook/css/syntax.css"`,
		`href="/playbook/css/search.css"`,
		`<form class="site-search" role="search" aria-label="Site" action="/playbook/search/" method="get"><label for="search-input" class="visually-hidden">Search the playbook</label><kbd class="search-key" aria-hidden="true">/</kbd><input id="search-input" name="q" type="search" autocomplete="off" placeholder="Search…" aria-keyshortcuts="/ Control+K Meta+K"></form>`,
		`<a href="/playbook/playbooks/" aria-current="page">Playbooks</a>`,
		`<a class="skip-link" href="#main">`,
		`aria-pressed="false"`,
		`<time datetime="2025-04-02">2 Apr 2025</time>`,
	}
	got := render(t, th, fixturePlaybook())
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("playbook page lacks %s", w)
		}
	}
	for _, bad := range []string{" style=", " onclick=", "<script>", "http://", "ZgotmplZ"} {
		if strings.Contains(got, bad) {
			t.Errorf("playbook page contains forbidden %q", bad)
		}
	}
}

func TestCaseStudyChangeIsSpelledOut(t *testing.T) {
	got := render(t, loadDefault(t), fixtureCaseStudy())
	for _, w := range []string{"&#43;133%</span><span class=\"visually-hidden\"> (improved)</span>", "&#43;15%</span><span class=\"visually-hidden\"> (worse)</span>", "9.8%", "47\u00a0days"} {
		if !strings.Contains(got, w) {
			t.Errorf("case study lacks %q", w)
		}
	}
}

func TestAliasIsStandalone(t *testing.T) {
	got := render(t, loadDefault(t), fixturePages()["alias"])
	for _, w := range []string{`<meta http-equiv="refresh" content="0; url=/playbook/playbooks/sql/">`, `<link rel="canonical" href="/playbook/playbooks/sql/">`} {
		if !strings.Contains(got, w) {
			t.Errorf("alias page lacks %s:\n%s", w, got)
		}
	}
	if strings.Contains(got, "site-header") {
		t.Error("alias page uses baseof; want a standalone page")
	}
}

func TestAliasRefusesScriptURL(t *testing.T) {
	p := fixturePages()["alias"]
	p.Redirect = "javascript:alert(1)"
	got := render(t, loadDefault(t), p)
	if strings.Contains(got, "url=javascript") {
		t.Errorf("alias refresh points at a script URL:\n%s", got)
	}
}

func TestSiteOverrideWins(t *testing.T) {
	site := fstest.MapFS{
		"themes/x/layouts/_default/single.html": {Data: []byte(`{{ define "main" }}<p class="override">{{ .Title }}</p>{{ end }}`)},
		"themes/x/static/css/main.css":          {Data: []byte("/* site */")},
		"themes/x/static/img/extra.png":         {Data: []byte("png")},
	}
	th, diags := LoadTheme(site, "x")
	if len(diags) > 0 {
		t.Fatalf("LoadTheme: %v", diags)
	}
	got := render(t, th, fixtureContentPage("page", "", "Hello", "/playbook/hello/"))
	if !strings.Contains(got, `<p class="override">Hello</p>`) || !strings.Contains(got, "site-header") {
		t.Errorf("override single.html not used inside baseof:\n%s", got)
	}
	css, err := fsReadString(th.Static(), "css/main.css")
	if err != nil || css != "/* site */" {
		t.Errorf("Static css/main.css = %q, %v; want the site's file", css, err)
	}
	if _, err := fsReadString(th.Static(), "js/theme.js"); err != nil {
		t.Errorf("Static lost the default js/theme.js: %v", err)
	}
	names := walkNames(t, th.Static())
	for _, w := range []string{"css/main.css", "img/extra.png", "js/theme.js"} {
		if !names[w] {
			t.Errorf("walking Static() misses %s (got %v)", w, names)
		}
	}
}

func TestOverrideParseErrorHasPosition(t *testing.T) {
	site := fstest.MapFS{
		"themes/x/layouts/_default/single.html": {Data: []byte("{{ define \"main\" }}\n<p>ok</p>\n{{ if }}\n{{ end }}")},
	}
	_, diags := LoadTheme(site, "x")
	assertDiagAt(t, diags, "themes/x/layouts/_default/single.html", 3)
}

func TestOverrideExecErrorHasPosition(t *testing.T) {
	site := fstest.MapFS{
		"themes/x/layouts/_default/single.html": {Data: []byte("{{ define \"main\" }}\n<p>ok</p>\n<p>{{ .Nope }}</p>\n{{ end }}")},
	}
	th, diags := LoadTheme(site, "x")
	if len(diags) > 0 {
		t.Fatalf("LoadTheme: %v", diags)
	}
	err := th.Execute(&bytes.Buffer{}, fixtureContentPage("page", "", "Hello", "/playbook/hello/"))
	var d *diag.Diagnostic
	if !errors.As(err, &d) {
		t.Fatalf("Execute error = %v (%T); want *diag.Diagnostic", err, err)
	}
	assertDiagAt(t, diag.List{d}, "themes/x/layouts/_default/single.html", 3)
	if d.Pos.Col == 0 {
		t.Errorf("exec diagnostic %v has no column", d)
	}
}

func TestPartialParseErrorInDefaultNamesEmbeddedPath(t *testing.T) {
	site := fstest.MapFS{"themes/default/layouts/partials/footer.html": {Data: []byte("<footer>\n{{ range }}</footer>")}}
	_, diags := LoadTheme(site, "default")
	assertDiagAt(t, diags, "themes/default/layouts/partials/footer.html", 2)
}

func TestMissingLayoutIsAnError(t *testing.T) {
	th := loadDefault(t)
	p := basePage(Kind("gallery"), "", "G", "/playbook/g/")
	if err := th.Execute(&bytes.Buffer{}, p); err == nil {
		t.Error("Execute with an unknown kind succeeded; want an error")
	}
	if err := th.Execute(&bytes.Buffer{}, &Page{}); err == nil {
		t.Error("Execute with a nil Site succeeded; want an error")
	}
}

// TestConcurrentExecute renders many pages at once (run with -race).
func TestConcurrentExecute(t *testing.T) {
	th := loadDefault(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		for name, p := range fixturePages() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := th.Execute(&bytes.Buffer{}, p); err != nil {
					t.Errorf("Execute(%s): %v", name, err)
				}
			}()
		}
	}
	wg.Wait()
}

func assertDiagAt(t *testing.T, diags diag.List, file string, line int) {
	t.Helper()
	for _, d := range diags {
		if d.Pos.File == file && d.Pos.Line == line && d.Severity == diag.Error {
			return
		}
	}
	t.Errorf("diagnostics = %v; want an error at %s:%d", diags, file, line)
}

// A site's own partials/card.html draws every card, and a card that
// appears twice is drawn the same both times.
func TestCardPartialOverride(t *testing.T) {
	site := fstest.MapFS{
		"themes/x/layouts/partials/card.html": {Data: []byte(`<div class="my-card">{{ .Title }}</div>`)},
	}
	th, diags := LoadTheme(site, "x")
	if len(diags) > 0 {
		t.Fatalf("LoadTheme: %v", diags)
	}
	p := &Page{Site: fixtureSite(), Kind: KindSection, Title: "Playbooks", URL: "/playbook/playbooks/"}
	p.Pages = append(fixtureSummaries(), fixtureSummaries()[0])
	got := render(t, th, p)
	first := fixtureSummaries()[0].Title
	if n := strings.Count(got, `<div class="my-card">`+template.HTMLEscapeString(first)+`</div>`); n != 2 {
		t.Errorf("override card for %q drawn %d times; want 2:\n%s", first, n, got)
	}
}

// TestKeptCards checks that a theme that keeps its drawings (the live
// preview's) hands its cards to the next theme: a summary with the same
// fields but a new Card is not drawn again, and one whose fields changed
// is.
func TestKeptCards(t *testing.T) {
	site := fstest.MapFS{"themes/x/layouts/partials/card.html": {Data: []byte(`<div>{{ .Title }}</div>`)}}
	load := func(prev *Theme) *Theme {
		th, diags := LoadTheme(site, "x")
		if len(diags) > 0 {
			t.Fatalf("LoadTheme: %v", diags)
		}
		th.KeepDrawn(prev)
		return th
	}
	first := load(nil)
	s := fixtureSummaries()[0]
	s.Card = &CardCache{}
	was, err := first.card(s)
	if err != nil {
		t.Fatal(err)
	}
	next := load(first)
	s.Card = &CardCache{}
	if now, _ := next.card(s); now != was || next.cards.n.Load() != 1 {
		t.Errorf("the next theme drew the same card again (%d drawings): %q, was %q", next.cards.n.Load(), now, was)
	}
	s.Card, s.Title = &CardCache{}, "Retitled"
	if now, _ := next.card(s); !strings.Contains(string(now), "Retitled") || next.cards.n.Load() != 2 {
		t.Errorf("a retitled card was not drawn again (%d drawings): %q", next.cards.n.Load(), now)
	}
}
