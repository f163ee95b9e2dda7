package sitecheck

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// changesPages are the what's-new page and the owners directory.
var changesPages = []string{"whats-new/index.html", "owners/index.html"}

// TestChangesPages checks the what's-new page and the owners directory of
// a copy of the sample site outside git (dated by front matter, so they
// show New and Updated entries, stale pages and contact links): axe in
// light, dark and phone views, html-validate, and in the browser every
// owner link of the what's-new page and of a page's meta lands on that
// owner's entry.
func TestChangesPages(t *testing.T) {
	axeSource := readAxe(t)
	ctx := browsertest.New(t)
	dir := buildSampleWith(t, "paginate", "6")
	for page, marks := range map[string][]string{
		"whats-new/index.html": {`class="change-mark change-new"`, `class="change-mark change-updated"`, `href="/playbook/owners/#owner-`},
		"owners/index.html":    {`class="stale-badge"`, `class="owner-contact" href="mailto:`, `<h3>Playbook</h3>`, `<h3>Case study</h3>`},
	} {
		html := readPage(t, dir, page)
		for _, m := range marks {
			if !strings.Contains(html, m) {
				t.Errorf("%s lacks %s: the check no longer covers it", page, m)
			}
		}
	}
	base := browsertest.ServeDir(t, dir, basePath)
	for _, page := range changesPages {
		for _, v := range views {
			for _, f := range checkPage(ctx, pageURL(base, page), v, axeSource) {
				t.Errorf("%s [%s]: %s", page, v.name, f)
			}
		}
	}
	htmlValidate(t, dir, changesPages)

	// Every owner link resolves to an entry of the directory.
	var links []string
	err := chromedp.Do(ctx, chromedp.Navigate(pageURL(base, "whats-new/index.html")))
	if err == nil {
		links, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('.change-meta a[href*="/owners/#"]')].map(a => a.href)`))
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(links) == 0 {
		t.Fatal("the what's-new page links no owner")
	}
	for _, href := range append(links, base+"playbooks/lead-handoff-sla/") {
		target := href
		if !strings.Contains(href, "#") { // a content page: follow its owner link
			if err := chromedp.Do(ctx, chromedp.Navigate(href)); err != nil {
				t.Fatal(err)
			}
			target, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.page-meta a[href*="/owners/#"]').href`))
			if err != nil {
				t.Fatalf("%s: no owner link in the page's meta: %v", href, err)
			}
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(target)); err != nil {
			t.Fatal(err)
		}
		name, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(':target h2') || {}).textContent || ""`))
		if err != nil || name == "" {
			t.Errorf("%s: lands on no owner's entry (%v)", target, err)
		}
	}
}
