package view

import (
	"slices"
	"testing"

	"github.com/playbookhq/playbook/generator/site"
)

func TestDepsRecordsEachPagerPageOnce(t *testing.T) {
	a, b := &site.Page{URL: "/a/"}, &site.Page{URL: "/b/"}
	home := List{Kind: ListSection, Page: &site.Page{URL: "/"}}
	term := List{Kind: ListTerm, Term: &site.Term{Name: "x"}}
	d := NewDeps()
	d.shows(home, 1, []*site.Page{a, b})
	d.shows(home, 1, []*site.Page{a}) // subsections and entries of the home page
	d.shows(term, 2, []*site.Page{a})
	d.shows(term, 2, []*site.Page{a}) // rendered again by a rebuild
	if got, want := d.ShownOn(a), []Shown{{home, 1}, {term, 2}}; !slices.Equal(got, want) {
		t.Errorf("ShownOn(a) = %v, want %v", got, want)
	}
	if got := d.ShownOn(b); len(got) != 1 || got[0] != (Shown{home, 1}) {
		t.Errorf("ShownOn(b) = %v", got)
	}
	if k := d.Kinds(); !k[ListSection] || !k[ListTerm] || k[ListNotFound] {
		t.Errorf("Kinds() = %v", k)
	}
}

func TestNilDepsRecordNothing(t *testing.T) {
	var d *Deps
	d.shows(List{Kind: ListNotFound}, 1, []*site.Page{{URL: "/a/"}})
	if d.ShownOn(&site.Page{}) != nil || len(d.Kinds()) != 0 {
		t.Error("a nil Deps recorded something")
	}
}

func TestFormatChange(t *testing.T) {
	cases := []struct {
		before, after float64
		unit, want    string
	}{
		{4.2, 9.8, "%", "+5.6 pts"},
		{10, 5, "days", "−50%"},
		{0, 5, "days", ""},
		{3, 3, "", "±0"},
	}
	for _, c := range cases {
		if got := formatChange(c.before, c.after, c.unit); got != c.want {
			t.Errorf("formatChange(%v, %v, %q) = %q, want %q", c.before, c.after, c.unit, got, c.want)
		}
	}
}
