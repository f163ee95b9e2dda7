package view

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// RecentCount is how many recently changed pages the home and 404 pages show.
const RecentCount = 6

// ListKind says what a list page lists.
type ListKind int

// The kinds of list page. A new kind gets a constant here, a case in
// Lists and in Renderer.Render: a rebuild refreshes every kind through
// Render, from what Render recorded.
const (
	ListSection  ListKind = iota // the home page or a section: its pages, subsections, recent pages
	ListTaxonomy                 // a taxonomy's terms
	ListTerm                     // one term's pages
	ListSearch                   // the search page (its text from a content page at /search/)
	ListNotFound                 // 404.html: the recent pages
	ListExtra                    // a page another package adds (the health page)
	ListAlias                    // an alias redirect
	ListResults                  // every case study's results in one table, results.csv and results.json
	ListWhatsNew                 // the what's-new page: recent changes by week
	ListOwners                   // the owners directory
	listKinds                    // how many kinds there are
)

// ListKinds is how many kinds of list page there are.
const ListKinds = int(listKinds)

// List is one list page and its pager pages.
type List struct {
	Kind  ListKind
	Page  *site.Page     // ListSection: the home page or section
	Tax   *site.Taxonomy // ListTaxonomy, ListTerm
	Term  *site.Term     // ListTerm
	Alias *site.Alias    // ListAlias
	Extra *ExtraPage     // ListExtra
}

// ExtraPage is a page made outside content/, shown with the theme's
// single-page layout.
type ExtraPage struct {
	URL         string // site path, e.g. "/health/"
	Title       string
	Description string
	HTML        template.HTML // the page's body
}

// Lists returns every list page of model in the order a full build
// writes them: sections, taxonomies and terms (on all cores) and the
// search page, 404.html, the what's-new page, the owners directory, the
// extra pages and alias redirects (one after the other, beside them).
func Lists(model *site.Site, extras []ExtraPage) (parallel, serial []List) {
	for _, p := range model.Pages {
		if p.Kind != site.KindPage {
			parallel = append(parallel, List{Kind: ListSection, Page: p})
		}
	}
	for _, tax := range model.Taxonomies {
		parallel = append(parallel, List{Kind: ListTaxonomy, Tax: tax})
		for _, term := range tax.Terms {
			parallel = append(parallel, List{Kind: ListTerm, Tax: tax, Term: term})
		}
	}
	serial = append(serial, List{Kind: ListSearch}, List{Kind: ListNotFound})
	if hasEvidence(model) {
		serial = append(serial, List{Kind: ListResults})
	}
	if generated(model, WhatsNewURL) {
		serial = append(serial, List{Kind: ListWhatsNew})
	}
	if generated(model, OwnersURL) {
		serial = append(serial, List{Kind: ListOwners})
	}
	for i := range extras {
		serial = append(serial, List{Kind: ListExtra, Extra: &extras[i]})
	}
	for i := range model.Aliases {
		serial = append(serial, List{Kind: ListAlias, Alias: &model.Aliases[i]})
	}
	return parallel, serial
}

// Renderer executes the theme on views and hands the bytes on.
type Renderer struct {
	*Maker
	theme *render.Theme
	write func(rel string, data []byte)
	text  func(p *site.Page) *Text
	deps  *Deps

	// Unchanged, when set, is asked before a view is executed whether the
	// file it makes is already in place: true when outFile was made from
	// a view with the same sum (by the same theme) and is still there.
	// The template is then not executed. Unset, every view is executed.
	Unchanged func(outFile string, sum uint64) bool
	// Keep, when set, is asked before a list's pager page is made whether
	// the file in place was made from a page with the same key (see
	// ListKey), or one that differs only in its drawn parts: true keeps
	// it (with those parts replaced, now or later), and the view is not
	// made. shown is the pager page asked about.
	Keep func(shown Shown, outFile string, key ListKey) bool
	sums sums
	// readings keeps what each layout reads (layoutKey → reading).
	readings sync.Map
}

