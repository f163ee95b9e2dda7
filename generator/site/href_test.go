package site

import (
	"strings"
	"testing"
)

func TestHref(t *testing.T) {
	cases := map[string]string{
		"/guides/joint-meetings/": "/guides/joint-meetings/",
		"/guides/we-ird?#%/":      "/guides/we-ird%3F%23%25/",
		"/a b/\"<x>\"/":           "/a%20b/%22%3Cx%3E%22/",
		"/café/":                  "/café/",
	}
	for in, want := range cases {
		if got := Href(in); got != want {
			t.Errorf("Href(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanURLRefuses(t *testing.T) {
	for _, raw := range []string{"/a/%2e%2e/x/", `/a\b/`, `C:\x`, "/c:/x/", "/.git/config", "/a/\x01/", "/.playbook-output", "/a/%zz/", "/" + strings.Repeat("s", 256) + "/"} {
		if u, msg := cleanURL(raw); msg == "" {
			t.Errorf("cleanURL(%q) = %q, want a refusal", raw, u)
		}
	}
	for raw, want := range map[string]string{"/caf%C3%A9/": "/café/", "/.well-known/x.txt": "/.well-known/x.txt", "notes": "/notes/"} {
		if u, msg := cleanURL(raw); u != want || msg != "" {
			t.Errorf("cleanURL(%q) = %q, %q; want %q", raw, u, msg, want)
		}
	}
}
