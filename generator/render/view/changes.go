package view

import (
	"bytes"
	"reflect"
	"strconv"

	"github.com/playbookhq/playbook/generator/changes"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// The URLs of the what's-new page and the owners directory.
const (
	WhatsNewURL = "/whats-new/"
	OwnersURL   = "/owners/"
)

// SetChanges gives the maker the site's recent changes and owners
// directory (package changes), worked out once per build.
func (v *Maker) SetChanges(c *changes.Changes) { v.changes = c }

// generated reports whether the page at url (WhatsNewURL, OwnersURL) is
// generated: a content page at that URL takes it instead.
func generated(model *site.Site, url string) bool { return model.ByURL(url) == nil }

// ownerPage returns the URL of owner's entry on the owners directory, ""
// when there is none (no such owner, or a content page at /owners/).
func (v *Maker) ownerPage(owner string) string {
	if id := v.changes.OwnerID(owner); id != "" && generated(v.model, OwnersURL) {
		return v.URL(OwnersURL) + "#" + id
	}
	return ""
}

// whatsNewPage writes the what's-new page: the recent changes by week,
// each with its card, so a rebuild refreshes the page when a card's text
// changes (the dates and marks come from front matter and git, whose
// edits rebuild everything).
func (r *Renderer) whatsNewPage(l List, buf *bytes.Buffer) *diag.Diagnostic {
	view := r.NewPage(render.KindWhatsNew, "What's new", WhatsNewURL)
	view.Description = "Pages added and updated lately in " + r.cfg.Title + ", newest first, by week."
	view.Lead = view.Description
	view.Breadcrumbs = []render.Link{{Title: "Home", URL: r.URL("/")}}
	if r.changes == nil {
		return r.Execute("whats-new/index.html", view, buf)
	}
	for _, w := range r.changes.Weeks() {
		week := render.Week{Title: "Week of " + w.Start.Format("2 January 2006"), Start: w.Start}
		cards := r.summaries(l, 1, entryPages(w.Entries))
		for i, e := range w.Entries {
			owner := ""
			if e.Page.Src != nil {
				owner = e.Page.Src.Meta.Owner
			}
			week.Changes = append(week.Changes, render.Change{Page: cards[i], New: e.New, Date: e.Changed,
				Owner: owner, OwnerURL: r.ownerPage(owner)})
		}
		view.Weeks = append(view.Weeks, week)
	}
	return r.Execute("whats-new/index.html", view, buf)
}

// ownersPage writes the owners directory: every page owner, their pages
// by type with the last change of each, stale ones marked.
func (r *Renderer) ownersPage(buf *bytes.Buffer) *diag.Diagnostic {
	view := r.NewPage(render.KindOwners, "Owners", OwnersURL)
	view.Description = "Who keeps each page of " + r.cfg.Title + " current, and how fresh their pages are."
	view.Lead = view.Description
	view.Breadcrumbs = []render.Link{{Title: "Home", URL: r.URL("/")}}
	if r.changes != nil {
		for _, o := range r.changes.Owners {
			view.Owners = append(view.Owners, r.ownerView(o))
		}
	}
	return r.Execute("owners/index.html", view, buf)
}

// ownerView is one owner's entry, their pages grouped by type.
func (r *Renderer) ownerView(o changes.Owner) render.Owner {
	ov := render.Owner{Name: o.Name, ID: o.ID, Contact: o.Contact, Count: len(o.Items), Stale: o.Stale}
	for _, it := range o.Items {
		if n := len(ov.Groups); n == 0 || ov.Groups[n-1].Type != it.Page.Type {
			ov.Groups = append(ov.Groups, render.OwnedGroup{Type: it.Page.Type, TypeTitle: r.TypeTitle(it.Page.Type)})
		}
		g := &ov.Groups[len(ov.Groups)-1]
		g.Items = append(g.Items, render.Owned{Title: it.Page.Title, URL: r.pageURL(it.Page), Updated: it.Changed, Stale: it.Stale})
	}
	if r.Unchanged == nil { // a build no other follows: nothing to draw again
		return ov
	}
	if sum, ok := r.sums.valueSum(reflect.ValueOf(ov)); ok {
		ov.Key = strconv.FormatUint(sum, 36) // the theme draws each distinct entry once
	}
	return ov
}

// entryPages returns the pages of entries, in order.
func entryPages(entries []changes.Entry) []*site.Page {
	out := make([]*site.Page, len(entries))
	for i, e := range entries {
		out[i] = e.Page
	}
	return out
}