// NewRenderer returns a Renderer drawing views with m, executing theme and
// passing each file to write. text finds a page's rendered text (nil when
// not known). deps, when not nil, records which pages' cards each list
// pager page shows.
func NewRenderer(m *Maker, theme *render.Theme, write func(rel string, data []byte), text func(*site.Page) *Text, deps *Deps) *Renderer {
	return &Renderer{Maker: m, theme: theme, write: write, text: text, deps: deps}
}

// Execute renders a view with its template and writes it to outFile. A
// template error comes back as a diagnostic.
func (r *Renderer) Execute(outFile string, view *render.Page, buf *bytes.Buffer) *diag.Diagnostic {
	return r.ExecutePage(outFile, view, Parts{}, buf)
}

// ExecutePage is Execute for a view made by Maker.PageView: its sidebar
// is written out into the view only if the page is executed.
func (r *Renderer) ExecutePage(outFile string, view *render.Page, parts Parts, buf *bytes.Buffer) *diag.Diagnostic {
	if r.Unchanged != nil {
		if sum, ok := r.ViewSum(view, parts); ok && r.Unchanged(outFile, sum) {
			return nil
		}
	}
	if s := parts.Sidebar.HTML(); s != "" {
		view.Sidebar = template.HTML(s) // drawn by package nav, escaped there
	}
	buf.Reset()
	if err := r.theme.Execute(buf, view); err != nil {
		return asDiag(err)
	}
	r.write(outFile, buf.Bytes()) // written before buf is reused
	return nil
}

// ViewSum returns the sum of a view made by Maker.PageView with its
// parts, as Unchanged receives it; ok is false when it cannot be summed.
func (r *Renderer) ViewSum(view *render.Page, parts Parts) (uint64, bool) {
	reads := r.reading(view)
	sum, ok := r.sums.of(view, reads, parts.ContentSum)
	chrome, drawn := r.chrome(view, reads)
	return sum ^ parts.Sidebar.Sum() ^ chrome.Sum(), ok && drawn
}

// Render writes pager page only of list l (0: every pager page).
func (r *Renderer) Render(l List, only int, buf *bytes.Buffer) *diag.Diagnostic {
	switch l.Kind {
	case ListSection:
		return r.sectionPage(l, only, buf)
	case ListTaxonomy:
		return r.taxonomyPage(l.Tax, buf)
	case ListTerm:
		return r.termPage(l, only, buf)
	case ListSearch:
		return r.Execute("search/index.html", r.searchView(), buf)
	case ListNotFound:
		return r.notFoundPage(l, buf)
	case ListExtra:
		return r.extraPage(l.Extra, buf)
	case ListAlias:
		return r.aliasPage(l.Alias, buf)
	case ListResults:
		return r.resultsPage(buf)
	case ListWhatsNew:
		return r.whatsNewPage(l, buf)
	case ListOwners:
		return r.ownersPage(buf)
	}
	return diag.Errorf(diag.Pos{}, "view: unknown kind of list %d", l.Kind)
}

// summaries makes the cards of pages shown on pager page n of list l,
// recording that l shows them.
func (r *Renderer) summaries(l List, n int, pages []*site.Page) []render.Summary {
	out := make([]render.Summary, 0, len(pages))
	for _, p := range pages {
		out = append(out, r.Summary(p, r.text(p)))
	}
	r.deps.shows(l, n, pages)
	return out
}

// sectionPage writes pager page only of a section's or the home page's list.
func (r *Renderer) sectionPage(l List, only int, buf *bytes.Buffer) *diag.Diagnostic {
	p := l.Page
	txt := r.text(p)
	var body []byte
	if txt != nil {
		body = txt.Body
	}
	key := func(n, total int, shown []*site.Page) (ListKey, [][]*site.Page, bool) {
		return r.sectionPageKey(p, n, total, shown)
	}
	return r.paginate(l, p.URL, p.Pages, only, buf, key, func(n int) (*render.Page, Parts) {
		view, parts := r.PageView(p, txt, body)
		view.ResultsLink = r.resultsLink(p)
		if n == 1 {
			view.Subsections = r.summaries(l, n, p.Sections)
		}
		if p.Kind == site.KindHome {
			view.Recent = r.summaries(l, n, r.model.Recent(RecentCount))
			view.Entry = r.summaries(l, n, p.Sections)
		}
		return view, parts
	})
}

