package site

import "testing"

func TestRedirectURL(t *testing.T) {
	tests := []struct {
		old, want string
		ok        bool
	}{
		{"company/old-page", "/company/old-page/", true},
		{"/company/old page/", "/company/old-page/", true},
		{"company/section/README", "/company/section/", true},
		{"company/page.md", "/company/page/", true},
		{"Company/Old-Page", "/company/old-page/", true}, // lowercase, as page URLs
		{"company/mindsets#likes", "", false},
		{"../escape", "", false},
		{"README", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := redirectURL(tt.old, true)
		if got != tt.want || ok != tt.ok {
			t.Errorf("redirectURL(%q) = %q, %v; want %q, %v", tt.old, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCleanFile(t *testing.T) {
	for in, want := range map[string]string{
		"/ops/new.md":          "ops/new.md",
		"./ops/new.md#section": "ops/new.md",
		"ops/../ops/new.md":    "ops/new.md",
	} {
		if got := cleanFile(in); got != want {
			t.Errorf("cleanFile(%q) = %q; want %q", in, got, want)
		}
	}
}
