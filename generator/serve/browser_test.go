package serve

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// In a real browser: an edit reloads the page by itself and keeps the
// scroll position, a bad edit shows the overlay over the last good page, the
// fix removes it, a CSS edit swaps the stylesheet without a reload, and a
// page's warnings show as a badge that goes once they are fixed.
func TestBrowserLiveReload(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{}) // started first, so it stops after the browser
	ctx := browsertest.New(t)
	page := filepath.Join(fake.src, "content", "page.md")

	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// poll evaluates expr until it is true, across the page's own reloads
	// (an evaluation cut short by a navigation is tried again). The
	// deadline only guards against a hang.
	poll := func(step, expr string) {
		t.Helper()
		guard := time.Now().Add(time.Minute)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
			if err == nil && ok {
				return
			}
			if time.Now().After(guard) {
				t.Fatalf("%s: never true: %s (last error: %v)", step, expr, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	eval := func(step, expr string) bool {
		t.Helper()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil {
			t.Fatalf("%s: %s: %v", step, expr, err)
		}
		return ok
	}

	run("open", chromedp.Navigate(srv.url))
	poll("open", `window.playbookLiveReload === 'connected'`)
	run("scroll", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 600); window.notReloaded = true`))

	writeFile(t, page, "second version\n")
	poll("edit", `document.getElementById('title').textContent === 'second version' && window.playbookLiveReload === 'connected'`)
	if eval("edit", `window.notReloaded === true`) {
		t.Error("edit: the page changed without a reload")
	}
	poll("edit: scroll kept", `Math.abs(window.scrollY - 600) < 2`)

	writeFile(t, page, "+++\nBROKEN\n")
	poll("bad edit", `!!document.getElementById('playbook-build-errors')`)
	if !eval("bad edit", `(function () {
		var box = document.getElementById('playbook-build-errors');
		return box.getAttribute('role') === 'alert' &&
			box.textContent.indexOf('content/page.md:2:1 front matter: unclosed table') >= 0 &&
			document.getElementById('title').textContent === 'second version';
	})()`) {
		t.Error("bad edit: overlay lacks role=alert or file:line and message, or the last good page is gone")
	}

	writeFile(t, page, "fixed version\n")
	poll("fix", `document.getElementById('title').textContent === 'fixed version' && window.playbookLiveReload === 'connected'`)
	if eval("fix", `!!document.getElementById('playbook-build-errors')`) {
		t.Error("fix: the overlay is still shown")
	}

	run("mark", chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`))
	writeFile(t, filepath.Join(fake.src, "static", "style.css"), "h1 { color: rgb(0, 0, 128) }\n")
	poll("css edit", `getComputedStyle(document.getElementById('title')).color === 'rgb(0, 0, 128)'`)
	if !eval("css edit", `window.notReloaded === true`) {
		t.Error("css edit: the page reloaded; want the stylesheet swapped in place")
	}

	writeFile(t, page, "WARN version\n")
	poll("warning", `(function () {
		var box = document.getElementById('playbook-page-warnings');
		return !!box && box.querySelector('button').textContent === '1 warning';
	})()`)
	run("open the list", chromedp.Evaluate[chromedp.Void](`document.querySelector('#playbook-page-warnings button').click()`))
	if !eval("open the list", `(function () {
		var list = document.querySelector('#playbook-page-warnings ul');
		return !list.hidden && list.textContent.indexOf('content/page.md:1:3: warning: broken link "/gone/"') >= 0 &&
			document.querySelector('#playbook-page-warnings button').getAttribute('aria-expanded') === 'true';
	})()`) {
		t.Error("warning: the badge's list is hidden or lacks the warning with its position")
	}
	writeFile(t, page, "clean version\n")
	poll("warning fixed", `document.getElementById('title').textContent === 'clean version' && !document.getElementById('playbook-page-warnings')`)
}
