package sitecheck

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// page drives one browser tab for the navigation tests.
type page struct {
	t   *testing.T
	ctx context.Context
}

func (p page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatal(err)
	}
}

// eval returns the value of a JavaScript expression (awaited when it is a
// promise).
func eval[T any](p page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// wait blocks until expr is true (the test's deadline bounds it).
func (p page) wait(expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool]("!!("+expr+")")); err != nil {
		p.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

func (p page) open(url string, width int64) {
	p.t.Helper()
	p.do(chromedp.EmulateViewport(width, 900), chromedp.Navigate(url))
	p.wait(`document.readyState === "complete"`)
}

const playbookPage = "playbooks/lead-handoff-sla/"

// TestSidebarDesktop: at 1280 px the sidebar is a column beside the text,
// the page's link marked, its section open, the drawer button hidden.
func TestSidebarDesktop(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+playbookPage, 1280)
	if got := eval[string](p, `document.querySelector("#sidebar [aria-current=page]").getAttribute("href")`); got != basePath+playbookPage {
		t.Errorf("current sidebar link = %q", got)
	}
	if !eval[bool](p, `document.querySelector("#sidebar details[open] summary").textContent === "Playbooks"`) {
		t.Error("the page's section is not open in the sidebar")
	}
	if eval[bool](p, `getComputedStyle(document.querySelector(".sidebar-toggle")).display !== "none"`) {
		t.Error("the drawer button shows on a desktop")
	}
	if w := eval[float64](p, `document.getElementById("sidebar").getBoundingClientRect().width`); w < 150 {
		t.Errorf("sidebar is %v px wide on a desktop", w)
	}
	// A collapsed section opened by the reader is filled from nav.json.
	p.do(chromedp.Click(chromedp.CSS(`#sidebar details[data-url$="/guides/"] summary`)))
	p.wait(`document.querySelectorAll('#sidebar details[data-url$="/guides/"] a').length > 3`)
}

