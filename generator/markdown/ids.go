package markdown

import (
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// HeadingIDs is a goldmark extension that gives every heading a unique id
// by GitHub's rule: see NewHeadingIDs.
var HeadingIDs = NewHeadingIDs(IDStyleGitHub)

// NewHeadingIDs returns a goldmark extension that gives every heading a
// unique id: an explicit {#id} attribute is kept, other headings get the
// style's slug of their text ("Joint meetings" → "joint-meetings", then
// "joint-meetings-1"). Explicit ids are reserved first, so an automatic id
// never takes one.
func NewHeadingIDs(style IDStyle) goldmark.Extender {
	return extender(func(m goldmark.Markdown) {
		addTransformer(m, headingIDTransformer{style}, headingIDsPriority)
	})
}

type headingIDTransformer struct{ style IDStyle }

// Transform implements parser.ASTTransformer.
func (t headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var headings []*ast.Heading
	eachBlock(doc, func(n ast.Node) bool {
		if h, ok := n.(*ast.Heading); ok {
			headings = append(headings, h)
		}
		return true
	})
	ids := newIDSet()
	for _, h := range headings {
		if id, ok := explicitID(h); ok && !ids.reserve(id) {
			addWarning(pc, h.Pos(), "duplicate heading id "+strconv.Quote(id))
		}
	}
	for _, h := range headings {
		if _, ok := explicitID(h); !ok {
			slug := ids.unique(t.style.Slug(withoutPlaceholders(pc, slugText(h, src))))
			h.SetAttribute(idAttr, []byte(slug))
		}
	}
}

var idAttr = []byte("id")

// explicitID returns the id a heading was given with an attribute.
func explicitID(h *ast.Heading) (string, bool) {
	v, ok := h.Attribute(idAttr)
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case []byte:
		return string(v), true
	case string:
		return v, true
	}
	return "", false
}

// headingID returns the id the HeadingIDs extension set on h.
func headingID(h *ast.Heading) string {
	id, _ := explicitID(h)
	return id
}

// idSet hands out ids that are unique on one page.
type idSet struct {
	used map[string]bool
	next map[string]int // next suffix to try for a slug
}

func newIDSet() *idSet {
	return &idSet{used: map[string]bool{}, next: map[string]int{}}
}

// reserve marks id as used and reports whether it was free.
func (s *idSet) reserve(id string) bool {
	if s.used[id] {
		return false
	}
	s.used[id] = true
	return true
}

// unique returns slug, or slug-1, slug-2… whichever is free first, and
// reserves it.
func (s *idSet) unique(slug string) string {
	if s.reserve(slug) {
		return slug
	}
	for i := max(s.next[slug], 1); ; i++ {
		candidate := slug + "-" + strconv.Itoa(i)
		if s.reserve(candidate) {
			s.next[slug] = i + 1
			return candidate
		}
	}
}
