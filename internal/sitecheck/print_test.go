package sitecheck

import (
	"fmt"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/internal/browsertest"
)

// tablePage is a sample page with a table wider than a phone screen.
const tablePage = "guides/shared-metrics/"

// TestPrint: under print media the sidebar, the contents, the search box
// and the copy buttons are left out, a wide table wraps inside the page
// instead of scrolling, and the page closes with its URL.
func TestPrint(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	p.open(base+tablePage, 375)
	if !eval[bool](p, `(() => { const t = document.querySelector(".prose table"); return !!t && t.scrollWidth > innerWidth; })()`) {
		t.Fatalf("%s has no table wider than a 375 px screen; the test no longer covers wrapping", tablePage)
	}
	p.do(emulatePrint())
	for _, sel := range []string{".sidebar", ".toc", ".site-search", ".code-copy", ".site-header"} {
		if eval[bool](p, `(() => { const e = document.querySelector(`+jsQuote(sel)+`); return !!e && getComputedStyle(e).display !== "none"; })()`) {
			t.Errorf("print shows %s", sel)
		}
	}
	if eval[float64](p, `document.querySelectorAll(".sidebar, .toc").length`) < 2 {
		t.Error("the page has no sidebar and contents to hide; the test no longer covers them")
	}
	for _, bad := range eval[[]string](p, `Array.from(document.querySelectorAll(".prose table")).filter(t => {
  const s = getComputedStyle(t);
  return s.overflowX === "auto" || s.overflowX === "scroll" || t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth + 1;
}).map(t => t.querySelector("th") ? t.querySelector("th").textContent : "table")`) {
		t.Errorf("in print the table starting %q scrolls or runs off the page", bad)
	}
	if got := eval[string](p, `(() => { const e = document.querySelector(".print-source"); return e && getComputedStyle(e).display !== "none" ? e.textContent : ""; })()`); !strings.Contains(got, "/"+tablePage) {
		t.Errorf("printed footer = %q, want the page's URL", got)
	}
}

// pointerFlag makes headless chromium report a pointing device: a mouse
// (hover 2, fine pointer 4) or a touch screen (no hover 1, coarse pointer 2).
func pointerFlag(hover, pointer int) browsertest.Option {
	return browsertest.Flag("blink-settings", fmt.Sprintf("primaryHoverType=%d,availableHoverTypes=%d,primaryPointerType=%d,availablePointerTypes=%d", hover, hover, pointer, pointer))
}

// TestSlashHintHiddenOnTouch: the "/" shortcut hint in the search box is
// shown with a mouse and hidden on a touch screen (no hover).
func TestSlashHintHiddenOnTouch(t *testing.T) {
	dir := buildSample(t)
	for _, c := range []struct {
		name, media    string
		hover, pointer int
		want           bool
	}{
		{"mouse", "(hover: hover) and (pointer: fine)", 2, 4, true},
		{"touch", "(hover: none) and (pointer: coarse)", 1, 2, false},
	} {
		p := page{t, browsertest.New(t, pointerFlag(c.hover, c.pointer))}
		p.open(browsertest.ServeDir(t, dir, basePath), 1280)
		if !eval[bool](p, `matchMedia(`+jsQuote(c.media)+`).matches`) {
			t.Fatalf("%s: the browser does not report %s; the test cannot check the hint", c.name, c.media)
		}
		if got := eval[bool](p, `getComputedStyle(document.querySelector(".search-key")).display !== "none"`); got != c.want {
			t.Errorf("%s: the / hint shown = %v, want %v", c.name, got, c.want)
		}
	}
}

// jsQuote quotes s as a JavaScript string literal (s is plain ASCII here).
func jsQuote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
