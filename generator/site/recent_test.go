package site

import (
	"slices"
	"testing"
)

// pageURLs lists the pages' URLs.
func pageURLs(pages []*Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.URL
	}
	return out
}

// Pages with equal dates come in one order wherever recent pages are
// listed: by title regardless of case, then by URL. Source order is
// against it (a.md, URL /zz/, comes before z.md), and so is URL order
// (/c/ before /m/ and /z/), so a sort by either would fail.
func TestRecentTiesAreOneOrder(t *testing.T) {
	s, _ := model(t, map[string]string{
		"newest.md": "+++\ntitle = \"Zeta\"\ntags = [\"x\"]\nlastmod = 2026-11-20\n+++\n",
		"z.md":      "+++\ntitle = \"beta\"\ntags = [\"x\"]\ndate = 2026-11-01\n+++\n",
		"a.md":      "+++\ntitle = \"Beta\"\nslug = \"zz\"\ntags = [\"x\"]\ndate = 2026-11-01\n+++\n",
		"m.md":      "+++\ntitle = \"alpha\"\ntags = [\"x\"]\ndate = 2026-10-01\nlastmod = 2026-11-01\n+++\n",
		"c.md":      "+++\ntitle = \"Gamma\"\ntags = [\"x\"]\ndate = 2026-11-01\n+++\n",
		"old.md":    "+++\ntitle = \"Aardvark\"\ntags = [\"x\"]\ndate = 2025-01-01\n+++\n",
	})
	want := []string{"/newest/", "/m/", "/z/", "/zz/", "/c/", "/old/"}
	if got := pageURLs(s.Recent(100)); !slices.Equal(got, want) {
		t.Errorf("Recent = %v; want %v (newest, then title ignoring case, then URL)", got, want)
	}
	if got := pageURLs(s.Recent(2)); !slices.Equal(got, want[:2]) {
		t.Errorf("Recent(2) = %v; want %v", got, want[:2])
	}
	var term *Term
	for _, tax := range s.Taxonomies {
		if tax.Name == "tags" {
			term = tax.Terms[0]
		}
	}
	if term == nil {
		t.Fatal("no tag x")
	}
	if got := pageURLs(term.Pages); !slices.Equal(got, want) {
		t.Errorf("tag x lists %v; want Recent's order %v", got, want)
	}
}

func TestCompareFold(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"Beta", "beta", 0},
		{"alpha", "Beta", -1},
		{"Zeta", "alpha", 1},
		{"Ab", "a", 1},
		{"", "a", -1},
		{"Équipe", "équipe", 0},
		{"Z", "é", -1},
	} {
		if got := compareFold(tt.a, tt.b); got != tt.want {
			t.Errorf("compareFold(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
