package view

import (
	"encoding/binary"
	"hash/maphash"
	"reflect"
	"slices"

	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// PageKey returns a sum of everything the view of single page p reads
// (Maker.PageView, with notice as its review notice and the layout's
// reading of the site's taxonomies) but its sidebar, whose sum the caller
// takes from nav.Drawn: the same key and sidebar within one process and
// under the same configuration and theme mean the same view, so the live
// preview can keep a page's file without making its view. It reads the
// page's own source by its file's sum and what it inherited, its text
// (Text.TextSum, made once per Markdown result), its neighbours' and
// ancestors' titles and URLs, its related pages' cards, who links to it,
// its git commit, and the site-wide values a page shows. ok is false
// when the key cannot be made (not a single page, text without TextSum,
// unsummable values).
//
// PageView and PageKey go together: what PageView reads of the model
// must go in here too (the rebuild tests check every key that matched
// against the view, see pipeline.VerifyKeys).
func (r *Renderer) PageKey(p *site.Page, txt *Text, notice string) (key uint64, ok bool) {
	if p.Kind != site.KindPage {
		return 0, false
	}
	k, ok := r.viewKey(p, txt, notice)
	if !ok {
		return 0, false
	}
	return k.sum(), true
}

// viewKey writes what PageView reads for page p (of any kind) but the
// sidebar (see PageKey). A page without a source file has no text.
func (r *Renderer) viewKey(p *site.Page, txt *Text, notice string) (*keyHash, bool) {
	src := p.Src
	if src != nil && (txt == nil || txt.TextSum == 0) {
		return nil, false
	}
	k := newKeyHash()
	url := r.pageURL(p)
	reads := r.reading(&render.Page{Kind: pageKind(p), Type: p.Type})
	siteSum, ok := r.sums.site(siteKey{r.siteFor(url), reads.taxonomies, reads.chromed})
	if !ok {
		return nil, false
	}
	k.num(siteSum, uint64(p.Kind))
	k.str(p.URL, url, p.Title, p.Type, notice)
	k.flag(generated(r.model, ResultsURL), generated(r.model, OwnersURL))
	k.terms(p.Terms)
	if src != nil {
		// The page's front matter, fields, steps and results: its file,
		// what it inherited from cascades, and the configuration (the
		// same here).
		k.str(src.Path)
		k.num(src.Hash)
		if !k.inherited(&r.sums, src.Inherited().Values) {
			return nil, false
		}
		k.str(r.changes.OwnerID(src.Meta.Owner))
		if c, ok := r.git.For(src.Path); ok {
			k.str(c.Author)
			k.num(uint64(c.Changed.UnixNano()), uint64(c.Created.UnixNano()))
		}
		if r.git != nil {
			k.str(r.git.Prefix)
		}
		k.num(txt.TextSum)
	}
	for _, a := range p.Ancestors() {
		k.flag(a.Kind == site.KindHome)
		k.link(r.Maker, a)
	}
	k.link(r.Maker, p.Prev)
	k.link(r.Maker, p.Next)
	related := r.model.Related(p)
	k.num(uint64(len(related)))
	for _, rel := range related {
		card, ok := r.cardKey(rel)
		if !ok {
			return nil, false
		}
		k.num(card)
	}
	if r.backlinks != nil {
		from := r.backlinks(p)
		k.num(uint64(len(from)))
		for _, q := range from {
			k.link(r.Maker, q)
		}
	}
	return k, true
}

// A ListKey is the key of a list's pager page (see Renderer.Keep): a sum
// of what its view reads but the parts drawn once for many pages (see
// PageKey), and those parts. The same View and parts drawn alike mean the
// same page; the same View and other parts, the page in place with those
// parts replaced.
type ListKey struct {
	View    uint64
	Sidebar nav.Drawn     // the zero Drawn for none
	Chrome  render.Chrome // see PageChrome
}

// sectionPageKey returns the key of pager page n (of total) of section
// (or home) p's list showing shown: its page's view key, sidebar and
// chrome (see viewKey, PageChrome), its results link, the pager, and the
// cards it shows (its subsections' on the first, the recent pages' and
// sections' on the home page's).
func (r *Renderer) sectionPageKey(p *site.Page, n, total int, shown []*site.Page) (ListKey, [][]*site.Page, bool) {
	k, ok := r.viewKey(p, r.text(p), "")
	if !ok {
		return ListKey{}, nil, false
	}
	var key ListKey
	if p.Kind != site.KindHome {
		key.Sidebar = r.nav.Drawn(p)
	}
	if key.Chrome, ok = r.PageChrome(p); !ok {
		return ListKey{}, nil, false
	}
	k.flag(r.resultsLink(p) != nil)
	k.num(uint64(n), uint64(total), uint64(len(p.Pages)))
	cards := [][]*site.Page{shown}
	if n == 1 {
		cards = append(cards, p.Sections)
	}
	if p.Kind == site.KindHome {
		cards = append(cards, r.model.Recent(RecentCount), p.Sections)
	}
	for _, list := range cards {
		if !r.writeCards(k, list) {
			return ListKey{}, nil, false
		}
	}
	key.View = k.sum()
	return key, cards, true
}

// PageChrome returns the chrome (render.Theme.Chrome) of the view of page
// p (of any kind) when the site's menu and sections reach it only there:
// its key (PageKey) leaves them out, and takes the chrome's sum and
// drawings apart, as the sidebar's. The zero Chrome, whose sum is 0,
// when they reach it otherwise; ok is false when it cannot be drawn.
func (r *Renderer) PageChrome(p *site.Page) (render.Chrome, bool) {
	layout := &render.Page{Kind: pageKind(p), Type: p.Type, Site: r.siteFor(r.pageURL(p))}
	return r.chrome(layout, r.reading(layout))
}

// chrome returns the chrome of layout, which reads reads, as PageChrome.
func (r *Renderer) chrome(layout *render.Page, reads reading) (render.Chrome, bool) {
	if !reads.chromed {
		return render.Chrome{}, true
	}
	return r.theme.Chrome(layout)
}

// pageKind is the kind of page p's view.
func pageKind(p *site.Page) render.Kind {
	switch p.Kind {
	case site.KindHome:
		return render.KindHome
	case site.KindSection:
		return render.KindSection
	}
	return render.KindPage
}

// pagerKey makes the key of pager page n of total of a list, showing the
// cards of shown (see Renderer.Keep), and returns every list of cards the
// page shows (shown among them): a kept page records that it shows them,
// as making its view would (Deps).
type pagerKey func(n, total int, shown []*site.Page) (key ListKey, cards [][]*site.Page, ok bool)

// termPageKey returns the key of pager page n (of total) of term's list:
// a sum of the site view as the term layout reads it, the taxonomy's
// view, the term, the pager and the cards of shown, and its chrome. The
// same key means the same view (termPage's), as PageKey's does for pages.
func (r *Renderer) termPageKey(tax *site.Taxonomy, term *site.Term, n, total int, shown []*site.Page) (ListKey, [][]*site.Page, bool) {
	reads := r.reading(&render.Page{Kind: render.KindTerm})
	siteView := r.siteFor(r.URL(term.URL))
	siteSum, ok := r.sums.site(siteKey{siteView, reads.taxonomies, reads.chromed})
	chrome, okChrome := r.chrome(&render.Page{Kind: render.KindTerm, Site: siteView}, reads)
	if !ok || !okChrome {
		return ListKey{}, nil, false
	}
	k := newKeyHash()
	k.num(siteSum, r.sums.taxonomy(taxKey{r.taxonomyView(tax), reads.terms}))
	k.str(tax.Singular, term.Name, term.URL)
	k.num(uint64(n), uint64(total), uint64(len(term.Pages)))
	if !r.writeCards(k, shown) {
		return ListKey{}, nil, false
	}
	return ListKey{View: k.sum(), Chrome: chrome}, [][]*site.Page{shown}, true
}

// writeCards writes the keys of the cards of pages as lists show them
// (see listCardKey); false when one cannot be made.
func (r *Renderer) writeCards(k *keyHash, pages []*site.Page) bool {
	k.num(uint64(len(pages)))
	for _, p := range pages {
		card, ok := r.listCardKey(p)
		if !ok {
			return false
		}
		k.num(card)
	}
	return true
}

// listCardKey returns a sum of what page p's card in lists shows
// (Summary(p, r.text(p))): its bare card's, and its text's summary when
// its front matter has no description to show instead.
func (r *Renderer) listCardKey(p *site.Page) (uint64, bool) {
	bare, ok := r.cardKey(p)
	slots := r.slots(p)
	if !ok || slots == nil || slots.shared {
		return bare, ok
	}
	k := newKeyHash()
	k.num(bare)
	k.str(r.text(p).summary())
	return k.sum(), true
}

// cardKey returns a sum of what page p's card shows before its text is
// known (Summary(p, nil), the card of a related page): its title, URL,
// type and terms, and its front matter with what it inherited. Worked
// out once per page and build.
func (r *Renderer) cardKey(p *site.Page) (uint64, bool) {
	slots := r.slots(p)
	if slots != nil {
		if key := slots.key.Load(); key != 0 {
			return key, true
		}
	}
	k := newKeyHash()
	k.str(p.Title, r.pageURL(p), p.Type)
	k.terms(p.Terms)
	if src := p.Src; src != nil {
		k.num(src.MatterHash)
		if !k.inherited(&r.sums, src.Inherited().Values) {
			return 0, false
		}
	}
	key := k.sum()
	if slots != nil {
		slots.key.Store(key)
	}
	return key, true
}

// keyHash writes the parts of a key, each with its length so that
// different parts make different streams, into a hash (no allocation).
type keyHash struct {
	h maphash.Hash
	n [8]byte
}

// newKeyHash returns an empty key.
func newKeyHash() *keyHash {
	k := &keyHash{}
	k.h.SetSeed(viewSeed)
	return k
}

// sum returns the key (never 0).
func (k *keyHash) sum() uint64 { return k.h.Sum64() | 1 }

func (k *keyHash) num(ns ...uint64) {
	for _, n := range ns {
		binary.LittleEndian.PutUint64(k.n[:], n)
		k.h.Write(k.n[:])
	}
}

func (k *keyHash) str(ss ...string) {
	for _, s := range ss {
		k.num(uint64(len(s)))
		k.h.WriteString(s)
	}
}

func (k *keyHash) flag(bs ...bool) {
	for _, b := range bs {
		if b {
			k.h.WriteByte(1)
		} else {
			k.h.WriteByte(0)
		}
	}
}

// inherited writes the values a page took from cascades; false when they
// cannot be summed.
func (k *keyHash) inherited(s *sums, vals map[string]any) bool {
	k.num(uint64(len(vals)))
	if len(vals) == 0 {
		return true
	}
	sum, ok := s.valueSum(reflect.ValueOf(vals))
	k.num(sum)
	return ok
}

// link writes what a link to p shows (nothing for no page).
func (k *keyHash) link(v *Maker, p *site.Page) {
	if p == nil {
		k.num(0)
		return
	}
	k.num(1, v.linkKey(p))
}

// linkKey returns a sum of what a link to page p shows: its title and
// URL. Worked out once per page and build, as pages link to their
// neighbours, ancestors and the pages that link to them.
func (v *Maker) linkKey(p *site.Page) uint64 {
	slots := v.slots(p)
	if slots != nil {
		if key := slots.link.Load(); key != 0 {
			return key
		}
	}
	k := newKeyHash()
	k.str(p.Title, v.pageURL(p))
	key := k.sum()
	if slots != nil {
		slots.link.Store(key)
	}
	return key
}

// terms writes a page's terms by taxonomy, taxonomies by name.
func (k *keyHash) terms(terms map[string][]*site.Term) {
	var room [8]string // a site has a few taxonomies: no allocation
	names := room[:0]
	for name := range terms {
		names = append(names, name)
	}
	slices.Sort(names)
	k.num(uint64(len(names)))
	for _, name := range names {
		k.str(name)
		k.num(uint64(len(terms[name])))
		for _, t := range terms[name] {
			k.str(t.Name, t.URL)
		}
	}
}
