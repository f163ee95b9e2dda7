package view

import (
	"slices"
	"sync"

	"github.com/playbookhq/playbook/generator/site"
)

// Shown is one pager page of a list: pager page N (from 1) of List.
type Shown struct {
	List List
	N    int
}

// Deps records, as list pages are rendered, which pager pages show each
// page's card. A rebuild reads it back to refresh every pager page that
// shows an edited page, whatever the kind of list: no second copy of what
// the lists show exists. Safe for concurrent use; a nil *Deps records
// nothing (one-off builds).
type Deps struct {
	mu    sync.Mutex
	shown map[*site.Page][]Shown
}

// NewDeps returns an empty record.
func NewDeps() *Deps { return &Deps{shown: map[*site.Page][]Shown{}} }

// shows records that pager page n of l shows the cards of pages.
func (d *Deps) shows(l List, n int, pages []*site.Page) {
	if d == nil || len(pages) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	s := Shown{l, n}
	for _, p := range pages {
		// A pager page shown again (a rebuild) or showing a card twice
		// (the home page's subsections and entries) is recorded once.
		if !slices.Contains(d.shown[p], s) {
			d.shown[p] = append(d.shown[p], s)
		}
	}
}

// ShownOn returns the pager pages that show p's card.
func (d *Deps) ShownOn(p *site.Page) []Shown {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.shown[p]
}

// Kinds reports which kinds of list recorded any card.
func (d *Deps) Kinds() map[ListKind]bool {
	kinds := map[ListKind]bool{}
	if d == nil {
		return kinds
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, ss := range d.shown {
		for _, s := range ss {
			kinds[s.List.Kind] = true
		}
	}
	return kinds
}
