package view

import (
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/render"
)

// everything is what a layout that reads every shared part reads.
var everything = reading{taxonomies: true, terms: true}

func samplePage(site *render.Site) *render.Page {
	return &render.Page{
		Site: site, Kind: render.KindPage, Title: "Joint meetings", Content: "<p>Text.</p>",
		Date:    time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC),
		Tags:    []render.Link{{Title: "meetings", URL: "/tags/meetings/"}},
		Params:  map[string]any{"b": []any{"x", 2}, "a": map[string]any{"k": true}},
		Related: []render.Summary{{Title: "Other", Card: &render.CardCache{}}},
		Prev:    &render.Link{Title: "Before", URL: "/before/"},
	}
}

// TestViewSums checks that a view's sum follows every field a template
// can read, nested ones and the site's included, and nothing else.
func TestViewSums(t *testing.T) {
	site := &render.Site{Title: "Hub", Taxonomies: []render.Taxonomy{{Name: "tags", Terms: []render.Term{{Name: "a", Count: 1}}}}}
	var s sums
	base, ok := s.of(samplePage(site), everything, 0)
	if !ok {
		t.Fatal("a page view has no sum")
	}
	if again, _ := (&sums{}).of(samplePage(site), everything, 0); again != base {
		t.Error("the same view has two sums")
	}
	changes := map[string]func(p *render.Page){
		"content":     func(p *render.Page) { p.Content = "<p>Other.</p>" },
		"nested link": func(p *render.Page) { p.Prev.URL = "/elsewhere/" },
		"no prev":     func(p *render.Page) { p.Prev = nil },
		"card":        func(p *render.Page) { p.Related[0].Title = "Renamed" },
		"card key":    func(p *render.Page) { p.Related = []render.Summary{{Title: "Other", Key: "k"}} },
		"param":       func(p *render.Page) { p.Params["b"] = []any{"x", 3} },
		"date":        func(p *render.Page) { p.Date = p.Date.Add(time.Hour) },
		"empty tags":  func(p *render.Page) { p.Tags = []render.Link{} },
		"taxonomy":    func(p *render.Page) { p.Taxonomy = &render.Taxonomy{Name: "tags"} },
		"site": func(p *render.Page) {
			other := *site
			other.Taxonomies = []render.Taxonomy{{Name: "tags", Terms: []render.Term{{Name: "a", Count: 2}}}}
			p.Site = &other
		},
	}
	for name, change := range changes {
		p := samplePage(site)
		change(p)
		if sum, ok := s.of(p, everything, 0); !ok || sum == base {
			t.Errorf("changing the %s keeps the sum (ok %v)", name, ok)
		}
	}
	tax := func(count int) *render.Page {
		p := samplePage(site)
		p.Taxonomy = &render.Taxonomy{Name: "tags", Terms: []render.Term{{Name: "a", Count: count}}}
		return p
	}
	if one, _ := s.of(tax(1), everything, 0); one == func() uint64 { two, _ := s.of(tax(2), everything, 0); return two }() {
		t.Error("a term's count in the page's taxonomy does not count")
	}
	if sum, _ := s.of(tax(2), reading{taxonomies: true}, 0); sum != func() uint64 { one, _ := s.of(tax(1), reading{taxonomies: true}, 0); return one }() {
		t.Error("the terms of the page's taxonomy count for a layout that never reads them")
	}
	if _, ok := s.of(&render.Page{Params: map[string]any{"f": func() {}}}, everything, 0); ok {
		t.Error("a func in the parameters has a sum")
	}
}

// TestViewSumsWithoutTaxonomies checks that the site's taxonomies count
// only for layouts that read them, and the rest of the site always.
func TestViewSumsWithoutTaxonomies(t *testing.T) {
	site := &render.Site{Title: "Hub", Taxonomies: []render.Taxonomy{{Name: "tags", Terms: []render.Term{{Name: "a", Count: 1}}}}}
	moreTags := *site
	moreTags.Taxonomies = append(moreTags.Taxonomies, render.Taxonomy{Name: "teams"})
	retitled := *site
	retitled.Title = "Other hub"
	var s sums
	base, _ := s.of(samplePage(site), reading{terms: true}, 0)
	if sum, ok := s.of(samplePage(&moreTags), reading{terms: true}, 0); !ok || sum != base {
		t.Errorf("a layout that never reads the taxonomies sees them change (ok %v)", ok)
	}
	if sum, _ := s.of(samplePage(&moreTags), everything, 0); sum == base {
		t.Error("a layout that reads the taxonomies does not see them change")
	}
	if sum, _ := s.of(samplePage(&retitled), reading{terms: true}, 0); sum == base {
		t.Error("the site's title does not count without the taxonomies")
	}
}

// TestViewSumsWithContentSum checks that a known content sum stands in
// for the content: the same sum with other content is the same view sum
// (the caller vouches for it), another content sum is another view sum.
func TestViewSumsWithContentSum(t *testing.T) {
	site := &render.Site{Title: "Hub"}
	var s sums
	html := []byte("<p>Text.</p>")
	base, _ := s.of(samplePage(site), everything, HTMLSum(html))
	other := samplePage(site)
	other.Content = "<p>Not read.</p>"
	if sum, _ := s.of(other, everything, HTMLSum(html)); sum != base {
		t.Error("the content is read although its sum is given")
	}
	if sum, _ := s.of(samplePage(site), everything, HTMLSum([]byte("<p>Other.</p>"))); sum == base {
		t.Error("another content sum keeps the view sum")
	}
	if HTMLSum(nil) == 0 || HTMLSum(html) != HTMLSum([]byte("<p>Text.</p>")) {
		t.Error("HTMLSum is 0 or differs for the same bytes")
	}
}
