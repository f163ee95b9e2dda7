package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"

	"github.com/yuin/goldmark/parser"
)

// Shortcodes are expanded before goldmark parses the page, the way Hugo
// does it: a {{% %}} shortcode's output is Markdown and goes into the
// source; a {{< >}} shortcode's output is HTML and goes into the source as
// a placeholder word that is replaced in the rendered HTML (a placeholder
// alone in a paragraph replaces the paragraph). Built-in shortcodes whose
// inner content is Markdown (callouts, details) put placeholders for their
// opening and closing HTML around the inner content, which stays in the
// source where goldmark parses it with the rest of the page. A span map
// (shortcode_map.go) records where each byte of the expanded source came
// from, so that every position still points into the page's file.

// scProblem is a warning or error of the expansion at an original offset.
type scProblem struct {
	offset int
	msg    string
	err    bool
	cause  error // for errors: what went wrong
}

// expander expands a page's shortcodes.
type expander struct {
	src       []byte
	templates ShortcodeTemplates
	ctx       *PageContext
	page      *pageData
	resolve   LinkResolver
	lineOf    func(offset int) (int, int)

	prefix   string   // placeholder prefix: absent from the page
	holes    [][]byte // placeholder i's HTML
	problems []scProblem
	links    []linkAt // links made by shortcodes, at original offsets
	unknown  map[string]int
	firstAt  map[string]int
}

// expansion is the result of expanding a page.
type expansion struct {
	src      []byte
	spans    []mapSpan
	prefix   string
	holes    [][]byte
	problems []scProblem
	links    []linkAt
}

// expandShortcodes expands the tags of src, or returns nil when src has
// none.
func expandShortcodes(src []byte, templates ShortcodeTemplates, ctx *PageContext, resolve LinkResolver, lineOf func(int) (int, int)) *expansion {
	tags, warns := scanTags(src)
	if len(tags) == 0 && len(warns) == 0 {
		return nil
	}
	e := &expander{src: src, templates: templates, ctx: ctx, page: &pageData{ctx: ctx}, resolve: resolve,
		lineOf: lineOf, prefix: placeholderPrefix(src), unknown: map[string]int{}, firstAt: map[string]int{}}
	for _, w := range warns {
		e.problems = append(e.problems, scProblem{offset: w.offset, msg: w.msg})
	}
	roots, orphans := buildTree(tags)
	for _, o := range orphans {
		e.warn(o.start, "closing tag "+tagText(o)+" has no opening tag; removed")
	}
	var p piece
	e.emitRange(&p, 0, len(src), roots, nil)
	e.reportUnknown()
	sort.SliceStable(e.problems, func(i, j int) bool { return e.problems[i].offset < e.problems[j].offset })
	return &expansion{src: p.out, spans: p.spans, prefix: e.prefix, holes: e.holes, problems: e.problems, links: e.links}
}

// placeholdersKey holds the *expansion of the page in the parser context,
// so that heading ids leave placeholders out.
var placeholdersKey = parser.NewContextKey()

// withoutPlaceholders removes the page's placeholders from heading text.
func withoutPlaceholders(pc parser.Context, s string) string {
	if x, ok := pc.Get(placeholdersKey).(*expansion); ok && x != nil {
		return x.stripHoles(s)
	}
	return s
}

// placeholderPrefix returns a word that does not occur in src.
func placeholderPrefix(src []byte) string {
	p := "PBSHORTCODE"
	for bytes.Contains(src, []byte(p)) {
		p += "X"
	}
	return p
}

// emitRange appends src[from:to] with the nodes in it expanded.
func (e *expander) emitRange(p *piece, from, to int, nodes []*scNode, parent *Shortcode) {
	pos := from
	for i, n := range nodes {
		pos = e.emitNode(p, pos, n, parent, i)
	}
	p.copySrc(e.src, pos, to)
}

// emitInner appends the node's inner content, expanded.
func (e *expander) emitInner(p *piece, n *scNode, sc *Shortcode) {
	from, to := n.innerRange()
	e.emitRange(p, from, to, n.kids, sc)
}

// inner returns the node's inner content, expanded, as a piece of its own.
func (e *expander) inner(n *scNode, sc *Shortcode) piece {
	var q piece
	e.emitInner(&q, n, sc)
	return q
}

