package view

import (
	"html/template"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/playbookhq/playbook/generator/changes"
	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/pagesource"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// Maker turns the site model into the data templates receive.
type Maker struct {
	cfg    *config.Config
	model  *site.Site
	site   *render.Site
	base   string         // base path, e.g. /playbook/
	abs    string         // absolute base URL, or the base path when none is known
	marked []*render.Site // the Site with main-menu entry i marked current

	// summaries caches each page's card data: one page shows up in its
	// section's list, its terms' lists and other pages' related lists. The
	// slots are made once, for every page of the model, by its place
	// (site.Site.Index).
	summaries []summarySlots

	taxViews map[*site.Taxonomy]*render.Taxonomy // each taxonomy's view, made once

	nav *nav.Tree        // the section sidebar
	git *pagesource.Info // the content's git history, nil outside a repository
	// changes is the recent changes and the owners directory; nil
	// until SetChanges.
	changes *changes.Changes

	backlinks Backlinks // who links to a page; nil until SetBacklinks
}

// taxonomyView is the view of tax shared by its own page and its terms' pages.
func (v *Maker) taxonomyView(tax *site.Taxonomy) *render.Taxonomy { return v.taxViews[tax] }

// summarySlots keeps a page's summaries once made: bare before the page's
// text is known (related cards drawn while pages render), full after it
// (its first paragraph may stand in for a missing description). A page
// whose front matter has a description has one summary: both use bare.
type summarySlots struct {
	bare, full atomic.Pointer[render.Summary]
	shared     bool                   // the front matter has a description
	url        atomic.Pointer[string] // the page's URL (base path, escaped) once worked out
	key        atomic.Uint64          // the key of the bare card once worked out (see Renderer.cardKey), 0 before
	link       atomic.Uint64          // the key of a link to the page once worked out (see Maker.linkKey), 0 before
}

// slots returns the summary slots of page p, nil when p is not a page of
// the model.
func (v *Maker) slots(p *site.Page) *summarySlots {
	if i, ok := v.model.Index(p); ok {
		return &v.summaries[i]
	}
	return nil
}

// NewMaker returns the view mapping of model; generator names the program
// in pages ("playbook 0.1.0").
func NewMaker(cfg *config.Config, model *site.Site, generator string) *Maker {
	v := &Maker{cfg: cfg, model: model, base: cfg.BasePath(), abs: cfg.BaseURL,
		summaries: make([]summarySlots, len(model.Pages))}
	tree := make(chan *nav.Tree, 1) // the sidebar's tree is built beside the rest
	go func() { tree <- nav.New(model, v.base) }()
	for i, p := range model.Pages {
		v.summaries[i].shared = ownDescription(p) != ""
	}
	v.site = &render.Site{
		Title:        cfg.Title,
		Description:  ParamString(cfg.Params, "description"),
		LanguageCode: cfg.LanguageCode,
		BaseURL:      cfg.BaseURL,
		BasePath:     v.base,
		Params:       cfg.Params,
		Copyright:    cfg.Copyright,
		Generator:    generator,
	}
	for _, item := range cfg.Menu["main"] {
		v.site.Menu = append(v.site.Menu, render.Link{Title: item.Name, URL: v.menuURL(item.URL)})
	}
	for _, sec := range model.Home.Sections {
		v.site.Sections = append(v.site.Sections, v.link(sec))
	}
	v.taxViews = make(map[*site.Taxonomy]*render.Taxonomy, len(model.Taxonomies))
	for _, tax := range model.Taxonomies {
		tv := v.Taxonomy(tax)
		v.site.Taxonomies = append(v.site.Taxonomies, tv)
		v.taxViews[tax] = &tv
	}
	v.markMenus()
	v.nav = <-tree
	return v
}

// Site is the shared view of the site (menu entry unmarked).
func (v *Maker) Site() *render.Site { return v.site }

// ParamString is a site or page parameter as a string ("" when not one).
func ParamString(params map[string]any, key string) string {
	s, _ := params[key].(string)
	return s
}

// menuURL puts the base path in front of site-absolute menu URLs.
func (v *Maker) menuURL(u string) string {
	if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		return v.base + strings.TrimPrefix(u, "/")
	}
	return u
}

// URL returns a site path with the base path in front.
func (v *Maker) URL(sitePath string) string {
	return v.base + strings.TrimPrefix(site.Href(sitePath), "/")
}

// Permalink returns the absolute URL of a site path.
func (v *Maker) Permalink(sitePath string) string {
	return v.abs + strings.TrimPrefix(site.Href(sitePath), "/")
}

func (v *Maker) link(p *site.Page) render.Link {
	return render.Link{Title: p.Title, URL: v.pageURL(p)}
}

// pageURL is v.URL(p.URL), worked out once per page of the model: a page
// is linked from its neighbours, breadcrumbs, backlinks and cards.
func (v *Maker) pageURL(p *site.Page) string {
	slots := v.slots(p)
	if slots == nil {
		return v.URL(p.URL)
	}
	if u := slots.url.Load(); u != nil {
		return *u
	}
	u := v.URL(p.URL)
	slots.url.Store(&u)
	return u
}

