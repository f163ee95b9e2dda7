// Package nav builds the section sidebar: the site's tree of sections and
// pages, drawn for one page as nested lists and <details> that show only
// the branch the page is on (so a page's weight does not grow with the
// site), and the whole tree as one JSON file the theme loads when a reader
// opens a collapsed section.
package nav

import (
	"cmp"
	"hash/maphash"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/site"
)

// File is the output path of the whole tree (see Tree.JSON).
const File = "nav.json"

// Tree is the navigation tree of one build. Its methods are safe for
// concurrent use.
type Tree struct {
	base     string // base path, e.g. /playbook/
	root     *node
	bySec    map[*site.Page]*node
	hidden   bool     // the site hides the sidebar everywhere ([params] sidebar = false)
	sidebars sync.Map // *node → *sidebar
}

// node is one section or page of the tree.
type node struct {
	page   *site.Page
	title  string
	order  string // the title in lower case, which orders nodes of one weight
	weight int
	url    string // site-absolute, base path included
	// The title and URL escaped for HTML, as every drawing that shows
	// the node writes them.
	escTitle, escURL string
	parent           *node
	children         []*node // sections and pages, by weight then title
}

type sidebar struct {
	once sync.Once
	html string
	// marks is where each link's `href="…"` ends in html (its first
	// such link, followed by '>'): where the current page's link gets
	// aria-current.
	marks map[string]int
	sum   uint64 // of html
}

// Chunk is the most pages and sections the sidebar lists inline for one
// section: a section with more shows the chunk of Chunk entries that holds
// the branch (the rest are one "more" link to the section, or are filled
// in from nav.json), so a folder of a thousand pages costs each of its
// pages no more than a folder of Chunk.
const Chunk = 40

// key names one drawing: the section whose pages are shown and which
// chunk of its entries holds the page.
type key struct {
	sec   *node
	chunk int
}

// New builds the tree of model's sections and pages. base is the site's
// base path, put in front of every URL.
func New(model *site.Site, base string) *Tree {
	t := &Tree{base: base, bySec: map[*site.Page]*node{}}
	if off, ok := model.Config.Params["sidebar"].(bool); ok && !off {
		t.hidden = true
	}
	if model.Home != nil {
		t.root = t.add(model.Home, nil)
	}
	return t
}

func (t *Tree) add(p *site.Page, parent *node) *node {
	title := Title(p)
	url := t.base + strings.TrimPrefix(site.Href(p.URL), "/")
	n := &node{page: p, title: title, order: strings.ToLower(title), weight: p.Weight(), url: url, parent: parent,
		escTitle: html.EscapeString(title), escURL: html.EscapeString(url)}
	if p.Kind == site.KindPage {
		return n
	}
	t.bySec[p] = n
	for _, s := range p.Sections {
		n.children = append(n.children, t.add(s, n))
	}
	for _, c := range p.Pages {
		n.children = append(n.children, t.add(c, n))
	}
	slices.SortStableFunc(n.children, func(a, b *node) int {
		return cmp.Or(cmp.Compare(a.weight, b.weight), strings.Compare(a.order, b.order))
	})
	return n
}

// Title is the page's title in navigation: its linkTitle when it has one.
func Title(p *site.Page) string {
	if p.Src != nil {
		if s, ok := p.Src.Meta.Params["linktitle"].(string); ok && s != "" {
			return s
		}
	}
	return p.Title
}

// Hidden reports whether p shows no sidebar: `sidebar = false` in its own
// front matter, in a section above it, or in the site's [params].
func (t *Tree) Hidden(p *site.Page) bool {
	if t.hidden || t.root == nil {
		return true
	}
	for a := p; a != nil; a = a.Parent {
		if a.Src != nil {
			if on, ok := a.Src.Meta.Params["sidebar"].(bool); ok && !on {
				return true
			}
		}
	}
	return false
}

// Sidebar returns the sidebar of page p: the top-level sections and, down
// the branch p is on, each section's pages and subsections, with p marked
// aria-current. Sections off the branch are collapsed <details> holding
// only a link to their own page. "" when p shows no sidebar (see Hidden).
// Every page of one section shares one drawing; p's mark is put in with
// one copy (see Drawn).
func (t *Tree) Sidebar(p *site.Page) string { return t.Drawn(p).HTML() }

// Drawn is one page's sidebar before it is written out: the drawing its
// section's pages share and where the page's aria-current mark goes. The
// zero Drawn is no sidebar.
type Drawn struct {
	sb *sidebar
	at int // offset of the mark in sb.html; -1 when p is not linked
}

// Drawn returns page p's sidebar (see Sidebar) without writing it out.
func (t *Tree) Drawn(p *site.Page) Drawn {
	if t.Hidden(p) {
		return Drawn{}
	}
	sec := p
	if p.Kind == site.KindPage {
		sec = p.Parent
	}
	n := t.bySec[sec]
	if n == nil {
		return Drawn{}
	}
	k := key{sec: n}
	if p.Kind == site.KindPage {
		k.chunk = indexOf(n, p) / Chunk
	}
	v, _ := t.sidebars.LoadOrStore(k, &sidebar{})
	sb := v.(*sidebar)
	sb.once.Do(func() {
		sb.html = t.draw(k)
		sb.marks = linkEnds(sb.html)
		sb.sum = maphash.String(drawingSeed, sb.html)
	})
	at, ok := sb.marks[html.EscapeString(t.base+strings.TrimPrefix(p.URL, "/"))]
	if !ok {
		at = -1
	}
	return Drawn{sb: sb, at: at}
}

