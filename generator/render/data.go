package render

import (
	"html/template"
	"time"
)

// This file is the contract between the generator and the theme: every
// template receives a *Page, and everything a template may show is here.

// Kind names what a rendered page is.
type Kind string

// The kinds of page a site has.
const (
	KindHome     Kind = "home"     // the site's front page
	KindSection  Kind = "section"  // a folder's list page (_index.md or index.md)
	KindPage     Kind = "page"     // a single content page
	KindTaxonomy Kind = "taxonomy" // the list of all terms of one taxonomy (e.g. /tags/)
	KindTerm     Kind = "term"     // the pages of one term (e.g. /tags/meetings/)
	KindSearch   Kind = "search"   // the full search page (/search/)
	Kind404      Kind = "404"      // the not-found page
	KindResults  Kind = "results"  // every case study's results in one table (/case-studies/results/)
)

// Site is what every page knows about the whole site.
type Site struct {
	Title        string
	Description  string
	LanguageCode string
	BaseURL      string // absolute, with trailing slash, e.g. https://intranet.example.com/playbook/
	BasePath     string // the path part of BaseURL, with both slashes, e.g. /playbook/ or /
	Params       map[string]any
	Menu         []Link     // main menu, ordered by weight
	Sections     []Link     // top-level sections, ordered by weight then title
	Taxonomies   []Taxonomy // every taxonomy with its terms (for navigation)
	Copyright    string
	Generator    string // "playbook vX"
}

// Link is anything a template links to.
type Link struct {
	Title   string
	URL     string // site-absolute, BasePath included, e.g. /playbook/guides/joint-meetings/
	Current bool   // true when the link points at the page being rendered
}

// Taxonomy is one taxonomy (tags, teams) and its terms.
type Taxonomy struct {
	Name     string // plural, as in config: "tags"
	Singular string // "tag"
	Title    string // "Tags"
	URL      string
	Terms    []Term // ordered by count (desc) then name
}

// Term is one value of a taxonomy with the number of pages carrying it.
type Term struct {
	Name  string
	URL   string
	Count int
}

// Metric is one measured outcome of a case study.
type Metric struct {
	Label  string
	Before string // formatted number, e.g. "2.1"
	After  string
	Unit   string // e.g. "%", "days"
	Change string // formatted relative change, e.g. "+120%" or "−35%"
	Better bool   // true when the change went the desired way (direction from front matter "lower_is_better")
}

// Step is one step of a playbook.
type Step struct {
	Title    string
	Owner    string // the role that runs it
	Duration string
	Detail   string
	// ID is the step's stable id: a short hash of its title, "-2"… for
	// repeats (markdown.CheckIDs). The checklist script keeps a reader's
	// ticks under it, so editing another step does not shift them.
	ID string
}

// Field is one declared field of a typed page (see package types), for
// layouts that show fields without knowing the type: the generic typed
// layout and the at-a-glance box.
type Field struct {
	Name  string // as declared, e.g. "outcome"
	Title string // its label, e.g. "Expected outcome"
	Kind  string // text, markdown, number, date, url, bool, list, enum, records
	// Text is the value as plain text: lists joined by ", ", numbers as
	// written, dates as 14 Mar 2026; "" for records.
	Text string
	// HTML is the value for showing: markdown rendered inline, a URL as a
	// link, the teams as links to their pages, else Text escaped.
	HTML template.HTML
	// Columns and Rows are set for records: the sub-fields' titles and,
	// per entry, one Field per sub-field (Text "" where it is not set).
	Columns []string
	Rows    [][]Field
	Glance  bool // shown in the at-a-glance box (Page.Glance)
}

// TOCEntry is one heading in a table of contents (h2 with nested h3).
type TOCEntry struct {
	ID       string
	Text     string
	Level    int
	Children []TOCEntry
}

