// Package view maps the site model to the data templates receive (render's
// data contract) and executes the theme on it: single pages, list pages
// with their pagers, taxonomies, terms, the search and 404 pages and
// alias redirects. It is the only package that both knows the site model
// and executes templates. As list pages are rendered it records which
// pages' cards each shows (Deps), for rebuilds.
package view

import (
	"hash/maphash"

	"github.com/playbookhq/playbook/generator/markdown"
)

// Text is what rendering a page's Markdown leaves for its views and for
// the cards that show it elsewhere.
type Text struct {
	Summary  string             // plain text of the first paragraph
	Words    int                // for the reading time
	Diagrams bool               // the page has a ```mermaid diagram
	Tasks    bool               // the page has task-list items
	TitleID  string             // the id of the title taken from the leading "# Heading", if any
	TOC      []markdown.Heading // h2 and h3 headings
	Body     []byte             // rendered Markdown, kept only for list and search pages
	// HTMLSum is HTMLSum of the page's rendered Markdown when the
	// caller worked it out (the live preview, once per result), else 0:
	// a view sum then takes it instead of reading the HTML again.
	HTMLSum uint64
	// TextSum is Sum of this text when the caller worked it out (with
	// HTMLSum), else 0: page keys take it (see Renderer.PageKey).
	TextSum uint64
}

// Sum returns a sum of the text but Body (never 0): its HTMLSum, summary,
// words, headings, title id and flags. Without HTMLSum the HTML is not in it.
func (t *Text) Sum() uint64 {
	k := newKeyHash()
	k.num(t.HTMLSum, uint64(t.Words), uint64(len(t.TOC)))
	k.str(t.Summary, t.TitleID)
	k.flag(t.Diagrams, t.Tasks)
	for _, h := range t.TOC {
		k.str(h.ID, h.Text)
		k.num(uint64(h.Level))
	}
	return k.sum()
}

// HTMLSum returns a sum of a page's rendered Markdown for Text.HTMLSum
// (within one process; never 0).
func HTMLSum(html []byte) uint64 { return maphash.Bytes(viewSeed, html) | 1 }

// summary is t's summary, "" for a nil Text.
func (t *Text) summary() string {
	if t == nil {
		return ""
	}
	return t.Summary
}
