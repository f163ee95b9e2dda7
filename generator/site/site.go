// Package site builds the site model from parsed content: which pages are
// sections, every page's URL, the section tree with its ordering,
// previous/next links, taxonomies, related pages and link resolution.
package site

import (
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
)

// Kind says what a page is in the tree.
type Kind int

// The kinds of page in the model.
const (
	KindPage    Kind = iota // a single content page
	KindSection             // a folder's page, listing what is inside
	KindHome                // the root section
)

// Page is one page of the site.
type Page struct {
	Src     *content.Page // nil for a section folder without an index file
	Kind    Kind
	Title   string
	Type    string
	Dir     string // for sections: the content folder ("" for home)
	URL     string // path from the site root without base path, e.g. "/guides/joint-meetings/"
	OutFile string // output file, slash path, e.g. "guides/joint-meetings/index.html"

	Parent   *Page
	Pages    []*Page // sections: regular pages directly inside, in list order
	Sections []*Page // sections: subsections directly inside, in list order
	Prev     *Page
	Next     *Page
	Terms    map[string][]*Term // taxonomy plural → the page's terms

	// Redirected is set on a list page made for a folder without an index
	// page when an alias took its URL: the redirect is written instead
	// of the list, which stays in the tree for breadcrumbs.
	Redirected bool

	// Num is the page's place in Site.Pages, from 1, so that stages can
	// keep what they work out per page in a slice (see Site.Index); 0 for
	// a page that is not in it.
	Num int

	folder  bool    // the page of folder Dir (index page, README.md or foo.md beside foo/)
	related []*Page // see Site.Related
}

// Weight, Date and other front-matter values, with zero values for generated sections.
func (p *Page) Weight() int {
	if p.Src == nil {
		return 0
	}
	return p.Src.Meta.Weight
}

// Date returns the page's date (zero when unknown).
func (p *Page) Date() time.Time {
	if p.Src == nil {
		return time.Time{}
	}
	return p.Src.Meta.Date
}

// Lastmod returns lastmod, else the date.
func (p *Page) Lastmod() time.Time {
	if p.Src != nil && !p.Src.Meta.Lastmod.IsZero() {
		return p.Src.Meta.Lastmod
	}
	return p.Date()
}

// File returns the page's source file for diagnostics, or its folder.
func (p *Page) File() string {
	if p.Src != nil {
		return p.Src.File
	}
	return path.Join(content.Dir, p.Dir)
}

// Ancestors returns the sections from home down to the page's parent.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append([]*Page{a}, out...)
	}
	return out
}

// Site is the whole model.
type Site struct {
	Config     *config.Config
	Home       *Page
	Pages      []*Page // every page, sections included, ordered by source path
	Taxonomies []*Taxonomy
	Files      []File  // non-Markdown content files to copy
	Aliases    []Alias // redirects
	// Search is the content page at SearchURL, if there is one: the build
	// writes it as the built-in search page rather than on its own.
	Search *Page

	byURL  map[string]*Page
	byPath map[string]*Page // content path of the source file
	dirs   map[string]*Page // content folder → its section or bundle page
	known  map[string]bool  // other URLs that exist (static files, generated pages)
	files  map[string]string
	byAge  []*Page // regular pages in the one "recent pages" order (see Recent)
	lazy   lazyLookups
	// namespace is the sum of what link resolution reads (see Namespace).
	namespace lazyNamespace
	// relatedFrom is the sum of the inputs of relate's choices (see
	// relateInputs), for the next build's model.
	relatedFrom uint64
	// relatedMemo is how relate chose, for the next build's model.
	relatedMemo *relateMemo
	// relating is done once relate has picked every page's related pages.
	relating sync.WaitGroup
}

// File is a non-Markdown content file and where it goes.
type File struct {
	Src     string // slash path below content/
	URL     string // path from site root
	OutFile string
}

// Alias is an old URL that redirects to a page.
type Alias struct {
	URL     string
	OutFile string
	Target  *Page
}