// Summary is a short card for a page shown in lists.
type Summary struct {
	Title       string
	URL         string
	Type        string // playbook, guide, case-study, page
	TypeTitle   string // "Playbook", "Guide", "Case study"
	Description string // front matter description, or the first paragraph
	Date        time.Time
	Tags        []Link
	Teams       []Link
	// Fields are the values of the fields the type shows on its cards
	// ([types.NAME] card = [...]), in that order.
	Fields   []Field
	Headline *Metric // the first result of a page with results

	// Card, when set, keeps this summary's card once the card helper has
	// drawn it, so a page listed on many pages is drawn once without a
	// lookup. Whoever makes summaries gives each distinct one its own
	// CardCache; one CardCache serves one Theme.
	Card *CardCache

	// Key identifies everything above Card (see SummaryKey): without a
	// Card, the card helper renders each distinct key once. Empty: worked
	// out on every call.
	Key string
}

// Page is the data every template receives as its dot.
type Page struct {
	Site *Site
	Kind Kind

	Title string // plain text, markup stripped
	// TitleHTML is the title for the page's own h1 when it was written
	// with inline Markdown ("The *MQL* trap" → The <em>MQL</em> trap),
	// else "": show {{ with .TitleHTML }}{{ . }}{{ else }}{{ .Title }}{{ end }}.
	TitleHTML template.HTML
	// TitleID is the id of the page's title when it came from the
	// Markdown's leading "# Heading": links to "#that-id" are valid, so
	// the template puts it on the element that shows the title (the h1).
	// Empty otherwise.
	TitleID     string
	Description string // for <meta name=description>, never empty on content pages
	// Lead is the sentence shown under the page's title: the front
	// matter's description (or summary), "" without one. Unlike
	// Description it never repeats the page's first paragraph.
	Lead        string
	URL         string // site-absolute, BasePath included
	Permalink   string // absolute URL
	Type        string // playbook, guide, case-study or page
	TypeTitle   string
	Date        time.Time // zero when unknown
	Lastmod     time.Time
	Draft       bool
	Owner       string
	ReadingTime int // minutes
	Tags        []Link
	Teams       []Link
	Params      map[string]any // front-matter keys playbook does not know itself
	// ReviewNotice tells readers the page's review is overdue ("Review
	// due: last reviewed …"); set only when the site asks for it
	// ([health] reviewNotice = true), "" otherwise.
	ReviewNotice string

	Content template.HTML
	// Diagrams is set when Content holds a ```mermaid diagram: the page
	// loads the diagram scripts (js/vendor/mermaid.min.js, js/diagrams.js).
	Diagrams bool
	// Checklist is set when the page has steps or task-list items: the
	// page loads the checklist script (js/checklist.js), which keeps the
	// reader's ticks in the browser, and shows its progress bar.
	Checklist   bool
	TOC         []TOCEntry
	Breadcrumbs []Link // from the home page down to the parent, current page excluded
	Prev, Next  *Link  // neighbours within the section
	Related     []Summary
	// Backlinks are the pages that link to this one ("Referenced by"),
	// sorted by title: content pages only, the page itself left out.
	Backlinks []Link

	// Fields holds the values of the fields the page's type declares, by
	// name ({{ .Fields.duration }}): text as string, number as float64,
	// date as time.Time, list as []string, records as a list of maps,
	// markdown as template.HTML. Nil for untyped pages.
	Fields map[string]any
	// TypeFields lists the declared fields the page sets, in declared
	// order, ready to show (the generic typed layout ranges over them);
	// Glance those of the type's glance list.
	TypeFields []Field
	Glance     []Field
	Steps      []Step        // the records of the type's role = "steps" field
	Results    []Metric      // the records of the type's role = "results" field
	Chart      template.HTML // a page with results: them drawn as an SVG chart (package chart)
	Evidence   *Evidence     // set only on the results page (KindResults)
	// ResultsLink links to the results page from its section's list and
	// from each page with results.
	ResultsLink *Link

	// Lists: set on home, section, taxonomy and term pages.
	Pages       []Summary // section or term pages, ordered by weight, date (newest first), title
	Subsections []Summary // sections below this one
	Terms       []Term    // a taxonomy page's terms
	Recent      []Summary // home: recently changed pages
	Entry       []Summary // home: one card per top-level section with its description
	Taxonomy    *Taxonomy // taxonomy and term pages: which taxonomy

	// Pager is set on section and term pages whose list is split over
	// several pages; Pages then holds this page's share.
	Pager *Pager

	// Redirect is set only when rendering an alias page.
	Redirect string

	// Sidebar is the section sidebar, drawn by the generator (package
	// nav): a <nav id="sidebar"> of nested lists and <details> showing the
	// branch this page is on. "" on pages without one.
	Sidebar template.HTML
	// LastCommit is the page file's last change in git; nil outside a
	// repository (the theme falls back to Lastmod).
	LastCommit *Commit
	// EditURL and HistoryURL link to the page's source on the forge, from
	// config editURL and historyURL; "" when not configured.
	EditURL, HistoryURL string
	// OwnerURL is the owner's contact URL from config [owners], or "".
	OwnerURL string
	// OwnerPage is the URL of the owner's entry on the owners directory
	// (/owners/#owner-dana-reyes), "" without an owner.
	OwnerPage string

	// Weeks is the what's-new page's changes, newest week first.
	Weeks []Week
	// Owners is the owners directory's entries, by name.
	Owners []Owner
}

