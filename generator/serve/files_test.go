package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func siteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":           "<!doctype html><html><head><title>Home</title></head><body>home</body></html>",
		"guides/index.html":    "<!doctype html><html><head><title>Guides</title></head><body>guides</body></html>",
		"guides/a/index.html":  "<html><body>no head</body></html>",
		"404.html":             "<!doctype html><html><head><title>404</title></head><body>custom not found</body></html>",
		"css/site.css":         "body{}",
		"js/search.js":         "'use strict';",
		"index.xml":            "<feed/>",
		"search/index.json":    "{}",
		"fonts/x.woff2":        "wOF2",
		"favicon.svg":          "<svg/>",
		".secret":              "hidden",
		".well-known/key.txt":  "hidden",
		"empty/readme.txt":     "no index here",
		"robots.txt":           "User-agent: *",
		"images/logo.png":      "\x89PNG",
		"sitemap.xml":          "<urlset/>",
		"guides/a/diagram.svg": "<svg/>",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	outside := filepath.Join(t.TempDir(), "outside.txt")
	writeFile(t, outside, "outside the site")
	if err := os.Symlink(outside, filepath.Join(dir, "escape.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSiteHandler(t *testing.T) {
	dir := siteDir(t)
	tests := []struct {
		method, path string
		code         int
		ctype        string // prefix of Content-Type
		body         string // substring of the body
		location     string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "home", ""},
		{"GET", "/guides/", 200, "text/html", "guides", ""},
		{"GET", "/guides", 301, "", "", "/guides/"},
		{"GET", "/guides?x=1", 301, "", "", "/guides/?x=1"},
		{"GET", "/guides/a/", 200, "text/html", "no head" + `<script src="/__playbook/reload.js?build=0" defer></script></body>`, ""},
		{"GET", "/css/site.css", 200, "text/css", "body{}", ""},
		{"GET", "/js/search.js", 200, "text/javascript", "use strict", ""},
		{"GET", "/index.xml", 200, "application/xml", "<feed/>", ""},
		{"GET", "/sitemap.xml", 200, "application/xml", "<urlset/>", ""},
		{"GET", "/search/index.json", 200, "application/json", "{}", ""},
		{"GET", "/fonts/x.woff2", 200, "font/woff2", "wOF2", ""},
		{"GET", "/favicon.svg", 200, "image/svg+xml", "<svg/>", ""},
		{"GET", "/images/logo.png", 200, "image/png", "PNG", ""},
		{"GET", "/robots.txt", 200, "text/plain", "User-agent", ""},
		{"GET", "/missing/", 404, "text/html", "custom not found", ""},
		{"GET", "/.secret", 404, "text/html", "custom not found", ""},
		{"GET", "/.well-known/key.txt", 404, "text/html", "custom not found", ""},
		{"GET", "/empty/", 404, "text/html", "custom not found", ""}, // no listing
		{"GET", "/escape.txt", 404, "text/html", "custom not found", ""},
		{"GET", "/guides/%2e%2e/%2e%2e/etc/passwd", 404, "text/html", "custom not found", ""},
		{"GET", "/guides\\..\\index.html", 404, "text/html", "custom not found", ""},
		{"HEAD", "/", 200, "text/html", "", ""},
		{"POST", "/", 405, "", "", ""},
	}
	h := siteHandler{dir: dir, addr: at("/"), hub: NewHub()}
	for _, tt := range tests {
		req := httptest.NewRequest(tt.method, "http://127.0.0.1"+tt.path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		if res.StatusCode != tt.code {
			t.Errorf("%s %s = %d; want %d", tt.method, tt.path, res.StatusCode, tt.code)
			continue
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
			t.Errorf("%s %s: Content-Type = %q; want %q", tt.method, tt.path, ct, tt.ctype)
		}
		if !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("%s %s: body = %q; want it to contain %q", tt.method, tt.path, rec.Body.String(), tt.body)
		}
		if loc := res.Header.Get("Location"); loc != tt.location {
			t.Errorf("%s %s: Location = %q; want %q", tt.method, tt.path, loc, tt.location)
		}
		if strings.Contains(rec.Body.String(), "hidden") || strings.Contains(rec.Body.String(), "outside the site") {
			t.Errorf("%s %s leaked a file that must not be served", tt.method, tt.path)
		}
	}
}

func TestSiteHandlerUnderBasePath(t *testing.T) {
	h := siteHandler{dir: siteDir(t), addr: at("/handbook/")}
	for _, tt := range []struct {
		path     string
		code     int
		location string
	}{
		{"/", 302, "/handbook/"},
		{"/handbook", 302, "/handbook/"},
		{"/handbook/", 200, ""},
		{"/handbook/guides/", 200, ""},
		{"/guides/", 404, ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1"+tt.path, nil))
		if rec.Code != tt.code || rec.Header().Get("Location") != tt.location {
			t.Errorf("GET %s = %d Location %q; want %d %q", tt.path, rec.Code, rec.Header().Get("Location"), tt.code, tt.location)
		}
		if strings.Contains(rec.Body.String(), "__playbook") {
			t.Errorf("GET %s: reload script injected without live reload", tt.path)
		}
	}
}

func TestNotFoundWithoutSite(t *testing.T) {
	h := siteHandler{dir: t.TempDir(), addr: at("/"), hub: NewHub()}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/", nil))
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "/__playbook/reload.js") {
		t.Errorf("GET / before any good build = %d %q; want 404 with the reload script", rec.Code, rec.Body.String())
	}
}

