// Package links checks the links of rendered pages against the site model
// and every page's ids, which Markdown reports as data (nothing scans
// HTML), and records which page links to which, for rebuilds.
package links

import (
	"context"
	"iter"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/site"
	"github.com/playbookhq/playbook/internal/parallel"
)

// Page is what checking needs of one rendered page, and what it finds.
type Page struct {
	Links  []site.Link // the links written in the page, resolved when it was rendered
	IDs    IDs         // the ids on the page: targets of #fragments
	Broken diag.List   // its broken links, filled by Check
}

// Lookup returns the record of a rendered page, or nil.
type Lookup func(p *site.Page) *Page

// Checker checks links and keeps who links to whom.
type Checker struct {
	model   *site.Site
	lookup  Lookup
	linkers map[*site.Page][]*site.Page // who links to a page
}

// NewChecker returns a Checker for the pages of model, whose records
// lookup finds.
func NewChecker(model *site.Site, lookup Lookup) *Checker {
	return &Checker{model: model, lookup: lookup, linkers: map[*site.Page][]*site.Page{}}
}

// CheckAll checks the links of every page of the model on all cores and
// records who links to whom, afresh.
func (c *Checker) CheckAll(ctx context.Context) {
	pages := c.model.Pages
	targets := make([][]*site.Page, len(pages))
	parallel.For(ctx, len(pages), func(_, i int) {
		targets[i] = c.checkIn(pages[i])
	})
	c.linkers = map[*site.Page][]*site.Page{}
	for i, p := range pages { // in page order: the same linkers on every build
		c.addLinker(p, targets[i])
	}
}

// Recheck re-checks the links of pages and of every page linking to them
// (their ids may have changed).
func (c *Checker) Recheck(pages []*site.Page) {
	again := map[*site.Page]bool{}
	for _, p := range pages {
		again[p] = true
		for _, l := range c.linkers[p] {
			again[l] = true
		}
	}
	for p := range again {
		c.addLinker(p, c.checkIn(p))
	}
}

// Linkers returns the pages that link to p: the dependency a rebuild reads
// back when p's ids change.
func (c *Checker) Linkers(p *site.Page) []*site.Page { return c.linkers[p] }

// Graph returns, for each page, the pages that link to it.
func (c *Checker) Graph() map[*site.Page][]*site.Page { return c.linkers }

// Forget drops who links to whom: a one-off build needs it no more.
func (c *Checker) Forget() { c.linkers = nil }

func (c *Checker) addLinker(p *site.Page, targets []*site.Page) {
	for _, t := range targets {
		c.linkers[t] = append(c.linkers[t], p)
	}
}

// checkIn checks the links written in page p, keeps the broken ones in its
// record and returns the pages they point to.
func (c *Checker) checkIn(p *site.Page) []*site.Page {
	rec := c.lookup(p)
	if rec == nil {
		return nil
	}
	var targets []*site.Page
	rec.Broken, targets = c.model.CheckLinks(p, rec.Links, anchors(c.lookup))
	return targets
}

// anchors is the site.Anchors of the recorded pages.
type anchors Lookup

// Has reports whether page p has an element with the id.
func (a anchors) Has(p *site.Page, id string) bool {
	rec := a(p)
	return rec != nil && rec.IDs.Has(id)
}

// IDs lists the ids on page p.
func (a anchors) IDs(p *site.Page) iter.Seq[string] {
	if rec := a(p); rec != nil {
		return rec.IDs.All()
	}
	return func(func(string) bool) {}
}
