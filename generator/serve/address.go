package serve

import "sync/atomic"

// address is where the preview serves the site: the origin it listens on
// and the base path the pages were built for, which the builds report
// (pipeline.Result.BasePath: the path of --baseURL, else of the
// configuration's baseURL). It is "/" until a build has read the
// configuration. The loop moves it, the server's goroutines read it.
type address struct {
	origin string // http://HOST:PORT
	base   atomic.Pointer[string]
}

// newAddress returns the address of origin with the base path "/".
func newAddress(origin string) *address {
	a := &address{origin: origin}
	root := "/"
	a.base.Store(&root)
	return a
}

// Base is the URL path the site is served under, with leading and
// trailing slash.
func (a *address) Base() string { return *a.base.Load() }

// URL is the site's address, e.g. http://127.0.0.1:1313/handbook/.
func (a *address) URL() string { return a.origin + a.Base() }

// follow moves the site to base, the base path a build made the pages
// for, and reports whether it changed. An empty base (a build that could
// not read the configuration) changes nothing.
func (a *address) follow(base string) bool {
	if base == "" {
		return false
	}
	base = withSlashes(base)
	if base == a.Base() {
		return false
	}
	a.base.Store(&base)
	return true
}

func withSlashes(p string) string {
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	if p[len(p)-1] != '/' {
		p += "/"
	}
	return p
}