// TestSidebarDrawer: on a phone the sidebar is a drawer: the header button
// opens it and moves focus into it, Esc closes it and focus returns.
func TestSidebarDrawer(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+playbookPage, 375)
	visible := `(() => { const r = document.getElementById("sidebar").getBoundingClientRect(); return getComputedStyle(document.getElementById("sidebar")).visibility === "visible" && r.right > 100; })()`
	if eval[bool](p, visible) {
		t.Fatal("the drawer is open before the button is pressed")
	}
	p.do(chromedp.Click(chromedp.CSS(".sidebar-toggle")))
	p.wait(visible)
	if got := eval[string](p, `document.querySelector(".sidebar-toggle").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("aria-expanded = %q with the drawer open", got)
	}
	if !eval[bool](p, `document.getElementById("sidebar").contains(document.activeElement)`) {
		t.Error("focus did not move into the open drawer")
	}
	p.do(chromedp.KeyEvent(kb.Escape))
	p.wait(`!document.getElementById("sidebar").classList.contains("is-open")`)
	if !eval[bool](p, `document.activeElement === document.querySelector(".sidebar-toggle")`) {
		t.Error("focus did not return to the drawer button after Esc")
	}
}

// TestScrollSpy: scrolling a heading to the top marks its entry in the
// table of contents.
func TestScrollSpy(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+playbookPage, 1440)
	if !eval[bool](p, `document.querySelector(".toc-details").open`) {
		t.Fatal("the table of contents is not open on a wide screen")
	}
	ids := eval[[]string](p, `Array.from(document.querySelectorAll(".toc a")).map(a => decodeURIComponent(a.hash.slice(1)))`)
	if len(ids) < 3 {
		t.Fatalf("toc has %d entries", len(ids))
	}
	for _, id := range []string{ids[len(ids)-2], ids[1]} {
		eval[bool](p, fmt.Sprintf(`document.getElementById(%q).scrollIntoView(); true`, id))
		p.wait(fmt.Sprintf(`(document.querySelector(".toc a[aria-current]") || {}).hash === "#" + encodeURIComponent(%q).toLowerCase() || decodeURIComponent((document.querySelector(".toc a[aria-current]") || {hash: ""}).hash.slice(1)) === %q`, id, id))
	}
	if n := eval[float64](p, `document.querySelectorAll(".toc a[aria-current]").length`); n != 1 {
		t.Errorf("%v toc entries marked current", n)
	}
}

// TestCopyButton: a code block's copy button puts its code on the
// clipboard and says so to screen readers.
func TestCopyButton(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.Call(p.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: perm, AllowWithoutSanitization: true}, Setting: browser.PermissionSettingGranted,
		}); err != nil {
			t.Fatalf("grant %s: %v", perm, err)
		}
	}
	p.open(base+playbookPage, 1280)
	if got := eval[string](p, `document.querySelector(".code-block .code-lang").textContent`); got == "" {
		t.Error("code block without a language label")
	}
	want := eval[string](p, `document.querySelector(".code-block code").innerText.replace(/\n$/, "")`)
	p.do(chromedp.ScrollIntoView(chromedp.CSS(".code-copy")), chromedp.Click(chromedp.CSS(".code-copy")))
	p.wait(`document.querySelector(".code-copy").textContent === "Copied"`)
	if got := eval[string](p, `navigator.clipboard.readText()`); got != want || want == "" {
		t.Errorf("clipboard = %q, want %q", got, want)
	}
	p.wait(`Array.from(document.querySelectorAll("[role=status]")).some(e => e.textContent.includes("copied"))`)
}

// widths are the viewport widths every page type must fit.
var widths = []int64{320, 375, 768, 1024, 1280, 1440, 1920, 2560}

// pageTypes is one page of each kind in the sample site.
var pageTypes = []string{"", "playbooks/", playbookPage, "case-studies/northwind-analytics/", "guides/shared-metrics/",
	"guides/glossary/", "tags/", "teams/sales/", "search/?q=handoff", "404.html", resultsPage}

// TestNoHorizontalOverflow: at every width from 320 to 2560 px no page
// scrolls sideways, nor does the header's search popup once open.
func TestNoHorizontalOverflow(t *testing.T) {
	p := page{t, browsertest.New(t, browsertest.IgnoreConsole("404"))}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	const fits = `document.scrollingElement.scrollWidth <= innerWidth`
	const wide = `Array.from(document.querySelectorAll("body *")).filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1) && !e.closest(".visually-hidden, #sidebar:not(.is-open), .prose pre, .prose table, .table-scroll > table, .skip-link"); }).slice(0, 3).map(e => e.tagName + "." + e.className + (e.href ? "[" + e.href + "]" : "") + " " + e.textContent.slice(0, 40)).join(", ")`
	for _, w := range widths {
		for _, u := range pageTypes {
			p.open(base+u, w)
			if !eval[bool](p, fits) {
				t.Errorf("%s at %d px: scrollWidth %v > %d", u, w, eval[float64](p, `document.scrollingElement.scrollWidth`), w)
			}
			if got := eval[string](p, wide); got != "" {
				t.Errorf("%s at %d px: wider than the viewport: %s", u, w, got)
			}
		}
		// The header search popup, open with results, at this width.
		p.open(base+playbookPage, w)
		p.do(chromedp.Click(chromedp.ID("search-input")), chromedp.SendKeys(chromedp.ID("search-input"), "handoff"))
		p.wait(`document.querySelector(".search-popup:not([hidden]) .search-listbox li")`)
		p.do(chromedp.KeyEvent(kb.ArrowDown))
		if !eval[bool](p, fits) {
			t.Errorf("search popup at %d px: the page scrolls sideways", w)
		}
		if r := eval[float64](p, `document.querySelector(".search-popup").getBoundingClientRect().right - innerWidth`); r > 0 {
			t.Errorf("search popup at %d px: %v px past the right edge", w, r)
		}
		if l := eval[float64](p, `document.querySelector(".search-popup").getBoundingClientRect().left`); l < 0 {
			t.Errorf("search popup at %d px: %v px past the left edge", w, l)
		}
	}
}

// TestPhoneSearchShowsFirstResult: on a phone the search page shows its
// first result on the first screen.
func TestPhoneSearchShowsFirstResult(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+"search/?q=handoff", 375)
	p.wait(`document.querySelector("#search-results li.search-result a")`)
	if bottom := eval[float64](p, `document.querySelector("#search-results li.search-result").getBoundingClientRect().top`); bottom > 900-60 {
		t.Errorf("the first result starts %v px down a 900 px screen", bottom)
	}
	labels := eval[[]string](p, `Array.from(document.querySelectorAll("[role=search]")).map(e => e.getAttribute("aria-label") || "")`)
	if len(labels) == 2 && (labels[0] == labels[1] || labels[0] == "") {
		t.Errorf("search landmarks share a label: %q", labels)
	}
}

// TestSearchHighlightOnLandingPage: a result's link carries the matched
// words; the page it opens marks them and scrolls the first into view.
func TestSearchHighlightOnLandingPage(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+"search/?q=escalation", 1280)
	p.wait(`document.querySelector("#search-results li.search-result h2 a")`)
	href := eval[string](p, `document.querySelector("#search-results li.search-result h2 a").href`)
	if !strings.Contains(href, "hl=") {
		t.Fatalf("result link %s carries no words to highlight", href)
	}
	p.open(href, 1280)
	p.wait(`document.querySelector("mark.search-hl")`)
	if got := eval[string](p, `document.querySelector("mark.search-hl").textContent.toLowerCase()`); !strings.HasPrefix(got, "escalat") {
		t.Errorf("first mark = %q", got)
	}
	if !eval[bool](p, `(() => { const r = document.querySelector("mark.search-hl").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
		t.Error("the first marked word is not on screen")
	}
}