func TestInjectReload(t *testing.T) {
	tag := `<script src="/__playbook/reload.js?build=7" defer></script>`
	for _, tt := range []struct{ in, want string }{
		{"<html><head><title>x</title></head><body></body></html>", "<html><head><title>x</title>" + tag + "</head><body></body></html>"},
		{"<HTML><HEAD></HEAD></HTML>", "<HTML><HEAD>" + tag + "</HEAD></HTML>"},
		{"<p>no head</p></body>", "<p>no head</p>" + tag + "</body>"},
		{"<pre>&lt;/head&gt;</pre></head>", "<pre>&lt;/head&gt;</pre>" + tag + "</head>"},
		{"fragment", "fragment" + tag},
		{"", tag},
	} {
		if got := string(injectReload([]byte(tt.in), 7)); got != tt.want {
			t.Errorf("injectReload(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSafeRel(f *testing.F) {
	for _, s := range []string{"", "a/b", "../x", "a/../../b", ".git/config", "a//b", "a\\b", "x\x00", "a/./b", "guides/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		got, ok := safeRel(rel)
		if !ok {
			return
		}
		if got == "." {
			return
		}
		if !filepath.IsLocal(got) {
			t.Errorf("safeRel(%q) = %q, which is not local", rel, got)
		}
		for _, seg := range strings.Split(got, "/") {
			if seg == "" || seg[0] == '.' {
				t.Errorf("safeRel(%q) = %q with segment %q", rel, got, seg)
			}
		}
	})
}

// Pages that draw diagrams get the policy the README gives them (inline
// styles, which mermaid needs); all others and every other file keep the
// strict one.
func TestDiagramPagesCSP(t *testing.T) {
	dir := siteDir(t)
	writeFile(t, filepath.Join(dir, "flow", "index.html"),
		`<!doctype html><html><head><script src="/js/vendor/mermaid.min.js" defer></script></head><body>flow</body></html>`)
	h := siteHandler{dir: dir, addr: at("/")}
	for path, want := range map[string]string{"/flow/": diagramCSP, "/": csp, "/guides/": csp, "/css/site.css": csp} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1"+path, nil))
		if got := rec.Header().Get("Content-Security-Policy"); got != want {
			t.Errorf("GET %s: Content-Security-Policy = %q; want %q", path, got, want)
		}
	}
}

// TestSiteHandlerServesDeferredPages checks that a page the last build
// deferred is served as deferred hands it, with the reload script, and
// that a page deferred no longer (put in place while deferred waited) is
// read from its file, opened again.
func TestSiteHandlerServesDeferredPages(t *testing.T) {
	dir := siteDir(t)
	h := siteHandler{dir: dir, addr: at("/"), hub: NewHub(), deferred: func(rel string) ([]byte, bool) {
		switch rel {
		case "guides/index.html":
			return []byte("<html><body>guides, finished</body></html>"), true
		case "guides/a/index.html": // finished meanwhile
			writeFile(t, filepath.Join(dir, "guides", "a", "index.html"), "<html><body>a, put in place</body></html>")
		}
		return nil, false
	}}
	for path, want := range map[string]string{
		"/guides/":   "guides, finished" + `<script src="/__playbook/reload.js?build=0" defer></script>`,
		"/guides/a/": "a, put in place",
		"/":          "home",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1"+path, nil))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("GET %s = %d %q; want 200 with %q", path, rec.Code, rec.Body.String(), want)
		}
	}
}

// TestSiteHandlerWaitsForPagesNotMadeYet checks that a page that is not
// in place is asked of deferred (the build may still make it: the rest of
// a split build) and served once there, and that a page that stays
// missing is a 404.
func TestSiteHandlerWaitsForPagesNotMadeYet(t *testing.T) {
	dir := siteDir(t)
	var asked []string
	h := siteHandler{dir: dir, addr: at("/"), hub: NewHub(), deferred: func(rel string) ([]byte, bool) {
		asked = append(asked, rel)
		if rel == "guides/page/2/index.html" { // made meanwhile
			writeFile(t, filepath.Join(dir, "guides", "page", "2", "index.html"), "<html><body>guides, page 2</body></html>")
		}
		return nil, false
	}}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/guides/page/2/", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "guides, page 2") {
		t.Errorf("GET /guides/page/2/ = %d %q; want the page made while it waited", rec.Code, rec.Body.String())
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/gone/", nil))
	if rec.Code != 404 {
		t.Errorf("GET /gone/ = %d; want 404", rec.Code)
	}
	if want := []string{"guides/page/2/index.html", "guides/page/2/index.html", "gone/index.html"}; !slices.Equal(asked, want) {
		t.Errorf("deferred was asked for %q; want %q", asked, want)
	}
}
