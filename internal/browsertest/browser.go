package browsertest

import (
	"context"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// ChromiumName is the executable looked up in PATH (Debian's package name).
const ChromiumName = "chromium"

// Option changes how New sets up the browser.
type Option func(*settings)

type settings struct {
	ignore []string
	flags  []chromedp.ExecAllocatorOption
}

// Flag passes a command-line flag to chromium, e.g. Flag("blink-settings",
// "primaryHoverType=2") for a browser that reports a mouse.
func Flag(name string, value any) Option {
	return func(s *settings) { s.flags = append(s.flags, chromedp.Flag(name, value)) }
}

// IgnoreConsole makes New tolerate console errors whose text contains
// substr, e.g. a 404 that a test provokes on purpose. Exceptions are never
// ignored.
func IgnoreConsole(substr string) Option {
	return func(s *settings) { s.ignore = append(s.ignore, substr) }
}

// New starts a headless chromium for t and returns a chromedp context for a
// fresh tab. The browser stops when t ends. t fails, when it ends, if the
// page threw an uncaught exception or logged a console error (including CSP
// violations and failed loads). Without chromium t is skipped, unless
// REQUIRE_BROWSER=1.
func New(t testing.TB, opts ...Option) context.Context {
	t.Helper()
	path, err := exec.LookPath(ChromiumName)
	if err != nil {
		unavailable(t, "chromium not found in PATH; install it with: apt-get install -y --no-install-recommends chromium")
	}
	var s settings
	for _, o := range opts {
		o(&s)
	}
	rec := &recorder{ignore: s.ignore}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(allocatorOptions(path, t.TempDir()), s.flags...)...)
	ctx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithListener(rec.listen))
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	t.Cleanup(func() { rec.report(t) })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	return ctx
}

// allocatorOptions are the flags that work headless as root on Debian,
// with no network access beyond what the page asks for.
func allocatorOptions(path, userDataDir string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(userDataDir),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
}