// emitNode appends the source from pos up to the node, then the node
// expanded, and returns the offset after it.
func (e *expander) emitNode(p *piece, pos int, n *scNode, parent *Shortcode, ordinal int) int {
	t := n.tag
	sc := &Shortcode{name: t.name, args: t.args, parent: parent, ordinal: ordinal, page: e.page}
	switch {
	case t.closing: // a closing tag without an opening one
		return e.drop(p, pos, n, sc)
	case t.literal != nil && t.litAt > 0:
		p.copySrc(e.src, pos, t.start)
		p.copySrc(e.src, t.litAt, t.litAt+len(t.literal))
		return n.end()
	case t.literal != nil:
		p.copySrc(e.src, pos, t.start)
		p.gen(t.literal, t.start)
		return n.end()
	}
	var b builtin
	switch {
	case t.liquid:
		b = liquidBuiltins[t.name]
		if b == nil {
			e.unknownUse("{% "+t.name+" %}", t.start)
			return e.drop(p, pos, n, sc)
		}
	case e.templates != nil && e.templates.Has(t.name):
		b = (*expander).template
	default:
		b = hugoBuiltins[t.name]
		if b == nil {
			e.unknownUse(t.name, t.start)
			return e.drop(p, pos, n, sc)
		}
	}
	p.copySrc(e.src, pos, t.start)
	b(e, p, n, sc)
	return n.end()
}

// drop appends the source from pos with the node's tags removed and its
// inner content kept. A tag alone on its line takes the line with it, so
// that no blank line splits the paragraph or HTML block around it.
func (e *expander) drop(p *piece, pos int, n *scNode, sc *Shortcode) int {
	start, next := e.tagLine(n.tag, pos)
	p.copySrc(e.src, pos, start)
	if n.close == nil {
		return next
	}
	cstart, cnext := e.tagLine(n.close, next)
	e.emitRange(p, next, cstart, n.kids, sc)
	return cnext
}

// tagLine returns the range a removed tag takes: its line, newline
// included, when nothing else is on it (and the line starts at floor or later),
// else the tag alone.
func (e *expander) tagLine(t *scTag, floor int) (int, int) {
	ls := floor + bytes.LastIndexByte(e.src[floor:t.start], '\n') + 1
	if ls == floor && floor > 0 && e.src[floor-1] != '\n' || len(bytes.Trim(e.src[ls:t.start], " \t")) > 0 {
		return t.start, t.end
	}
	le := bytes.IndexByte(e.src[t.end:], '\n')
	if le < 0 {
		le = len(e.src)
	} else {
		le += t.end
	}
	if len(bytes.Trim(e.src[t.end:le], " \t\r")) > 0 {
		return t.start, t.end
	}
	return ls, min(le+1, len(e.src))
}

// position returns "file:line:col" of an original offset.
func (e *expander) position(offset int) string {
	line, col := e.lineOf(offset)
	file := ""
	if e.ctx != nil {
		file = e.ctx.File
	}
	return file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// warn records a warning at an original offset.
func (e *expander) warn(offset int, msg string) {
	e.problems = append(e.problems, scProblem{offset: offset, msg: msg})
}

// unknownUse counts a use of a shortcode nobody defines.
func (e *expander) unknownUse(name string, offset int) {
	if _, ok := e.firstAt[name]; !ok {
		e.firstAt[name] = offset
	}
	e.unknown[name]++
}

// reportUnknown warns once per unknown shortcode, at its first use.
func (e *expander) reportUnknown() {
	for _, name := range sortedNames(e.unknown) {
		n := e.unknown[name]
		if name[0] == '{' {
			e.warn(e.firstAt[name], fmt.Sprintf("unknown GitBook tag %s (%s); tag removed, content kept", name, countMsg(n)))
			continue
		}
		e.warn(e.firstAt[name], fmt.Sprintf("unknown shortcode %q (%s); define layouts/shortcodes/%s.html", name, countMsg(n), name))
	}
}

// tagText shows a tag as written, for messages.
func tagText(t *scTag) string {
	switch {
	case t.liquid && t.closing:
		return "{% end" + t.name + " %}"
	case t.liquid:
		return "{% " + t.name + " %}"
	case t.closing && t.markdown:
		return "{{% /" + t.name + " %}}"
	case t.closing:
		return "{{< /" + t.name + " >}}"
	case t.markdown:
		return "{{% " + t.name + " %}}"
	}
	return "{{< " + t.name + " >}}"
}
