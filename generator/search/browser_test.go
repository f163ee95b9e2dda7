package search_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	build "github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// xssTitle is a page title that would run code if inserted as HTML.
const xssTitle = `<img src=x onerror=alert(1)>`

// codeWord occurs only in a code block of the hostile page: search finds
// it, excerpts never show it.
const codeWord = "quuxconfig"

// buildSampleSite builds the repository's sample site, plus one hostile
// page, under the base path /playbook/ and returns the output folder.
func buildSampleSite(t *testing.T) string {
	t.Helper()
	root, err := browsertest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(src, "config.toml"), string(cfg))
	write(t, filepath.Join(src, "content", "guides", "hostile.md"),
		"+++\ntitle = '"+xssTitle+"'\ndescription = 'A page whose title is markup.'\n+++\n\nThe zanzibar marker word.\n\n"+
			"```toml\n"+codeWord+" = true\n```\n")
	dst := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{
		Source: src, Destination: dst, BaseURL: "http://127.0.0.1/playbook/", Quiet: true,
	})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v", res.Diagnostics)
	}
	return dst
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tab runs browser steps and fails the test on the first error.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (b tab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func (b tab) str(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// await evaluates a JS expression that gives a promise of a string.
func (b tab) await(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr, func(p *runtime.EvaluateParams) {
		p.AwaitPromise = new(true)
	}))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// wait polls until expr is truthy (the test's own deadline bounds it). A
// navigation destroys the page's context while polling: then it polls again.
func (b tab) wait(expr string) {
	b.t.Helper()
	for {
		_, err := chromedp.Run(b.ctx, chromedp.Poll[bool]("!!("+expr+")"))
		if err == nil {
			return
		}
		if !(strings.Contains(err.Error(), "context") || strings.Contains(err.Error(), "navigated")) || b.ctx.Err() != nil {
			b.t.Fatalf("waiting for %s: %v", expr, err)
		}
	}
}

// resultURLs is a JS expression listing the search page's result links.
const resultURLs = `Array.from(document.querySelectorAll("#search-results .search-result-title a")).map(a => a.pathname).join(" ")`

// filteredResultsShown is a JS condition: a facet's results are on the
// page (the list is empty for a moment while they are drawn again, and
// every filter the tests click leaves some).
const filteredResultsShown = `(l => l.length > 0 && l.every(li => li.querySelector("a")))(Array.from(document.querySelectorAll("#search-results li.search-result")))`

// pageReady waits until the search page has shown an answer for q.
func (b tab) searchPage(base, query string) string {
	b.t.Helper()
	b.do(chromedp.Navigate(base + "search/?" + query))
	b.wait(`window.searchReady && document.getElementById("search-page-status").textContent`)
	b.wait(`Array.from(document.querySelectorAll("#search-results li.search-result")).every(li => li.querySelector("a"))`)
	return b.str(resultURLs)
}

func TestBrowserSearch(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.ServeDir(t, buildSampleSite(t), "/playbook/")

	t.Run("nothing loads before first use", func(t *testing.T) {
		b := tab{t, ctx}
		b.do(chromedp.Navigate(base))
		got := b.str(`performance.getEntriesByType("resource").map(e => e.name).filter(n => /search-(engine|ui)|\/search\/(manifest|s|p|f|facets)/.test(n)).join(" ")`)
		if got != "" {
			t.Errorf("home page fetched %q before search was used", got)
		}
	})

	t.Run("pointerdown on the search form starts loading", func(t *testing.T) {
		b := tab{t, ctx}
		b.str(`document.querySelector("form.site-search").dispatchEvent(new PointerEvent("pointerdown", {bubbles: true})), ""`)
		b.wait(`window.PlaybookSearch && performance.getEntriesByType("resource").some(e => e.name.endsWith("/search/manifest.json"))`)
		if id := b.str(`document.activeElement.id`); id == "search-input" {
			t.Error("a pointerdown alone moved the focus")
		}
	})

	t.Run("slash focuses the box and typing shows results", func(t *testing.T) {
		b := tab{t, ctx}
		b.do(chromedp.KeyEvent("/"))
		if id := b.str(`document.activeElement.id`); id != "search-input" {
			t.Fatalf("after '/', focus is on %q; want search-input", id)
		}
		b.do(chromedp.SendKeys(chromedp.ID("search-input"), "handoff"))
		b.wait(`document.querySelector("#search-listbox [role=option] a")`)
		first := b.str(`document.querySelector("#search-listbox [role=option] a").pathname`)
		if first != "/playbook/playbooks/lead-handoff-sla/" {
			t.Errorf("first result for handoff = %q; want the lead handoff SLA playbook", first)
		}
		if got := b.str(`document.getElementById("search-input").getAttribute("aria-expanded")`); got != "true" {
			t.Errorf("aria-expanded = %q; want true", got)
		}
		if got := b.str(`document.getElementById("search-status").textContent`); !strings.HasSuffix(got, " results") {
			t.Errorf("status = %q; want a result count", got)
		}
	})

	t.Run("header box fetches manifest once, no facets", func(t *testing.T) {
		b := tab{t, ctx}
		got := b.str(`performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.includes("/search/")).map(p => p.replace(/^\/playbook\/search\//, "").replace(/[0-9a-f]{12}/g, "H").replace(/\/\d+\.bin$/, "/N.bin")).sort().join(" ")`)
		if n := strings.Count(got, "manifest.json"); n != 1 {
			t.Errorf("manifest fetched %d times (%s); want once: search-boot.js starts it and the engine reuses it", n, got)
		}
		order := b.str(`(() => { const e = performance.getEntriesByType("resource"), at = s => e.find(x => x.name.includes(s)).startTime; return String(at("manifest.json") <= at("search-engine.js")); })()`)
		if order != "true" {
			t.Error("the manifest was requested after search-engine.js; search-boot.js should start both together")
		}
		if strings.Contains(got, "facets/") {
			t.Errorf("the header box fetched the facet table: %s", got)
		}
		if !strings.Contains(got, "s/H.bin") || !strings.Contains(got, "f/H/N.bin") {
			t.Errorf("fetched %s; want shards and fragments by chunk folder", got)
		}
		for _, f := range strings.Fields(got) {
			if f != "manifest.json" && f != "s/H.bin" && f != "f/H/N.bin" {
				t.Errorf("unexpected search file %s", f)
			}
		}
	})

	t.Run("arrow keys and enter", func(t *testing.T) {
		b := tab{t, ctx}
		b.do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp))
		if got := b.str(`document.getElementById("search-input").getAttribute("aria-activedescendant")`); got != "search-opt-0" {
			t.Errorf("active option = %q; want search-opt-0", got)
		}
		if got := b.str(`document.getElementById("search-opt-0").getAttribute("aria-selected")`); got != "true" {
			t.Errorf("aria-selected of the first option = %q; want true", got)
		}
		b.do(chromedp.KeyEvent(kb.Enter))
		b.wait(`location.pathname === "/playbook/playbooks/lead-handoff-sla/" && document.readyState === "complete"`)
	})

	t.Run("ctrl-k focuses and escape closes", func(t *testing.T) {
		b := tab{t, ctx}
		b.do(chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		if id := b.str(`document.activeElement.id`); id != "search-input" {
			t.Fatalf("after Ctrl-K, focus is on %q; want search-input", id)
		}
		b.do(chromedp.SendKeys(chromedp.ID("search-input"), "culture"))
		b.wait(`document.querySelector("#search-listbox [role=option]") && !document.querySelector(".search-popup").hidden`)
		b.do(chromedp.KeyEvent(kb.Escape))
		if got := b.str(`String(document.querySelector(".search-popup").hidden) + " " + document.getElementById("search-input").getAttribute("aria-expanded")`); got != "true false" {
			t.Errorf("after Escape, popup hidden and aria-expanded = %q; want %q", got, "true false")
		}
	})

	t.Run("typo", func(t *testing.T) {
		b := tab{t, ctx}
		got := b.searchPage(base, "q=hanfdoff")
		if !strings.Contains(got, "/playbook/playbooks/lead-handoff-sla/") {
			t.Errorf("results for the typo hanfdoff = %q; want the lead handoff SLA playbook", got)
		}
	})

	t.Run("japanese", func(t *testing.T) {
		b := tab{t, ctx}
		got := b.searchPage(base, "q="+"営業")
		if !strings.Contains(got, "/playbook/guides/glossary/") {
			t.Errorf("results for 営業 = %q; want the glossary", got)
		}
	})

	t.Run("shareable URL", func(t *testing.T) {
		b := tab{t, ctx}
		got := b.searchPage(base, "q=lead+handoff")
		if v := b.str(`document.getElementById("search-page-input").value`); v != "lead handoff" {
			t.Errorf("search page input = %q; want %q", v, "lead handoff")
		}
		if !strings.HasPrefix(got, "/playbook/playbooks/lead-handoff-sla/") {
			t.Errorf("results for lead handoff = %q; want the SLA playbook first", got)
		}
		b.do(chromedp.SendKeys(chromedp.ID("search-page-input"), " sla"))
		b.wait(`location.search === "?q=lead+handoff+sla"`)
	})

	t.Run("step titles and owners are found", func(t *testing.T) {
		b := tab{t, ctx}
		// "SDR pod" is only in a step's title, "Ferreira" only in the
		// page's owner: neither is in the page's text.
		for _, q := range []string{"q=SDR+pod", "q=Ferreira"} {
			got := strings.Fields(b.searchPage(base, q))
			if len(got) == 0 || got[0] != "/playbook/playbooks/lead-handoff-sla/" {
				t.Errorf("results for %s = %v; want the lead handoff SLA playbook first", q, got)
			}
		}
	})

	t.Run("audience and industry facets", func(t *testing.T) {
		b := tab{t, ctx}
		b.searchPage(base, "q=lead")
		got := b.str(`Array.from(document.querySelectorAll(".search-facet-title")).map(h => h.textContent).join(",")`)
		if !strings.Contains(got, "Audience") || !strings.Contains(got, "Industry") {
			t.Fatalf("facet groups = %q; want Audience and Industry beside Type, Team and Tag", got)
		}
		b.do(chromedp.Click(chromedp.CSS(`button[data-facet="industry"]`)))
		b.wait(`location.search.includes("industry=") && document.querySelector('button[data-facet="industry"][aria-pressed="true"]')`)
		b.wait(filteredResultsShown)
		for _, u := range strings.Fields(b.str(resultURLs)) {
			if !strings.HasPrefix(u, "/playbook/case-studies/") {
				t.Errorf("filtered by industry, result %s is not a case study", u)
			}
		}
	})

	t.Run("facet filter", func(t *testing.T) {
		b := tab{t, ctx}
		all := strings.Fields(b.searchPage(base, "q=lead"))
		b.do(chromedp.Click(chromedp.CSS(`button[data-facet="type"][data-value="Case study"]`)))
		b.wait(`location.search.includes("type=Case+study") && document.querySelector('button[data-facet="type"][aria-pressed="true"]')`)
		b.wait(filteredResultsShown)
		got := strings.Fields(b.str(resultURLs))
		if len(got) == 0 || len(got) >= len(all) {
			t.Fatalf("filtering %d results by Case study left %d", len(all), len(got))
		}
		for _, u := range got {
			if !strings.HasPrefix(u, "/playbook/case-studies/") {
				t.Errorf("result %s is not a case study", u)
			}
		}
		count := b.str(`document.querySelector('button[data-facet="type"][aria-pressed="true"] .search-facet-count').textContent`)
		if count != itoa(len(got)) {
			t.Errorf("facet count = %s; want %d", count, len(got))
		}
	})

	t.Run("phrase", func(t *testing.T) {
		b := tab{t, ctx}
		got := strings.Fields(b.searchPage(base, `q="service+level"`))
		if len(got) == 0 {
			t.Fatal(`no results for "service level"`)
		}
		for _, u := range got {
			body := b.await(`fetch("` + u + `").then(r => r.text()).then(t => String(/service[\s-]+level/i.test(t)))`)
			if body != "true" {
				t.Errorf("%s does not contain the phrase", u)
			}
		}
	})

	t.Run("marks cover words only", func(t *testing.T) {
		b := tab{t, ctx}
		b.searchPage(base, "q=handoff+sla")
		got := b.str(`Array.from(document.querySelectorAll("#search-results mark")).map(m => m.textContent + "|" + getComputedStyle(m).paddingLeft + "|" + getComputedStyle(m).paddingRight).join(" ")`)
		marks := strings.Fields(got)
		if len(marks) < 4 {
			t.Fatalf("marks on the search page for handoff sla: %q; want several", got)
		}
		for _, m := range marks {
			word, pad, _ := strings.Cut(m, "|")
			if w := strings.ToLower(word); !strings.HasPrefix(w, "handoff") && w != "sla" {
				t.Errorf("mark %q covers more than a matched word", word)
			}
			if pad != "0px|0px" {
				t.Errorf("mark %q has horizontal padding %s; want none, so it covers the word only", word, pad)
			}
		}
		if n := b.str(`String(document.querySelectorAll("#search-results .search-result-title mark").length)`); n == "0" {
			t.Error("no mark in the result titles")
		}
	})

	t.Run("code is found but not shown", func(t *testing.T) {
		b := tab{t, ctx}
		if got := b.searchPage(base, "q="+codeWord); got != "/playbook/guides/hostile/" {
			t.Fatalf("results for %s (only in a code block) = %q; want the hostile page", codeWord, got)
		}
		if text := b.str(`document.getElementById("search-results").textContent`); strings.Contains(text, codeWord) {
			t.Errorf("the result shows code: %q", text)
		}
	})

	t.Run("titles are text", func(t *testing.T) {
		b := tab{t, ctx}
		got := b.searchPage(base, "q=zanzibar")
		if got != "/playbook/guides/hostile/" {
			t.Fatalf("results for zanzibar = %q", got)
		}
		if title := b.str(`document.querySelector("#search-results .search-result-title").textContent`); title != xssTitle {
			t.Errorf("result title = %q; want it shown literally", title)
		}
		if n := b.str(`String(document.querySelectorAll("#search-results img, .search-popup img").length)`); n != "0" {
			t.Errorf("found %s img elements in the results", n)
		}
	})
}

func itoa(n int) string {
	s := ""
	for ; n > 0 || s == ""; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