// TestSearchBreadcrumbDoesNotRepeat: a result's path never repeats its
// type ("Playbook › Playbooks").
func TestSearchBreadcrumbDoesNotRepeat(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+"search/?q=routine", 1280)
	p.wait(`document.querySelector("#search-results .search-result-path")`)
	for _, path := range eval[[]string](p, `Array.from(document.querySelectorAll("#search-results .search-result-path")).map(e => e.textContent)`) {
		parts := strings.Split(path, " › ")
		if len(parts) > 1 && strings.HasPrefix(strings.ToLower(parts[1]), strings.ToLower(parts[0])) {
			t.Errorf("result path repeats itself: %q", path)
		}
	}
}

// TestSearchCompoundSpellings: "hand-off", "hand off" and "handoff" find
// each other's pages.
func TestSearchCompoundSpellings(t *testing.T) {
	root, err := browsertest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	for _, dir := range []string{"content", "static"} {
		if _, err := os.Stat(filepath.Join(root, dir)); err == nil {
			if err := os.CopyFS(filepath.Join(src, dir), os.DirFS(filepath.Join(root, dir))); err != nil {
				t.Fatal(err)
			}
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"config.toml":                  string(cfg),
		"content/guides/desk-notes.md": "+++\ntitle = \"Desk notes\"\ndescription = \"Notes from the service desk.\"\n+++\n\nEvery shift ends with a written hand-off to the next one.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSite(t, src), basePath)
	for _, q := range []string{"handoff", "hand-off", "hand%20off"} {
		p.open(base+"search/?q="+q, 1280)
		p.wait(`window.searchReady && document.querySelector("#search-results li.search-result h2 a")`)
		p.wait(`Array.from(document.querySelectorAll("#search-results li.search-result")).every(li => li.querySelector("a"))`)
		got := eval[string](p, `Array.from(document.querySelectorAll("#search-results .search-result-title a")).map(a => a.pathname).join(" ")`)
		for _, want := range []string{"/guides/desk-notes/", "/playbooks/lead-handoff-sla/"} {
			if !strings.Contains(got, want) {
				t.Errorf("q=%s: results %s lack %s", q, got, want)
			}
		}
	}
}

// TestSearchDidYouMean: a search that finds nothing offers the closest
// words of the index.
func TestSearchDidYouMean(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+"search/?q=eskalasjon", 1280)
	p.wait(`document.querySelector("#search-page-status a.search-suggestion")`)
	if n := eval[float64](p, `document.querySelectorAll("#search-results li").length`); n != 0 {
		t.Fatalf("%v results for a word that is not in the site", n)
	}
	got := eval[string](p, `document.querySelector("#search-page-status a.search-suggestion").textContent`)
	if !strings.HasPrefix(got, "escalat") {
		t.Errorf("suggestion = %q, want a word starting escalat", got)
	}
	p.do(chromedp.Click(chromedp.CSS("#search-page-status a.search-suggestion")))
	p.wait(`document.querySelector("#search-results li.search-result a")`)
}

// TestSearchPopupDidYouMean: the header search box offers the closest
// words of the index too, and choosing one searches for it in the box.
func TestSearchPopupDidYouMean(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+playbookPage, 1280)
	p.do(chromedp.Click(chromedp.ID("search-input")), chromedp.SendKeys(chromedp.ID("search-input"), "eskalasjon"))
	p.wait(`document.querySelector(".search-popup:not([hidden]) .search-status a.search-suggestion")`)
	if n := eval[float64](p, `document.querySelectorAll(".search-listbox li").length`); n != 0 {
		t.Fatalf("%v results in the popup for a word that is not in the site", n)
	}
	got := eval[string](p, `document.querySelector(".search-status a.search-suggestion").textContent`)
	if !strings.HasPrefix(got, "escalat") {
		t.Errorf("suggestion = %q, want a word starting escalat", got)
	}
	p.do(chromedp.Click(chromedp.CSS(".search-status a.search-suggestion")))
	p.wait(`document.querySelector(".search-popup:not([hidden]) .search-listbox li")`)
	if v := eval[string](p, `document.getElementById("search-input").value`); v != got {
		t.Errorf("search box holds %q after choosing %q", v, got)
	}
}

// TestSearchRanksListsBelowContent: the home and section pages that match
// come after the content pages that match as well.
func TestSearchRanksListsBelowContent(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+"search/?q=routine", 1280)
	p.wait(`window.searchReady && document.querySelector("#search-results li.search-result h2 a")`)
	p.wait(`Array.from(document.querySelectorAll("#search-results li.search-result")).every(li => li.querySelector("a"))`)
	urls := eval[[]string](p, `Array.from(document.querySelectorAll("#search-results .search-result-title a")).map(a => a.pathname)`)
	isList := func(u string) bool {
		return u == basePath || u == basePath+"playbooks/" || u == basePath+"guides/" || u == basePath+"case-studies/"
	}
	seenList := false
	for _, u := range urls {
		if isList(u) {
			seenList = true
		} else if seenList {
			t.Errorf("content page %s ranks below a list page: %v", u, urls)
		}
	}
	if !seenList {
		t.Errorf("no list page among the results %v; the test no longer covers the rule", urls)
	}
}
