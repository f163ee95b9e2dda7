// Package search builds playbook's static full-text search index: a small
// manifest, term-range shards of postings with precomputed BM25F scores,
// per-page fragments for excerpts and a facet table, all with content-hashed
// names so that browsers cache them. The browser side lives in the theme
// (js/search-engine.js and js/search-ui.js); docs/search.md describes the
// file formats both sides share.
package search

import "time"

// Doc is one page to index.
type Doc struct {
	URL         string // site-absolute URL with the base path, e.g. /playbook/guides/joint-meetings/
	Title       string
	Description string
	Type        string   // playbook, guide, case-study, page
	TypeTitle   string   // "Playbook", "Guide", "Case study", "Page"
	SectionPath []string // breadcrumb titles below home, e.g. ["Guides", "Meetings"]
	Tags, Teams []string
	Fields      map[string]string // searchable field text by field name, e.g. "company", "steps"
	// Facets holds the labels of a typed page's facet fields by field
	// name (e.g. "audience", "industry"): search filters beside type,
	// team and tag.
	Facets   map[string][]string
	Sections []Section // the body split at headings
	Date     time.Time
	// List marks the home page and section pages: they rank below content
	// pages that match a query as well.
	List bool
}

// Section is the text under one heading; the first has ID "" (text before any heading).
type Section struct {
	ID, Title string
	Level     int
	Text      string // prose: indexed and shown in excerpts
	Code      string // code blocks: indexed like body text, never shown in excerpts
}

// File is one output file, Path relative to the site root (e.g. "search/manifest.json").
type File struct {
	Path string
	Data []byte
}
