package sitecheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// TestFragmentsLand opens links to headings in a real browser and checks
// that the page scrolls to them: an exact id, the id of a title taken from
// the leading "# Heading", and a #fragment in other letter case, which
// GitHub also follows.
func TestFragmentsLand(t *testing.T) {
	src := t.TempDir()
	filler := strings.Repeat("A paragraph that takes up room so the page has to scroll.\n\n", 80)
	page := "# Field guide\n\n" + filler + "## Next steps\n\nThe end.\n\n" + filler
	if err := os.MkdirAll(filepath.Join(src, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "content", "guide.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	base := browsertest.ServeDir(t, buildSite(t, src), basePath)
	ctx := browsertest.New(t)
	for _, tt := range []struct {
		fragment, id string
		fresh        bool // load the page with the fragment, else follow it from the page's bottom
	}{
		{"next-steps", "next-steps", true},
		{"Next-Steps", "next-steps", true},
		{"NEXT-STEPS", "next-steps", false},
		{"field-guide", "field-guide", false},
	} {
		steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate("about:blank"), chromedp.Navigate(base + "guide/#" + tt.fragment)}
		if !tt.fresh {
			steps = []chromedp.Action[chromedp.Void]{
				chromedp.Navigate(base + "guide/"),
				chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`),
				chromedp.Navigate(base + "guide/#" + tt.fragment),
			}
		}
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
		// The target's top is at (or near, below a sticky header) the top of the viewport.
		top, err := chromedp.Run(ctx, chromedp.Poll[float64](`(function () {
			var el = document.getElementById(`+"`"+tt.id+"`"+`);
			if (!el) return 0;
			var top = el.getBoundingClientRect().top;
			return Math.abs(top) < 200 ? top + 1000 : 0;
		})()`))
		if err != nil {
			t.Errorf("#%s: the page did not scroll to id %q: %v", tt.fragment, tt.id, err)
			continue
		}
		t.Logf("#%s: %q is %.0fpx from the top", tt.fragment, tt.id, top-1000)
	}
}
