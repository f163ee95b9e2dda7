package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Errors in config.toml's values name their line; a theme that does not
// exist is one of them.
func TestValueErrorsHaveLines(t *testing.T) {
	cases := map[string]string{
		"title = \"x\"\nbaseURL = \"ftp://x/\"\n": "config.toml:2: invalid baseURL",
		"title = \"x\"\n\npaginate = 0\n":         "config.toml:3: paginate must be at least 1",
		"theme = \"typo\"\n":                      `config.toml:1: theme "typo" not found`,
		"maxPageSize = -1\n":                      "config.toml:1: maxPageSize must be at least 1",
	}
	for src, want := range cases {
		_, diags := Load(fstest.MapFS{"config.toml": {Data: []byte(src)}})
		if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), want) {
			t.Errorf("%q: got %v, want %s…", src, diags, want)
		}
	}
	site := fstest.MapFS{"config.toml": {Data: []byte("theme = \"mine\"\nfollowSymlinks = true\n")}, "themes/mine/layouts/x.html": {}}
	cfg, diags := Load(site)
	if len(diags) != 0 || !cfg.FollowSymlinks || cfg.MaxPageSize != DefaultMaxPageSize {
		t.Errorf("a theme folder that exists: %v, %+v", diags, cfg)
	}
}

func TestDeepConfigRefused(t *testing.T) {
	src := "title = \"x\"\n[params]\ndeep = " + strings.Repeat("{a = ", 80) + "1" + strings.Repeat("}", 80) + "\n"
	_, diags := Parse([]byte(src), Default())
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), "config.toml:3:") || !strings.Contains(diags[0].Error(), "deeper than 64 levels") {
		t.Errorf("got %v", diags)
	}
}