// paginate renders a list of pages split into pages of Paginate items at
// url, url/page/2/, … ; view makes the view of pager page n (from 1) and
// its parts (see Maker.PageView). key, when not nil, makes the key of
// pager page n of total showing shown (see Keep).
// With only > 0 just that pager page is rendered.
func (r *Renderer) paginate(l List, url string, pages []*site.Page, only int, buf *bytes.Buffer, key pagerKey, view func(n int) (*render.Page, Parts)) *diag.Diagnostic {
	size := r.cfg.Paginate
	total := site.PagerCount(len(pages), size)
	pageURL := func(n int) string { return site.PagerURL(url, n) }
	for n := 1; n <= total; n++ {
		if only > 0 && n != only {
			continue
		}
		lo, hi := (n-1)*size, min(n*size, len(pages))
		outFile := strings.TrimPrefix(pageURL(n), "/") + "index.html"
		if r.Keep != nil && key != nil {
			if k, cards, ok := key(n, total, pages[lo:hi]); ok && r.Keep(Shown{l, n}, outFile, k) {
				for _, shown := range cards {
					r.deps.shows(l, n, shown)
				}
				continue
			}
		}
		v, parts := view(n)
		v.Pages = r.summaries(l, n, pages[lo:hi])
		if total > 1 {
			v.Pager = r.pager(n, total, len(pages), pageURL)
			v.URL, v.Permalink = r.URL(pageURL(n)), r.Permalink(pageURL(n))
			if n > 1 {
				v.Title = v.Title + " (page " + strconv.Itoa(n) + ")"
			}
		}
		if d := r.ExecutePage(outFile, v, parts, buf); d != nil {
			return d
		}
	}
	return nil
}

func (r *Renderer) pager(n, total, items int, pageURL func(int) string) *render.Pager {
	p := &render.Pager{Number: n, Total: total, Items: items}
	if n > 1 {
		p.Prev = r.URL(pageURL(n - 1))
	}
	if n < total {
		p.Next = r.URL(pageURL(n + 1))
	}
	for _, i := range site.PagerNumbers(n, total, render.PagerWindow) {
		if i == 0 {
			p.Pages = append(p.Pages, render.PagerLink{Title: "…", Gap: true})
			continue
		}
		p.Pages = append(p.Pages, render.PagerLink{Title: strconv.Itoa(i), URL: r.URL(pageURL(i)), Current: i == n})
	}
	return p
}

// taxonomyPage writes a taxonomy's list of terms.
func (r *Renderer) taxonomyPage(tax *site.Taxonomy, buf *bytes.Buffer) *diag.Diagnostic {
	tv := r.taxonomyView(tax)
	view := r.NewPage(render.KindTaxonomy, tv.Title, tax.URL)
	view.Taxonomy, view.Terms = tv, tv.Terms
	view.Description = tv.Title + " used across " + r.cfg.Title
	view.Lead = view.Description
	view.Breadcrumbs = []render.Link{{Title: "Home", URL: r.URL("/")}}
	return r.Execute(tax.URL[1:]+"index.html", view, buf)
}

// termPage writes pager page only of a term's list (0: all of them).
func (r *Renderer) termPage(l List, only int, buf *bytes.Buffer) *diag.Diagnostic {
	tax, term := l.Tax, l.Term
	tv := r.taxonomyView(tax)
	key := func(n, total int, shown []*site.Page) (ListKey, [][]*site.Page, bool) {
		return r.termPageKey(tax, term, n, total, shown)
	}
	return r.paginate(l, term.URL, term.Pages, only, buf, key, func(int) (*render.Page, Parts) {
		view := r.NewPage(render.KindTerm, term.Name, term.URL)
		view.Taxonomy = tv
		view.Description = "Pages with " + tax.Singular + " " + term.Name
		view.Lead = view.Description
		view.Breadcrumbs = []render.Link{{Title: "Home", URL: r.URL("/")}, {Title: tv.Title, URL: tv.URL}}
		return view, Parts{}
	})
}
