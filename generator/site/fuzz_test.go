package site

import (
	"net/url"
	"path"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzURL checks url/alias cleaning and slug handling: the result is an
// error, or a clean site path that stays in the output folder, whose
// segments are names a file system and a browser both take, and whose
// escaped form (Href) parses back to the same path.
func FuzzURL(f *testing.F) {
	for _, s := range []string{"/a/b/", "notes.txt", "/a/%2e%2e/x/", `C:\x`, "/.git/", "/we ird?#%/", "/caf%C3%A9/", "/a//b/./c", "/" + strings.Repeat("s", 300)} {
		f.Add(s, "slug")
	}
	f.Fuzz(func(t *testing.T, raw, slug string) {
		if u, msg := cleanURL(raw); msg == "" {
			checkSitePath(t, raw, u)
		}
		if !utf8.ValidString(slug) {
			return // front matter is checked to be UTF-8 before it is read
		}
		if s := urlize(slug, true); !strings.ContainsAny(slug, `/\`) && s != "" && s != "." && s != ".." && checkSegment(s) == "" {
			checkSitePath(t, slug, "/"+urlize(slug, true)+"/")
		}
	})
}

func checkSitePath(t *testing.T, raw, u string) {
	t.Helper()
	if !strings.HasPrefix(u, "/") || strings.Contains(u, "//") {
		t.Fatalf("%q → %q: not a clean site path", raw, u)
	}
	if c := path.Clean(u); c != strings.TrimSuffix(u, "/") && c != u {
		t.Fatalf("%q → %q: not clean (%q)", raw, u, c)
	}
	for _, seg := range strings.Split(strings.Trim(u, "/"), "/") {
		if seg == ".." || strings.Contains(seg, `\`) || len(seg) > MaxSegment {
			t.Fatalf("%q → %q: segment %q", raw, u, seg)
		}
		if strings.HasPrefix(seg, ".") && seg != ".well-known" {
			t.Fatalf("%q → %q: dot segment %q", raw, u, seg)
		}
	}
	if !utf8.ValidString(u) {
		return // the file name is bytes; browsers send them escaped as they are
	}
	h := Href(u)
	parsed, err := url.Parse(h)
	if err != nil || parsed.Path != u || parsed.RawQuery != "" || parsed.Fragment != "" {
		t.Fatalf("%q → %q: Href %q parses to %+v, %v", raw, u, h, parsed, err)
	}
}