// NewPage fills what every kind of page has.
func (v *Maker) NewPage(kind render.Kind, title, sitePath string) *render.Page {
	return v.newPageAt(kind, title, sitePath, v.URL(sitePath))
}

// newPageAt is NewPage for the site path whose URL is url.
func (v *Maker) newPageAt(kind render.Kind, title, sitePath, url string) *render.Page {
	return &render.Page{Site: v.siteFor(url), Kind: kind, Title: title, URL: url, Permalink: v.Permalink(sitePath)}
}

// siteFor returns the shared Site with the menu's current entry marked
// for the page at url (v.URL of its site path).
func (v *Maker) siteFor(cur string) *render.Site {
	marked := -1
	for i, m := range v.site.Menu {
		if m.URL != v.base && strings.HasPrefix(cur, m.URL) {
			marked = i
		}
	}
	if marked < 0 {
		return v.site
	}
	return v.marked[marked]
}

// markMenus makes one Site per main-menu entry with that entry marked
// current, once, so every page of a section shares its Site (the theme
// renders the header once per Site).
func (v *Maker) markMenus() {
	v.marked = make([]*render.Site, len(v.site.Menu))
	for i := range v.site.Menu {
		s := *v.site
		s.Menu = append([]render.Link(nil), v.site.Menu...)
		s.Menu[i].Current = true
		v.marked[i] = &s
	}
}

// Page builds the view of a content page or section.
func (v *Maker) Page(p *site.Page, txt *Text, body []byte) *render.Page {
	view, parts := v.PageView(p, txt, body)
	view.Sidebar = template.HTML(parts.Sidebar.HTML()) // drawn by package nav, escaped there
	return view
}

// Parts are the parts of a page view that its sum takes by sums of their
// own: the sidebar, written out into the view only when the page is
// executed (see Renderer.ExecutePage), and the content's sum when it is
// known (Text.HTMLSum).
type Parts struct {
	Sidebar    nav.Drawn
	ContentSum uint64 // of view.Content; 0 when unknown (the sum reads Content)
}

// PageView is Page with the sidebar not yet written out (view.Sidebar is
// empty) and the parts that stand in for it and the content in the view's sum.
func (v *Maker) PageView(p *site.Page, txt *Text, body []byte) (*render.Page, Parts) {
	kind := pageKind(p)
	view := v.newPageAt(kind, p.Title, p.URL, v.pageURL(p))
	view.Type, view.TypeTitle = p.Type, v.TypeTitle(p.Type)
	view.Content = htmlOf(body)
	view.Breadcrumbs = v.breadcrumbs(p)
	if src := p.Src; src != nil {
		v.fillMeta(view, p, src)
		v.fillSource(view, src)
	}
	var parts Parts
	if kind != render.KindHome {
		parts.Sidebar = v.nav.Drawn(p)
	}
	if p.Src != nil && len(p.Src.Steps()) > 0 {
		view.Checklist = true
	}
	view.Lead = view.Description // the page's own: its first paragraph is already on it
	if kind == render.KindHome {
		view.Lead = firstNonEmpty(view.Lead, v.site.Description)
	}
	view.Description = firstNonEmpty(view.Description, txt.summary(), v.site.Description, p.Title)
	if txt != nil {
		parts.ContentSum = txt.HTMLSum
		view.TitleID = txt.TitleID
		view.TOC = toc(txt.TOC)
		view.ReadingTime = max(1, (txt.Words+219)/220)
		view.Diagrams = txt.Diagrams
		view.Checklist = txt.Tasks
	}
	if p.Prev != nil {
		l := v.link(p.Prev)
		view.Prev = &l
	}
	if p.Next != nil {
		l := v.link(p.Next)
		view.Next = &l
	}
	for _, r := range v.model.Related(p) {
		view.Related = append(view.Related, v.Summary(r, nil))
	}
	view.Backlinks = v.backlinkViews(p)
	return view, parts
}

// SetGit gives the maker the content's git history (nil outside a
// repository), read while the content loaded.
func (v *Maker) SetGit(git *pagesource.Info) { v.git = git }

// Nav returns the section tree behind the sidebars (written as nav.File).
func (v *Maker) Nav() *nav.Tree { return v.nav }

// fillSource adds where the page comes from: its last commit, its edit
// and history links and its owner's contact URL.
func (v *Maker) fillSource(view *render.Page, src *content.Page) {
	s := v.git.Source(src.Path, v.cfg.EditURL, v.cfg.HistoryURL)
	if c := s.Commit; c != nil {
		view.LastCommit = &render.Commit{Author: c.Author, Date: c.Changed}
	}
	view.EditURL, view.HistoryURL = s.Edit, s.History
	view.OwnerURL = v.cfg.Owners[src.Meta.Owner]
	view.OwnerPage = v.ownerPage(src.Meta.Owner)
}

