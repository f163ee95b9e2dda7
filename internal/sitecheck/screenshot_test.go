package sitecheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// ScreenshotsEnv names a folder; when set, TestScreenshots saves full-page
// PNGs of representative pages there (desktop and phone, light and dark) for
// a person to look at. It asserts nothing else, so it is opt-in.
const ScreenshotsEnv = "PLAYBOOK_SCREENSHOTS"

var screenshotPages = []string{
	"index.html",
	"playbooks/index.html",
	"playbooks/mql-sql-workshop/index.html",
	diagramPage,
	"case-studies/northwind-analytics/index.html",
	"guides/shared-metrics/index.html",
	"teams/index.html",
	"404.html",
}

func TestScreenshots(t *testing.T) {
	out := os.Getenv(ScreenshotsEnv)
	if out == "" {
		t.Skipf("set %s=DIR to save screenshots of the sample site", ScreenshotsEnv)
	}
	ctx := browsertest.New(t)
	shoot := func(t *testing.T, path string, action chromedp.Action[[]byte]) {
		t.Helper()
		png, err := chromedp.Run(ctx, action)
		if err != nil {
			t.Fatalf("screenshot %s: %v", path, err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := buildSample(t)
	base := browsertest.ServeDir(t, dir, basePath)
	for _, page := range screenshotPages {
		for _, v := range []view{{"desktop-light", "light", 1280}, {"desktop-dark", "dark", 1280}, {"phone-light", "light", 375}, {"phone-dark", "dark", 375}} {
			err := chromedp.Do(ctx, chromedp.EmulateViewport(v.width, 900), emulateScheme(v.scheme), chromedp.Navigate(pageURL(base, page)))
			if err != nil {
				t.Fatalf("%s: %v", page, err)
			}
			if err := waitDiagrams(ctx); err != nil {
				t.Fatalf("%s: %v", page, err)
			}
			name := strings.NewReplacer("/index.html", "", "/", "_", ".html", "").Replace(page) + "-" + v.name
			shoot(t, filepath.Join(out, name+"-full.png"), chromedp.FullScreenshot(100))
			shoot(t, filepath.Join(out, name+"-top.png"), chromedp.CaptureScreenshot())
			for _, sel := range []string{".results", ".steps", ".list-section", ".page-footer", ".diagram"} {
				present, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("`+sel+`") !== null`))
				if err != nil {
					t.Fatal(err)
				}
				if present {
					shoot(t, filepath.Join(out, name+"-"+strings.TrimPrefix(sel, ".")+".png"), chromedp.Screenshot(chromedp.CSS(sel)))
				}
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.scrollTo(0, document.body.scrollHeight * 0.4); true`)); err != nil {
				t.Fatal(err)
			}
			shoot(t, filepath.Join(out, name+"-middle.png"), chromedp.CaptureScreenshot())
		}
	}
}
