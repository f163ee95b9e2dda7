package render

import (
	"bytes"
	"hash/maphash"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// cardLayout is the partial that draws one page's card in lists.
const cardLayout = "partials/card.html"

// maxCards bounds the card cache of a long-running preview.
const maxCards = 100_000

// cardCache keeps drawn partials by a key that stands for their data:
// cards by their summary's key, owners' entries by theirs.
type cardCache struct {
	m sync.Map // key string → template.HTML
	n atomic.Int64
}

// draw returns what draw makes for key, drawn once while it is kept (a
// failed drawing is not kept).
func (c *cardCache) draw(key string, draw func() (template.HTML, error)) (template.HTML, error) {
	if v, ok := c.m.Load(key); ok {
		return v.(template.HTML), nil
	}
	html, err := draw()
	if err != nil {
		return "", err
	}
	if c.n.Add(1) > maxCards {
		c.m.Clear()
		c.n.Store(0)
	}
	c.m.Store(key, html)
	return html, nil
}

// card renders s with partials/card.html. A card depends only on its
// summary, and a page's card appears on many list pages (sections, terms,
// related pages), so each distinct summary is rendered once: kept in its
// Card when the summary has one, else looked up by its key (and a Card
// filled from that lookup when the theme keeps its cards for the next).
func (t *Theme) card(s Summary) (template.HTML, error) {
	byKey := s.Card == nil || t.keepCards
	draw := func() (template.HTML, error) {
		if !byKey {
			return t.drawCard(s)
		}
		key := s.Key
		if key == "" {
			key = SummaryKey(&s)
		}
		return t.cards.draw(key, func() (template.HTML, error) { return t.drawCard(s) })
	}
	c := s.Card
	if c == nil {
		return draw()
	}
	c.once.Do(func() { c.html, c.err = draw() })
	return c.html, c.err
}

// cardList renders each summary of list as card does, one per line: a whole
// grid in one call from the template, {{ cards .Pages }}, instead of two
// reflective calls per card.
func (t *Theme) cardList(list []Summary) (template.HTML, error) {
	return joinDrawn(len(list), "\n", func(i int) (string, error) {
		html, err := t.card(list[i])
		return string(html), err
	})
}

// joinDrawn draws n pieces of HTML and joins them with sep in one
// allocation of the final size.
func joinDrawn(n int, sep string, draw func(i int) (string, error)) (template.HTML, error) {
	parts := make([]string, n)
	size := max(n-1, 0) * len(sep)
	for i := range parts {
		html, err := draw(i)
		if err != nil {
			return "", err
		}
		parts[i] = html
		size += len(html)
	}
	var b strings.Builder
	b.Grow(size)
	for i, html := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(html)
	}
	return template.HTML(b.String()), nil
}

// ownerLayout is the partial that draws one owner's entry of the owners
// page.
const ownerLayout = "partials/owner.html"

// owner renders o with partials/owner.html, kept by o.Key when it has
// one: an edit of one page changes one owner's entry, and the live
// preview keeps its theme between builds.
func (t *Theme) owner(o Owner) (template.HTML, error) {
	draw := func() (template.HTML, error) {
		html, err := t.drawPartial(ownerLayout, o)
		return template.HTML(html), err
	}
	if o.Key == "" {
		return draw()
	}
	return t.owners.draw(o.Key, draw)
}

// drawCard executes partials/card.html for s.
func (t *Theme) drawCard(s Summary) (template.HTML, error) {
	html, err := t.drawPartial(cardLayout, s)
	return template.HTML(html), err
}

// drawPartial executes the shared partial name with data.
func (t *Theme) drawPartial(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := t.shared.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// CardCache keeps the card drawn for one summary (see Summary.Card).
type CardCache struct {
	once sync.Once
	html template.HTML
	err  error
}

// SummaryKey joins every field of s a card may show (all but Key and Card).
func SummaryKey(s *Summary) string {
	var b strings.Builder
	for _, f := range []string{s.Title, s.URL, s.Type, s.TypeTitle, s.Description} {
		b.WriteString(f)
		b.WriteByte(0)
	}
	for _, f := range s.Fields {
		b.WriteString(f.Name + "\x00" + f.Text + "\x00" + string(f.HTML) + "\x00")
	}
	b.WriteString(strconv.FormatInt(s.Date.UnixNano(), 10))
	for _, links := range [][]Link{s.Tags, s.Teams} {
		b.WriteByte(1)
		for _, l := range links {
			b.WriteString(l.Title)
			b.WriteByte(0)
			b.WriteString(l.URL)
			b.WriteByte(0)
		}
	}
	if m := s.Headline; m != nil {
		b.WriteByte(2)
		b.WriteString(m.Label + "\x00" + m.Before + "\x00" + m.After + "\x00" + m.Unit + "\x00" + m.Change + "\x00" + strconv.FormatBool(m.Better))
	}
	return b.String()
}

// chrome renders a partial whose dot is the *Site (header, footer, the
// site-wide part of <head>) once per Site value and reuses the HTML: it is
// the same on every page that shares the Site (the builder hands out one
// Site per marked menu entry).
func (t *Theme) chrome(name string, s *Site) (template.HTML, error) {
	key := chromeKey{name: name, site: s}
	if v, ok := t.chromes.Load(key); ok {
		return v.(template.HTML), nil
	}
	drawn, err := t.drawPartial(name, s)
	if err != nil {
		return "", err
	}
	html := template.HTML(drawn)
	t.chromes.Store(key, html)
	return html, nil
}

// chromeKey identifies one rendered chrome partial.
type chromeKey struct {
	name string
	site *Site
}

// Chrome is the chrome of one page (see Theme.Chrome): the partials its
// layout may draw with the chrome helper, drawn from its site.
type Chrome struct {
	names []string
	html  []template.HTML
	sum   uint64
}

// Chrome draws the partials the layout of p may draw with the chrome
// helper (its header and footer, say), from p.Site, as its page would;
// ok is false when a drawing fails or the layout names a partial other
// than by a constant (ReadsDirectly then reports every name).
func (t *Theme) Chrome(p *Page) (c Chrome, ok bool) {
	l, err := t.lookup(p)
	if err != nil || l.chromes == nil {
		return Chrome{}, false
	}
	key := chromeKey{name: l.rel, site: p.Site}
	if v, ok := t.chromeSets.Load(key); ok {
		return v.(Chrome), true
	}
	c = Chrome{names: l.chromes, html: make([]template.HTML, len(l.chromes))}
	h := maphash.Hash{}
	h.SetSeed(chromeSeed)
	for i, name := range l.chromes {
		if c.html[i], err = t.chrome(name, p.Site); err != nil {
			return Chrome{}, false
		}
		h.WriteString(name)
		h.WriteByte(0)
		h.WriteString(string(c.html[i]))
		h.WriteByte(0)
	}
	c.sum = h.Sum64() | 1
	t.chromeSets.Store(key, c)
	return c, true
}

// chromeSeed seeds chrome sums (compared within one process).
var chromeSeed = maphash.MakeSeed()

// Sum is a sum of the chrome's drawings (0 for none): the same sum, the
// same drawings.
func (c Chrome) Sum() uint64 { return c.sum }

// Changed calls swap with the old and new drawing of each partial drawn
// differently in c than in was.
func (c Chrome) Changed(was Chrome, swap func(old, now string)) {
	for i, name := range c.names {
		if j := slices.Index(was.names, name); j >= 0 && was.html[j] != c.html[i] {
			swap(string(was.html[j]), string(c.html[i]))
		}
	}
}
