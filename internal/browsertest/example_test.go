package browsertest_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// A typical browser test: serve a built site, open it, wait for the page to
// say it is ready, then assert. Exceptions and console errors fail the test
// automatically.
func Example() {
	var t *testing.T // the *testing.T of your test
	ctx := browsertest.New(t)
	base := browsertest.ServeDir(t, "public", "/playbook/")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/?q=lead")); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Poll[int](`window.searchReady && document.querySelectorAll("#search-results li").length`))
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no results")
	}
}