// Commit is the last git commit that changed a page's file.
type Commit struct {
	Author string
	Date   time.Time
}

// ShowTOC reports whether the page shows its table of contents: it has
// three headings or more and its front matter does not say toc = false.
func (p *Page) ShowTOC() bool {
	if off, ok := p.Params["toc"].(bool); ok && !off {
		return false
	}
	n := 0
	for _, e := range p.TOC {
		n += 1 + len(e.Children)
	}
	return n >= 3
}

// Updated returns when the page last changed: its last commit's date, else
// its lastmod, else its date.
func (p *Page) Updated() time.Time {
	if p.LastCommit != nil {
		return p.LastCommit.Date
	}
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}

// Pager describes one page of a list split over several pages.
type Pager struct {
	Number int         // this page, from 1
	Total  int         // number of pages
	Items  int         // items across all pages
	Prev   string      // URL of the previous page, "" on the first
	Next   string      // URL of the next page, "" on the last
	Pages  []PagerLink // the first, the last and the pages near this one, with gaps between
}

// PagerWindow is how many pages on each side of the current one a Pager
// links to by number; the first and the last page are always linked.
const PagerWindow = 2

// PagerLink is one entry of a Pager's numbered links: a page, or a gap
// standing for the pages left out between two links.
type PagerLink struct {
	Title   string // the page number
	URL     string // site-absolute URL; "" for a gap
	Current bool   // the page being rendered
	Gap     bool   // pages left out: rendered as an ellipsis
}

// ItemCount returns the number of listed pages across all pager pages.
func (p *Page) ItemCount() int {
	if p.Pager != nil {
		return p.Pager.Items
	}
	return len(p.Pages)
}

// Asset returns the site-absolute URL of a theme static file, e.g.
// {{ .Asset "css/main.css" }} → /playbook/css/main.css.
func (s *Site) Asset(path string) string { return s.BasePath + path }

// IsHome reports whether the page is the site's front page.
func (p *Page) IsHome() bool { return p.Kind == KindHome }

// Asset returns the site-absolute URL of a theme static file, e.g.
// {{ .Asset "css/main.css" }} → /playbook/css/main.css.
func (p *Page) Asset(path string) string { return p.Site.BasePath + path }

// RelPermalink returns the page's site-absolute URL, as Hugo's
// .RelPermalink does (for shortcode and theme templates written for Hugo).
func (p *Page) RelPermalink() string { return p.URL }
