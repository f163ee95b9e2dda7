package sitecheck

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// axeTags are the rule sets run: WCAG 2.0 and 2.1, levels A and AA.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))`

// violation is one failed axe rule on one page.
type violation struct {
	ID      string   `json:"id"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// view is one way of looking at a page.
type view struct {
	name   string
	scheme string // prefers-color-scheme
	width  int64  // 0: desktop default
}

var views = []view{
	{name: "light", scheme: "light"},
	{name: "dark", scheme: "dark"},
	{name: "phone", scheme: "light", width: 375},
}

// TestAccessibility loads every page of the sample site in chromium, in
// light and dark mode and at a 375 px wide viewport, runs axe-core's WCAG 2
// A/AA rules and fails listing every violation (page, rule, targets).
func TestAccessibility(t *testing.T) {
	axeSource := readAxe(t)
	ctx := browsertest.New(t)
	dir := buildSample(t)
	base := browsertest.ServeDir(t, dir, basePath)
	for _, page := range htmlPages(t, dir) {
		if isRedirect(t, dir, page) {
			continue
		}
		for _, v := range views {
			for _, f := range checkPage(ctx, pageURL(base, page), v, axeSource) {
				t.Errorf("%s [%s]: %s", page, v.name, f)
			}
		}
	}
}

// paginatedPages are list pages of the sample site built with one item a
// page: numbered links with gaps on both sides.
var paginatedPages = []string{"teams/sales/index.html", "teams/sales/page/7/index.html", "teams/sales/page/14/index.html"}

// TestAccessibilityPaginated checks list pages split over many pages,
// whose paginator leaves gaps, which the sample site's lists are too short
// to show.
func TestAccessibilityPaginated(t *testing.T) {
	axeSource := readAxe(t)
	ctx := browsertest.New(t)
	dir := buildSampleWith(t, "paginate", "1")
	base := browsertest.ServeDir(t, dir, basePath)
	for _, page := range paginatedPages {
		if !strings.Contains(readPage(t, dir, page), "paginator-gap") {
			t.Errorf("%s: no gap in the paginator; the test no longer covers one", page)
		}
		for _, v := range views {
			for _, f := range checkPage(ctx, pageURL(base, page), v, axeSource) {
				t.Errorf("%s [%s]: %s", page, v.name, f)
			}
		}
	}
}

// checkPage returns one line per axe violation, or the error that stopped
// the check.
func checkPage(ctx context.Context, url string, v view, axeSource string) []string {
	width, height := int64(1280), int64(900)
	if v.width > 0 {
		width, height = v.width, 800
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, height),
		emulateScheme(v.scheme),
		chromedp.Navigate(url),
	)
	if err != nil {
		return []string{"load: " + err.Error()}
	}
	if err := waitDiagrams(ctx); err != nil {
		return []string{"diagrams: " + err.Error()}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+"\n;true")); err != nil {
		return []string{"inject axe: " + err.Error()}
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		return []string{"run axe: " + err.Error()}
	}
	var lines []string
	for _, f := range found {
		lines = append(lines, fmt.Sprintf("%s (%s) at %s", f.ID, f.Help, strings.Join(f.Targets, " | ")))
	}
	return lines
}

// emulateScheme sets the prefers-color-scheme media feature.
func emulateScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

func readAxe(t *testing.T) string {
	t.Helper()
	path := filepath.Join(browsertest.NodeModules(t), "axe-core", "axe.min.js")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read axe-core (run npm ci): %v", err)
	}
	return string(b)
}
