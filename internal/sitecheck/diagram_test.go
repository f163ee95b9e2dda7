package sitecheck

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// diagramPage is the sample page with a ```mermaid diagram.
const diagramPage = "playbooks/lead-handoff-sla/index.html"

// TestDiagrams loads the sample page with a mermaid diagram: the library
// shipped in the theme draws it as an SVG in a light and a dark version,
// the one matching the colour scheme is shown (also after the theme
// toggle), print shows the light one, and the page logs no error, failed
// request or CSP violation under the policy the README gives for diagram
// pages. The library is loaded only once a diagram is near the viewport;
// pages without diagrams do not load it.
func TestDiagrams(t *testing.T) {
	ctx := browsertest.New(t)
	dir := buildSample(t)
	if !strings.Contains(readPage(t, dir, diagramPage), browsertest.DiagramScript) {
		t.Fatalf("%s does not load the diagram library", diagramPage)
	}
	for _, page := range htmlPages(t, dir) {
		if page != diagramPage && strings.Contains(readPage(t, dir, page), browsertest.DiagramScript) {
			t.Errorf("%s loads the diagram library but has no diagram", page)
		}
	}
	base := browsertest.ServeDir(t, dir, basePath)
	// On a short phone screen the diagram starts far below the first
	// screen: the library must wait until it is scrolled near.
	if err := chromedp.Do(ctx, emulateScheme("light"), chromedp.EmulateViewport(375, 500), chromedp.Navigate(pageURL(base, diagramPage))); err != nil {
		t.Fatal(err)
	}
	pollTrue(t, ctx, `document.readyState === "complete"`)
	evalChecks(t, ctx, []struct{ name, expr string }{
		{"library not loaded off-screen", `document.querySelector("figure.diagram").getBoundingClientRect().top > 800 && !window.mermaid && !document.querySelector('script[src*="mermaid"]')`},
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	if err := waitDiagrams(ctx); err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, expr string }{
		{"drawn", `!document.querySelector(".diagram-error") && document.querySelectorAll("figure.diagram .diagram-drawn svg").length === 2`},
		{"labels kept", `document.querySelector(".diagram-light svg").textContent.includes("Marketing nurture")`},
		{"light shown", `shown(".diagram-light") && !shown(".diagram-dark") && !shown(".diagram-source")`},
	}
	evalChecks(t, ctx, checks)

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".theme-toggle"))); err != nil {
		t.Fatal(err)
	}
	evalChecks(t, ctx, []struct{ name, expr string }{
		{"dark after toggle", `document.documentElement.getAttribute("data-theme") === "dark" && shown(".diagram-dark") && !shown(".diagram-light")`},
	})

	if err := chromedp.Do(ctx, emulatePrint()); err != nil {
		t.Fatal(err)
	}
	evalChecks(t, ctx, []struct{ name, expr string }{
		{"print shows light", `shown(".diagram-light") && !shown(".diagram-dark")`},
	})
}

// shownJS defines shown(selector): the element is rendered (not display: none).
const shownJS = `function shown(sel) { var e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== "none"; }; `

// evalChecks evaluates each boolean expression on the current page.
func evalChecks(t *testing.T, ctx context.Context, checks []struct{ name, expr string }) {
	t.Helper()
	for _, c := range checks {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](shownJS+c.expr))
		if err != nil || !ok {
			t.Errorf("%s: %s is not true (%v)", c.name, c.expr, err)
		}
	}
}

// pollTrue evaluates expr until it is true; the deadline only guards
// against a hang.
func pollTrue(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	guard := time.Now().Add(time.Minute)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(guard) {
			t.Fatalf("never true: %s (last error: %v)", expr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitDiagrams waits until every diagram on the page is drawn (or shows
// its error), so that checks see the page as readers do: diagrams are drawn
// when they come near the viewport, so each waiting one is scrolled into
// view in turn, and the page back to its top at the end. The deadline only
// guards against a hang.
func waitDiagrams(ctx context.Context) error {
	const done = `(() => {
  const f = document.querySelector("figure.diagram:not(.is-drawn):not(:has(.diagram-error))");
  if (f) { f.scrollIntoView({block: "center"}); return false; }
  scrollTo(0, 0);
  return true;
})()`
	guard := time.Now().Add(time.Minute)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](done))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(guard) {
			return fmt.Errorf("not drawn after a minute (last error: %v)", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// emulatePrint switches the page to print media.
func emulatePrint() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
}
