package view

import (
	"cmp"
	"slices"

	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// Backlinks finds the pages that link to a page (self-links left out).
type Backlinks func(p *site.Page) []*site.Page

// SetBacklinks gives the maker who links to whom, for the "Referenced by"
// list of each page's view (render.Page.Backlinks). Views made before it
// is set, or with it nil, have none.
func (v *Maker) SetBacklinks(b Backlinks) { v.backlinks = b }

// backlinkViews returns the links to the pages that link to p, sorted by
// title (then URL), nil when there are none.
func (v *Maker) backlinkViews(p *site.Page) []render.Link {
	if v.backlinks == nil {
		return nil
	}
	from := v.backlinks(p)
	if len(from) == 0 {
		return nil
	}
	links := make([]render.Link, len(from))
	for i, q := range from {
		links[i] = v.link(q)
	}
	slices.SortFunc(links, func(a, b render.Link) int {
		return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.URL, b.URL))
	})
	return links
}
