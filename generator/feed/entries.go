package feed

import (
	"github.com/playbookhq/playbook/generator/changes"
	"github.com/playbookhq/playbook/generator/site"
)

// Links turns a site path into an absolute URL (the base URL in front).
type Links func(sitePath string) string

// Summaries returns the summary of a page's rendered text ("" when it has
// none): the feed's text for pages without a description.
type Summaries func(p *site.Page) string

// SitemapEntries lists every page of the model, then each taxonomy and its
// terms, in that order: the entries of sitemap.xml.
func SitemapEntries(model *site.Site, permalink Links, summary Summaries) []Entry {
	var entries []Entry
	for _, p := range model.Pages {
		entries = append(entries, PageEntry(p, permalink, summary))
	}
	for _, tax := range model.Taxonomies {
		entries = append(entries, Entry{Permalink: permalink(tax.URL)})
		for _, t := range tax.Terms {
			entries = append(entries, Entry{Permalink: permalink(t.URL)})
		}
	}
	return entries
}

// RecentEntries makes the entries of the Atom feed from the what's-new
// page's (the same pages, dates and marks, newest first): each is dated
// by the page's last change, published when it was added, and marked
// "New" or "Updated" in its title and category.
func RecentEntries(recent []changes.Entry, permalink Links, summary Summaries) []Entry {
	out := make([]Entry, 0, len(recent))
	for _, c := range recent {
		e := PageEntry(c.Page, permalink, summary)
		e.Updated, e.Published = c.Changed, c.Created
		e.Change = ChangeUpdated
		if c.New {
			e.Change = ChangeNew
		}
		out = append(out, e)
	}
	return out
}

// The marks of a feed entry: what happened to the page.
const (
	ChangeNew     = "New"
	ChangeUpdated = "Updated"
)

// PageEntry is the entry of one page: its front matter's description, else
// the summary of its text; its owner as the author.
func PageEntry(p *site.Page, permalink Links, summary Summaries) Entry {
	e := Entry{Title: p.Title, Permalink: permalink(p.URL), Updated: p.Lastmod(), Published: p.Date()}
	e.Summary = summary(p)
	if p.Src != nil {
		if d := p.Src.Meta.Description; d != "" {
			e.Summary = d
		}
		e.Author = p.Src.Meta.Owner
	}
	return e
}