// ByURL returns the page at a site path such as "/guides/x/", or nil.
func (s *Site) ByURL(u string) *Page { return s.byURL[u] }

// Index returns the place of page p in Pages (p.Num - 1); ok is false
// when p is not one of s's pages (a page of another build's model).
func (s *Site) Index(p *Page) (i int, ok bool) {
	i = p.Num - 1
	return i, i >= 0 && i < len(s.Pages) && s.Pages[i] == p
}

// ByPath returns the page made from a content file such as "guides/x.md", or nil.
func (s *Site) ByPath(p string) *Page { return s.byPath[p] }

// Regular returns every single content page in source order.
func (s *Site) Regular() []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Kind == KindPage {
			out = append(out, p)
		}
	}
	return out
}

// Options tell New what to include.
type Options struct {
	BuildDrafts bool
	// KnownURLs are site paths that exist although no content page makes
	// them (static files): links to them are not reported. The model is
	// not changed after New, so they are given here.
	KnownURLs []string
	// Previous is the model of the previous build of the same site under
	// the same configuration (the live preview's), or nil: New takes
	// over from it what it would work out the same (related pages).
	Previous *Site
	// Followed says a build will follow with this model as its Previous:
	// New keeps how it chose each page's related pages for it.
	Followed bool
}

// New builds the model. Problems with individual pages are reported
// together; the model is still usable for reporting more errors.
func New(tree *content.Tree, cfg *config.Config, opts Options) (*Site, diag.List) {
	s := &Site{
		Config: cfg,
		byURL:  map[string]*Page{},
		byPath: map[string]*Page{},
		dirs:   map[string]*Page{},
		known:  map[string]bool{},
		files:  map[string]string{},
	}
	for _, u := range Reserved {
		s.known[u] = true
	}
	for _, u := range opts.KnownURLs {
		s.known[u] = true
	}
	var diags diag.List
	srcs := includedPages(tree.Pages, opts.BuildDrafts)
	diags = append(diags, s.makePages(srcs, tree.Failed)...)
	diags = append(diags, s.assignURLs()...)
	s.number() // the pages whose URLs are settled; numbered again below
	s.linkTree()
	s.sortRecent()
	s.buildTaxonomies()
	s.startRelating(cfg.Related.Count, opts.Previous, opts.Followed)
	diags = append(diags, s.validate()...)
	diags = append(diags, s.makeAliases()...)
	diags = append(diags, s.makeRedirects(tree.Redirects)...)
	s.dropRedirected()
	s.placeFiles(tree.Files)
	s.number() // again: redirected pages were dropped
	return s, diags
}

// number sets each page's place in Pages (Page.Num, see Index).
func (s *Site) number() {
	for i, p := range s.Pages {
		p.Num = i + 1
	}
}

func includedPages(pages []*content.Page, drafts bool) []*content.Page {
	var out []*content.Page
	for _, p := range pages {
		if drafts || !p.Meta.Draft {
			out = append(out, p)
		}
	}
	return out
}

// validate checks each content page's required fields.
func (s *Site) validate() diag.List {
	var diags diag.List
	for _, p := range s.Pages {
		if p.Kind != KindPage || p.Src == nil {
			continue
		}
		if t, ok := s.Config.Types[p.Type]; ok {
			diags = append(diags, p.Src.Validate(t.Required)...)
		}
	}
	return diags
}

// lessInList orders pages by weight (unweighted last), newest date, title, then URL.
func lessInList(a, b *Page) bool {
	wa, wb := a.Weight(), b.Weight()
	if wa != wb {
		if wa == 0 || wb == 0 {
			return wb == 0
		}
		return wa < wb
	}
	if da, db := a.Date(), b.Date(); !da.Equal(db) {
		return da.After(db)
	}
	if ta, tb := strings.ToLower(a.Title), strings.ToLower(b.Title); ta != tb {
		return ta < tb
	}
	return a.URL < b.URL
}

// SortPages orders pages for lists: weight, date (newest first), title.
func SortPages(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool { return lessInList(pages[i], pages[j]) })
}
