package browsertest

import (
	"errors"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
)

// CSP is the Content-Security-Policy ServeDir sends with every response:
// generated pages must work without inline scripts or styles and without
// third-party hosts.
const CSP = "default-src 'self'"

// DiagramCSP is the Content-Security-Policy the handlers send instead of
// csp with pages that load the mermaid diagram library (DiagramScript):
// mermaid styles its SVG inline. The README states the same requirement.
const DiagramCSP = "default-src 'self'; style-src 'self' 'unsafe-inline'"

// DiagramScript is the path, in a page, that marks a page with diagrams.
const DiagramScript = "js/vendor/mermaid.min.js"

// ServeDir serves dir over HTTP on 127.0.0.1 under basePath (e.g. "/" or
// "/playbook/") until t ends, and returns the base URL including basePath,
// e.g. "http://127.0.0.1:41234/playbook/". Every response carries the
// strict CSP header.
func ServeDir(t testing.TB, dir, basePath string) string {
	t.Helper()
	return ServeDirCSP(t, dir, basePath, CSP)
}

// ServeDirCSP is ServeDir sending the Content-Security-Policy csp instead
// of the strict one (DiagramCSP on pages with diagrams all the same).
func ServeDirCSP(t testing.TB, dir, basePath, csp string) string {
	t.Helper()
	prefix := normalizePrefix(basePath)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.1: %v", err)
	}
	srv := &http.Server{Handler: HandlerCSP(dir, prefix, csp)}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("serve %s: %v", dir, err)
		}
	}()
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + prefix
}

// Handler serves dir under prefix (which must start and end with a slash)
// with the strict CSP header set.
func Handler(dir, prefix string) http.Handler { return HandlerCSP(dir, prefix, CSP) }

// HandlerCSP is Handler sending the Content-Security-Policy csp, except
// DiagramCSP with pages that draw diagrams, as the live preview does.
func HandlerCSP(dir, prefix, csp string) http.Handler {
	fsys := os.DirFS(dir)
	files := http.FileServerFS(fsys)
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), files))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		policy := csp
		if hasDiagrams(fsys, strings.TrimPrefix(r.URL.Path, prefix)) {
			policy = DiagramCSP
		}
		w.Header().Set("Content-Security-Policy", policy)
		w.Header().Set("Cache-Control", "no-store")
		mux.ServeHTTP(w, r)
	})
}

// normalizePrefix turns "", "playbook" or "/playbook" into "/playbook/".
func normalizePrefix(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// hasDiagrams reports whether the page at rel (a URL path below the
// prefix: a folder or an .html file) loads the diagram library.
func hasDiagrams(fsys fs.FS, rel string) bool {
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if !strings.HasSuffix(rel, ".html") || !fs.ValidPath(rel) {
		return false
	}
	page, err := fs.ReadFile(fsys, rel)
	return err == nil && strings.Contains(string(page), DiagramScript)
}
