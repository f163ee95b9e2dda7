package feed

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestAtomIsValidXMLAndReproducible(t *testing.T) {
	entries := []Entry{
		{Title: "Lead <handoff> & SLA", Permalink: "https://x.test/p/a/", Updated: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)},
		{Title: "B", Permalink: "https://x.test/p/b/", Updated: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Author: "RevOps"},
	}
	a, err := Atom("Site", "https://x.test/p/", "https://x.test/p/index.xml", "", entries)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Atom("Site", "https://x.test/p/", "https://x.test/p/index.xml", "", entries)
	if string(a) != string(b) {
		t.Fatal("Atom output differs between two runs")
	}
	var parsed atomFeed
	if err := xml.Unmarshal(a, &parsed); err != nil {
		t.Fatalf("Atom output is not XML: %v\n%s", err, a)
	}
	if parsed.Updated != "2026-03-01T00:00:00Z" || len(parsed.Entries) != 2 || parsed.Entries[0].Title != "Lead <handoff> & SLA" {
		t.Errorf("Atom parsed = %+v; want updated 2026-03-01 and 2 entries", parsed)
	}
}

func TestSitemapAndRobots(t *testing.T) {
	s, err := Sitemap([]Entry{{Permalink: "https://x.test/a/", Updated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}, {Permalink: "https://x.test/b/"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(s), "<loc>https://x.test/a/</loc>\n    <lastmod>2026-01-02</lastmod>") || strings.Count(string(s), "<lastmod>") != 1 {
		t.Errorf("Sitemap = %s", s)
	}
	if r := string(Robots("https://x.test/sitemap.xml")); !strings.Contains(r, "Disallow: /\n") {
		t.Errorf("Robots = %q; want Disallow: /", r)
	}
}
