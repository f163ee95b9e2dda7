package serve

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// at is an address on a test origin serving under base.
func at(base string) *address {
	a := newAddress("http://127.0.0.1:1")
	a.follow(base)
	return a
}

func TestAddressFollowsBuilds(t *testing.T) {
	a := newAddress("http://127.0.0.1:8080")
	if a.URL() != "http://127.0.0.1:8080/" {
		t.Errorf("before any build: %q; want the origin with /", a.URL())
	}
	for _, tt := range []struct {
		base, want string
		changed    bool
	}{
		{"", "/", false}, // a build that did not read the configuration
		{"/handbook/", "/handbook/", true},
		{"/handbook/", "/handbook/", false},
		{"docs", "/docs/", true},
		{"/", "/", true},
	} {
		if got := a.follow(tt.base); got != tt.changed || a.Base() != tt.want {
			t.Errorf("follow(%q) = %v, base %q; want %v, %q", tt.base, got, a.Base(), tt.changed, tt.want)
		}
	}
}

// The preview serves under the base path its builds report, not one it
// works out from config.toml: the fake builder ignores config.toml and
// reports /from-build/, and serve goes there. The builder is made with
// the --baseURL override as given and the preview's origin.
func TestServeTakesTheBasePathFromTheBuild(t *testing.T) {
	fake := newFakeSite(t)
	writeFile(t, filepath.Join(fake.src, "config.toml"), "baseURL = \"https://example.org/handbook/\"\n")
	fake.setBasePath("/from-build/")
	srv := startServe(t, fake, Options{BaseURL: "https://example.org/docs/"})
	root := rootOf(srv.url)
	if srv.url != root+"from-build/" {
		t.Fatalf("printed URL %q; want %sfrom-build/", srv.url, root)
	}
	fake.mu.Lock()
	opts := fake.opts
	fake.mu.Unlock()
	if opts.BaseURL != "https://example.org/docs/" || opts.Origin+"/" != root {
		t.Errorf("builder made with BaseURL %q, Origin %q; want the flag's and %q", opts.BaseURL, opts.Origin, strings.TrimSuffix(root, "/"))
	}
	if code, _, body := get(t, srv.url); code != http.StatusOK || !strings.Contains(body, "first version") {
		t.Errorf("GET %s = %d %q; want the page", srv.url, code, body)
	}
	if code, _, body := get(t, root); code != http.StatusOK || !strings.Contains(body, "first version") {
		t.Errorf("GET %s = %d %q; want a redirect to the base path", root, code, body)
	}

	// A build for another base path (baseURL edited) moves the site and
	// prints its new URL.
	fake.setBasePath("/moved/")
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "second version\n")
	srv.waitLine(t, "Serving "+root+"moved/ now")
	if code, _, body := get(t, root+"moved/"); code != http.StatusOK || !strings.Contains(body, "second version") {
		t.Errorf("GET moved/ = %d %q; want the page", code, body)
	}
	if code, _, _ := get(t, srv.url); code != http.StatusNotFound {
		t.Errorf("GET %s after the move = %d; want 404", srv.url, code)
	}
}

// When the first build fails, the site is served at / with the error
// overlay; the build that succeeds moves it to its base path.
func TestServeBrokenAtStartMovesToTheBasePath(t *testing.T) {
	fake := newFakeSite(t)
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "+++\nBROKEN\n")
	fake.setBasePath("/handbook/")
	srv := startServe(t, fake, Options{})
	root := rootOf(srv.url)
	if srv.url != root {
		t.Fatalf("printed URL %q after a failed first build; want %s", srv.url, root)
	}
	if code, _, body := get(t, srv.url); code != http.StatusNotFound || !strings.Contains(body, "/__playbook/reload.js") {
		t.Errorf("GET / = %d %q; want a 404 with the reload script", code, body)
	}
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "fixed\n")
	srv.waitLine(t, "Serving "+root+"handbook/ now")
	if code, _, body := get(t, root); code != http.StatusOK || !strings.Contains(body, "fixed") {
		t.Errorf("GET / after the fix = %d %q; want a redirect to the page", code, body)
	}
}