// HTML writes the sidebar out.
func (d Drawn) HTML() string {
	if d.sb == nil {
		return ""
	}
	if d.at < 0 {
		return d.sb.html
	}
	var b strings.Builder
	b.Grow(d.Len())
	b.WriteString(d.sb.html[:d.at])
	b.WriteString(current)
	b.WriteString(d.sb.html[d.at:])
	return b.String()
}

// current marks the page's own link in its sidebar.
const current = ` aria-current="page"`

// AppendHTML appends what HTML writes to b.
func (d Drawn) AppendHTML(b []byte) []byte {
	if d.sb == nil {
		return b
	}
	if d.at < 0 {
		return append(b, d.sb.html...)
	}
	b = append(b, d.sb.html[:d.at]...)
	b = append(b, current...)
	return append(b, d.sb.html[d.at:]...)
}

// Len is the length of what HTML writes.
func (d Drawn) Len() int {
	switch {
	case d.sb == nil:
		return 0
	case d.at < 0:
		return len(d.sb.html)
	}
	return len(d.sb.html) + len(current)
}

// Sum is a sum of what HTML would write (within one process): the same
// sum, the same sidebar.
func (d Drawn) Sum() uint64 {
	if d.sb == nil {
		return 0
	}
	return d.sb.sum ^ (uint64(d.at+2) * 0x9e3779b97f4a7c15)
}

// drawingSeed seeds the sums of drawings.
var drawingSeed = maphash.MakeSeed()

// linkEnds maps each (escaped) URL linked in a drawing as `href="URL">`
// to the offset just after its closing quote, for its first such link.
func linkEnds(drawing string) map[string]int {
	const attr = `href="`
	ends := map[string]int{}
	for at := 0; ; {
		i := strings.Index(drawing[at:], attr)
		if i < 0 {
			return ends
		}
		start := at + i + len(attr)
		n := strings.IndexByte(drawing[start:], '"')
		if n < 0 {
			return ends
		}
		end := start + n + 1
		if end < len(drawing) && drawing[end] == '>' {
			if _, seen := ends[drawing[start:end-1]]; !seen {
				ends[drawing[start:end-1]] = end
			}
		}
		at = end
	}
}

// indexOf returns the position of p among n's entries.
func indexOf(n *node, p *site.Page) int {
	for i, c := range n.children {
		if c.page == p {
			return i
		}
	}
	return 0
}

// draw writes the sidebar of the pages in chunk k.chunk of section k.sec.
// Every open section maps to the chunk of its entries it shows.
func (t *Tree) draw(k key) string {
	open := map[*node]int{k.sec: k.chunk}
	for c, a := k.sec, k.sec.parent; a != nil; c, a = a, a.parent {
		for i, e := range a.children {
			if e == c {
				open[a] = i / Chunk
			}
		}
	}
	var b strings.Builder
	b.WriteString(`<nav class="sidebar" id="sidebar" aria-label="Site sections" data-tree="`)
	b.WriteString(html.EscapeString(t.base + File))
	b.WriteString(`"><div class="sidebar-inner"><ul class="nav-tree">`)
	for _, c := range t.root.children {
		t.drawNode(&b, c, open)
	}
	b.WriteString(`</ul></div></nav>`)
	return b.String()
}

func (t *Tree) drawNode(b *strings.Builder, n *node, open map[*node]int) {
	if n.page.Kind == site.KindPage {
		writeAll(b, `<li><a href="`, n.escURL, `">`, n.escTitle, `</a></li>`)
		return
	}
	chunk, isOpen := open[n]
	writeAll(b, `<li class="nav-section"><details data-url="`, n.escURL, `"`)
	if isOpen {
		b.WriteString(` open`)
	}
	writeAll(b, `><summary>`, n.escTitle, `</summary><ul><li class="nav-overview"><a href="`, n.escURL, `">Overview</a></li>`)
	if isOpen {
		from := chunk * Chunk
		to := min(len(n.children), from+Chunk)
		more(b, n.escURL, from, "earlier")
		for _, c := range n.children[from:to] {
			t.drawNode(b, c, open)
		}
		more(b, n.escURL, len(n.children)-to, "more")
	}
	b.WriteString(`</ul></details></li>`)
}

// writeAll writes each of parts to b.
func writeAll(b *strings.Builder, parts ...string) {
	for _, s := range parts {
		b.WriteString(s)
	}
}

// more writes the link that stands for n entries of a section left out.
func more(b *strings.Builder, href string, n int, what string) {
	if n <= 0 {
		return
	}
	b.WriteString(`<li class="nav-more"><a href="` + href + `" data-more="` + what + `">` + strconv.Itoa(n) + " " + what + `…</a></li>`)
}
