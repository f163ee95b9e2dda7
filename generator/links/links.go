// Package links checks the links of rendered pages against the site model
// and every page's ids, which Markdown reports as data (nothing scans
// HTML), and records which page links to which, for rebuilds.
package links

import (
	"context"
	"iter"
	"slices"

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
	linkers map[*site.Page][]*site.Page // who links to a page, each once, in page order after CheckAll
	targets map[*site.Page][]*site.Page // what a page links to (kept for Recheck)
}

// NewChecker returns a Checker for the pages of model, whose records
// lookup finds.
func NewChecker(model *site.Site, lookup Lookup) *Checker {
	return &Checker{model: model, lookup: lookup, linkers: map[*site.Page][]*site.Page{}, targets: map[*site.Page][]*site.Page{}}
}

// CheckAll checks the links of every page of the model on all cores and
// records who links to whom, afresh.
func (c *Checker) CheckAll(ctx context.Context) {
	pages := c.model.Pages
	targets := make([][]*site.Page, len(pages))
	parallel.For(ctx, len(pages), func(_, i int) {
		targets[i] = c.checkIn(pages[i])
	})
	c.linkers = make(map[*site.Page][]*site.Page, len(pages))
	c.targets = make(map[*site.Page][]*site.Page, len(pages))
	for i, p := range pages { // in page order: the same linkers on every build
		c.addLinker(p, targets[i])
	}
}

// Recheck re-checks the links of pages and of every page linking to them
// (their ids may have changed). It returns the pages whose linkers
// changed: those that pages link to now and did not before, or no more.
func (c *Checker) Recheck(pages []*site.Page) []*site.Page {
	again := map[*site.Page]bool{}
	for _, p := range pages {
		again[p] = true
		for _, l := range c.linkers[p] {
			again[l] = true
		}
	}
	var changed []*site.Page
	for p := range again {
		old := c.targets[p]
		c.removeLinker(p)
		c.addLinker(p, c.checkIn(p))
		changed = appendDiff(changed, old, c.targets[p])
	}
	return changed
}

// Linkers returns the pages that link to p: the dependency a rebuild reads
// back when p's ids change.
func (c *Checker) Linkers(p *site.Page) []*site.Page { return c.linkers[p] }

// Graph returns, for each page, the pages that link to it.
func (c *Checker) Graph() map[*site.Page][]*site.Page { return c.linkers }

// Forget drops who links to whom: a one-off build needs it no more.
func (c *Checker) Forget() { c.linkers, c.targets = nil, nil }

// addLinker records that p links to targets (each linker once per target).
func (c *Checker) addLinker(p *site.Page, targets []*site.Page) {
	if len(targets) == 0 {
		return
	}
	c.targets[p] = targets
	for _, t := range targets {
		if l := c.linkers[t]; len(l) > 0 && l[len(l)-1] == p {
			continue // p links to t more than once
		}
		c.linkers[t] = append(c.linkers[t], p)
	}
}

// removeLinker forgets what p links to.
func (c *Checker) removeLinker(p *site.Page) {
	for _, t := range c.targets[p] {
		c.linkers[t] = slices.DeleteFunc(c.linkers[t], func(q *site.Page) bool { return q == p })
		if len(c.linkers[t]) == 0 {
			delete(c.linkers, t)
		}
	}
	delete(c.targets, p)
}

// appendDiff appends to out the pages in exactly one of a and b.
func appendDiff(out, a, b []*site.Page) []*site.Page {
	for _, p := range a {
		if !slices.Contains(b, p) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, p := range b {
		if !slices.Contains(a, p) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
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

// Backlinks returns the pages that link to p, p itself left out: the
// pages a "Referenced by" list shows. Only content pages have links
// checked, so generated list pages are never among them.
func (c *Checker) Backlinks(p *site.Page) []*site.Page {
	l := c.linkers[p]
	if !slices.Contains(l, p) {
		return l
	}
	return slices.DeleteFunc(slices.Clone(l), func(q *site.Page) bool { return q == p })
}
