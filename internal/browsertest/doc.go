// Package browsertest runs real-browser tests against Debian chromium with
// chromedp: it starts a headless browser per test, fails the test on any
// uncaught JavaScript exception or console error, serves folders on
// 127.0.0.1 under a path prefix with a strict Content-Security-Policy, and
// locates the repository's node_modules.
//
// When chromium (or node_modules) is missing the test is skipped with a clear
// message, unless the environment variable REQUIRE_BROWSER=1 is set, in which
// case it fails.
package browsertest
