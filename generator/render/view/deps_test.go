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
