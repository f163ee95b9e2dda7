package browsertest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// writePage writes an HTML page with an external script into a temp folder.
func writePage(t *testing.T, script string) string {
	t.Helper()
	dir := t.TempDir()
	html := `<!doctype html><html lang="en"><head><title>t</title><script src="app.js" defer></script></head><body><h1 id="h">hi</h1></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app.js"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestServeDirUnderPrefix(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.ServeDir(t, writePage(t, `document.getElementById("h").textContent = "ready";`), "/handbook/")
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Poll[string](`document.getElementById("h").textContent === "ready" && document.title`))
	if err != nil {
		t.Fatal(err)
	}
	if got != "t" {
		t.Errorf("title = %q; want %q", got, "t")
	}
}

// TestCSPBlocksInlineScript proves that ServeDir sends the strict CSP: an
// inline script must not run.
func TestCSPBlocksInlineScript(t *testing.T) {
	ctx := browsertest.New(t, browsertest.IgnoreConsole("Content Security Policy"))
	base := browsertest.ServeDir(t, writePage(t, `window.external1 = 1;`), "/")
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	ran, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.createElement("script"); s.textContent = "window.inline1 = 1"; document.head.append(s); return window.inline1 === 1; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if ran {
		t.Error("inline script ran; want it blocked by " + browsertest.CSP)
	}
}

// fakeTB records Errorf calls instead of failing the real test.
type fakeTB struct {
	testing.TB
	errors []string
}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

// TestReportsException checks that a page that throws and logs a console
// error makes New report both when the test ends.
func TestReportsException(t *testing.T) {
	fake := &fakeTB{TB: t}
	t.Cleanup(func() { // runs after New's cleanups (LIFO)
		joined := strings.Join(fake.errors, "\n")
		if !strings.Contains(joined, "boom") || !strings.Contains(joined, "console.error: bad thing") {
			t.Errorf("reported problems = %q; want the exception and the console error", joined)
		}
	})
	ctx := browsertest.New(fake)
	base := browsertest.ServeDir(t, writePage(t, `console.error("bad thing"); throw new Error("boom");`), "/")
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err != nil {
		t.Fatal(err)
	}
}
