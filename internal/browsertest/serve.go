package browsertest

import (
	"errors"
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

// ServeDir serves dir over HTTP on 127.0.0.1 under basePath (e.g. "/" or
// "/playbook/") until t ends, and returns the base URL including basePath,
// e.g. "http://127.0.0.1:41234/playbook/". Every response carries the
// strict CSP header.
func ServeDir(t testing.TB, dir, basePath string) string {
	t.Helper()
	prefix := normalizePrefix(basePath)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.1: %v", err)
	}
	srv := &http.Server{Handler: Handler(dir, prefix)}
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
func Handler(dir, prefix string) http.Handler {
	files := http.FileServerFS(os.DirFS(dir))
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), files))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", CSP)
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