func (v *Maker) fillMeta(view *render.Page, p *site.Page, src *content.Page) {
	m := src.Meta
	view.TitleHTML = template.HTML(src.TitleHTML) // rendered by markdown.Title: inline markup only, raw HTML escaped
	view.Description = firstNonEmpty(m.Description, m.Summary)
	view.Date, view.Lastmod, view.Draft, view.Owner = m.Date, p.Lastmod(), m.Draft, m.Owner
	view.Params = m.Params
	view.Tags = v.termLinks(p, "tags")
	view.Teams = v.termLinks(p, "teams")
	v.fillFields(view, p, src)
	view.Chart = resultsChart(p.Title, src.Results())
	if view.Chart != "" && v.model.ByURL(ResultsURL) == nil {
		view.ResultsLink = &render.Link{Title: "Compare with every case study's results", URL: v.URL(ResultsURL)}
	}
}

// htmlOf shares body's bytes with the template instead of copying them
// (10 KB a page): rendered Markdown is never changed after rendering.
func htmlOf(body []byte) template.HTML {
	if len(body) == 0 {
		return ""
	}
	return template.HTML(unsafe.String(&body[0], len(body)))
}

func firstNonEmpty(vals ...string) string {
	for _, s := range vals {
		if s != "" {
			return s
		}
	}
	return ""
}

// TypeTitle is the title of a content type ("Playbook"), "Page" for others.
func (v *Maker) TypeTitle(typ string) string {
	if t, ok := v.cfg.Types[typ]; ok && t.Title != "" {
		return t.Title
	}
	return "Page"
}

func (v *Maker) breadcrumbs(p *site.Page) []render.Link {
	var out []render.Link
	for _, a := range p.Ancestors() {
		l := v.link(a)
		if a.Kind == site.KindHome {
			l.Title = "Home"
		}
		out = append(out, l)
	}
	return out
}

func (v *Maker) termLinks(p *site.Page, taxonomy string) []render.Link {
	var out []render.Link
	for _, t := range p.Terms[taxonomy] {
		out = append(out, render.Link{Title: t.Name, URL: v.URL(t.URL)})
	}
	return out
}

// Taxonomy is the view of a taxonomy and its terms, most used first.
func (v *Maker) Taxonomy(tax *site.Taxonomy) render.Taxonomy {
	t := render.Taxonomy{Name: tax.Name, Singular: tax.Singular, Title: content.TitleFromName(tax.Name), URL: v.URL(tax.URL)}
	for _, term := range tax.Terms {
		t.Terms = append(t.Terms, render.Term{Name: term.Name, URL: v.URL(term.URL), Count: len(term.Pages)})
	}
	sortTerms(t.Terms)
	return t
}

// Summary returns a page's list card; txt may be nil when the page's text
// is not known yet. Cached: a page's card data does not change for one
// text (a rebuilt page is forgotten first).
func (v *Maker) Summary(p *site.Page, txt *Text) render.Summary {
	slots := v.slots(p)
	if slots == nil { // not a page of the model: nothing to share it with
		return v.newSummary(p, txt)
	}
	slot := &slots.full
	if txt == nil || slots.shared {
		slot, txt = &slots.bare, nil
	}
	if s := slot.Load(); s != nil {
		return *s
	}
	s := v.newSummary(p, txt)
	if !slot.CompareAndSwap(nil, &s) {
		return *slot.Load() // made at the same time elsewhere: share its card
	}
	return s
}

// newSummary makes a summary with a card cache of its own.
func (v *Maker) newSummary(p *site.Page, txt *Text) render.Summary {
	s := v.makeSummary(p, txt)
	s.Card = &render.CardCache{}
	return s
}

// Forget drops the cached summaries of a page that is rendered anew.
func (v *Maker) Forget(p *site.Page) {
	if slots := v.slots(p); slots != nil {
		slots.bare.Store(nil)
		slots.full.Store(nil)
	}
}

// ownDescription is the description a page's front matter gives it.
func ownDescription(p *site.Page) string {
	if p.Src == nil {
		return ""
	}
	return firstNonEmpty(p.Src.Meta.Description, p.Src.Meta.Summary)
}

func (v *Maker) makeSummary(p *site.Page, txt *Text) render.Summary {
	s := render.Summary{Title: p.Title, URL: v.pageURL(p), Type: p.Type, TypeTitle: v.TypeTitle(p.Type), Date: p.Lastmod()}
	s.Description = ownDescription(p)
	if p.Src != nil {
		s.Tags, s.Teams = v.termLinks(p, "tags"), v.termLinks(p, "teams")
		s.Fields = v.cardFields(p)
		if rs := p.Src.Results(); len(rs) > 0 {
			m := metricView(rs[0])
			s.Headline = &m
		}
	}
	if s.Description == "" {
		s.Description = txt.summary()
	}
	return s
}

func toc(hs []markdown.Heading) []render.TOCEntry {
	var out []render.TOCEntry
	for _, h := range hs {
		e := render.TOCEntry{ID: h.ID, Text: h.Text, Level: h.Level}
		if h.Level > 2 && len(out) > 0 {
			last := &out[len(out)-1]
			last.Children = append(last.Children, e)
			continue
		}
		out = append(out, e)
	}
	return out
}
