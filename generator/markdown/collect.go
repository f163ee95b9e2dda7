package markdown

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// collector walks a parsed document once, resolving link destinations and
// gathering headings, links and plain text.
type collector struct {
	src        []byte // what goldmark parsed: the page, shortcodes expanded
	orig       []byte // the page as written
	spans      []mapSpan
	x          *expansion // the page's shortcodes, nil when it has none
	lineOffset int
	lines      []int // byte offsets where lines of orig start, built on first use
	resolve    LinkResolver

	headings []Heading
	links    []linkAt
	sections []Section
	text     []byte // plain text of the current section
	code     []byte // text of the current section's code blocks
	words    int
	diagrams int
	tasks    CheckIDs // ids of task-list items, numbered by text
	nTasks   int

	ids     []string   // ids of elements written by Markdown, in document order
	raw     []ast.Node // HTMLBlock and RawHTML nodes, in document order
	anchors []string   // ids and names in raw HTML
	removed []removal  // elements safe mode removed from raw HTML
}

// linkAt is a Link with the byte offset used to sort links by position.
type linkAt struct {
	Link
	offset int
}

func newCollector(src []byte, lineOffset int, resolve LinkResolver) *collector {
	s := scratchBuffers.Get().(*scratch)
	return &collector{src: src, orig: src, lineOffset: lineOffset, resolve: resolve,
		sections: []Section{{}}, text: s.text[:0], code: s.code[:0]}
}

// scratch holds a collector's text buffers between pages.
type scratch struct{ text, code []byte }

// scratchBuffers saves allocating the text buffers (about the size of the
// page's source) for every page.
var scratchBuffers = sync.Pool{New: func() any { return new(scratch) }}

// release gives the collector's text buffers back for the next page; the
// collector must not be used after it. Nothing collected refers to them:
// section texts are copies.
func (c *collector) release() {
	scratchBuffers.Put(&scratch{text: c.text[:0], code: c.code[:0]})
	c.text, c.code = nil, nil
}

// collect walks doc.
func (c *collector) collect(doc ast.Node) {
	_ = ast.Walk(doc, c.visit)
	c.endSection()
}

// visit is the ast.Walker of the collector.
func (c *collector) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if n.Type() == ast.TypeBlock {
			c.space()
		}
		return ast.WalkContinue, nil
	}
	c.noteIDs(n)
	switch n := n.(type) {
	case *ast.Heading:
		c.heading(n)
		return ast.WalkSkipChildren, nil
	case *ast.Link, *ast.Image, *ast.AutoLink:
		c.inlineLink(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if isDiagram(n, c.src) {
			c.diagrams++
		}
		c.code = append(appendLines(c.code, n, c.src), ' ')
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		c.raw = append(c.raw, n)
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		c.raw = append(c.raw, n)
		return ast.WalkSkipChildren, nil
	case *east.TaskCheckBox:
		c.taskID(n)
	}
	if n.Type() == ast.TypeInline && !n.HasChildren() {
		c.text = appendInline(c.text, n, c.src)
	}
	return ast.WalkContinue, nil
}

// inlineLink records a link, image or autolink and rewrites its
// destination to the resolved URL.
func (c *collector) inlineLink(n ast.Node) {
	switch n := n.(type) {
	case *ast.Link:
		n.Destination = c.link(n.Destination, n.Pos(), false)
	case *ast.Image:
		n.Destination = c.link(n.Destination, n.Pos(), true)
	case *ast.AutoLink:
		url := autoLinkURL(n, c.src)
		c.addLink(Link{Dest: url, URL: url}, n.Pos())
	}
}

// headingLinks records and rewrites the links inside a heading (or
// inside one of its inline nodes), whose text is otherwise taken whole as
// its title, and notes its raw HTML.
func (c *collector) headingLinks(n ast.Node) {
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		switch child.(type) {
		case *ast.Text:
			continue // most headings are text only
		case *ast.Link, *ast.Image, *ast.AutoLink:
			c.inlineLink(child)
		case *ast.RawHTML:
			c.raw = append(c.raw, child)
		}
		if child.HasChildren() {
			c.headingLinks(child) // an image inside a link, a link inside emphasis
		}
	}
}

// space separates blocks in the plain text.
func (c *collector) space() {
	if len(c.text) > 0 && c.text[len(c.text)-1] != ' ' {
		c.text = append(c.text, ' ')
	}
}

// heading records a heading and starts a new section.
func (c *collector) heading(h *ast.Heading) {
	c.endSection()
	c.headingLinks(h)
	title := plainText(h, c.src)
	id := headingID(h)
	if id != "" {
		c.ids = append(c.ids, id)
	}
	c.headings = append(c.headings, Heading{Level: h.Level, ID: id, Text: title, Line: c.line(h.Pos())})
	c.sections = append(c.sections, Section{ID: id, Title: title, Level: h.Level})
	c.words += countWords([]byte(title))
}

// endSection stores the collected text in the current section.
func (c *collector) endSection() {
	sec := &c.sections[len(c.sections)-1]
	var words int
	sec.Text, words = collapseSpaceCount(c.text)
	c.words += words
	if len(c.code) > 0 {
		sec.Code, words = collapseSpaceCount(c.code)
		c.words += words
	}
	c.text, c.code = c.text[:0], c.code[:0]
}

// link records a destination and returns the one to emit.
func (c *collector) link(dest []byte, offset int, image bool) []byte {
	l := Link{Dest: string(dest), URL: string(dest), Image: image}
	if c.resolve != nil {
		if url, ok := c.resolve(l.Dest); ok {
			l.URL = url
			dest = []byte(url)
		}
	}
	c.addLink(l, offset)
	return dest
}

func (c *collector) addLink(l Link, offset int) {
	if c.spans != nil && offset >= 0 {
		offset = origOffset(c.spans, offset)
	}
	l.Line, l.Col = c.origPosition(offset)
	c.links = append(c.links, linkAt{Link: l, offset: offset})
}

// result assembles the Result from what was collected (without HTML).
func (c *collector) result() *Result {
	res := &Result{Headings: c.headings, WordCount: c.words, Diagrams: c.diagrams, Tasks: c.nTasks, Anchors: c.anchors, IDs: c.ids}
	for _, h := range c.headings {
		if h.Level == 2 || h.Level == 3 {
			res.TOC = append(res.TOC, h)
		}
	}
	sort.SliceStable(c.links, func(i, j int) bool { return c.links[i].offset < c.links[j].offset })
	for _, l := range c.links {
		res.Links = append(res.Links, l.Link)
	}
	res.Sections = c.sections
	if res.Sections[0].Text == "" {
		res.Sections = res.Sections[1:]
	}
	return res
}

// finish fills the fields that need the document itself.
func (c *collector) finish(res *Result, doc ast.Node) {
	if h := firstH1(doc); h != nil {
		res.H1, res.H1ID = plainText(h, c.src), headingID(h)
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if p, ok := n.(*ast.Paragraph); ok {
			text := plainText(p, c.src)
			if c.x != nil { // a paragraph that only holds a shortcode's HTML is no summary
				if text = c.x.stripHoles(text); text == "" {
					continue
				}
			}
			res.Summary = truncateWords(text, summaryLimit)
			break
		}
	}
}

// problems turns the shortcode expansion's problems, at offsets of the
// page as written, into diagnostics.
func (c *collector) problems(ps []scProblem) diag.List {
	var out diag.List
	for _, p := range ps {
		line, col := c.origPosition(p.offset)
		pos := diag.Pos{Line: line, Col: col}
		if p.err {
			out = append(out, diag.Errorf(pos, "%s: %w", p.msg, p.cause))
		} else {
			out = append(out, diag.Warnf(pos, "%s", p.msg))
		}
	}
	return out
}

// positioned turns warnings found at byte offsets into diagnostics.
func (c *collector) positioned(ws []offsetWarning) diag.List {
	var out diag.List
	for _, w := range ws {
		line, col := c.position(w.offset)
		out = append(out, diag.Warnf(diag.Pos{Line: line, Col: col}, "%s", w.msg))
	}
	return out
}

// line returns the file line of a byte offset of the body.
func (c *collector) line(offset int) int {
	line, _ := c.position(offset)
	return line
}

// position returns the file line and the 1-based byte column of a byte
// offset of the parsed body. A negative offset (unknown) gives 0, 0.
func (c *collector) position(offset int) (line, col int) {
	if c.spans != nil && offset >= 0 {
		offset = origOffset(c.spans, offset)
	}
	return c.origPosition(offset)
}

// origPosition is position for an offset of the body as written.
func (c *collector) origPosition(offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	if c.lines == nil {
		c.lines = lineStarts(c.orig)
	}
	i, found := slices.BinarySearch(c.lines, offset)
	if !found {
		i--
	}
	return c.lineOffset + i + 1, offset - c.lines[i] + 1
}

// lineStarts returns the byte offsets at which the lines of src start.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// appendLines appends the raw lines of a block (a code block) to buf.
func appendLines(buf []byte, n ast.Node, src []byte) []byte {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf = append(buf, seg.Value(src)...)
	}
	return append(buf, ' ')
}

// autoLinkURL returns the URL an autolink points to; e-mail addresses get
// their mailto: scheme so that they never look like relative paths.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	url := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	return url
}

// collapseSpaceCount returns text with runs of white space turned into one
// space and none at either end, and countWords(text), reading text once.
// It rewrites text in place.
func collapseSpaceCount(text []byte) (string, int) {
	// One pass writing over text: w never passes the byte being read.
	w, space := 0, true // as if a space came first: leading spaces go
	words, inWord := 0, uint8(0)
	for i := 0; i < len(text); {
		b := text[i]
		if b >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(text[i:])
			words, inWord = countRune(r, words, inWord)
			w += copy(text[w:], text[i:i+size])
			i += size
			space = false
			continue
		}
		wb := asciiWordByte[b]
		words += int(wb &^ inWord)
		inWord = wb
		i++
		if isSpaceByte[b] {
			if !space {
				text[w] = ' '
				w++
				space = true
			}
			continue
		}
		text[w] = b
		w++
		space = false
	}
	if space && w > 0 {
		w-- // a trailing space
	}
	return string(text[:w]), words
}

// isSpaceByte marks the ASCII white space collapseSpaceCount folds.
var isSpaceByte = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true, '\v': true}

// taskID gives a task-list item's check box the stable id of its item's
// text (see CheckIDs), which the renderer writes as data-check.
func (c *collector) taskID(n *east.TaskCheckBox) {
	c.nTasks++
	var text []byte
	if p := n.Parent(); p != nil {
		text = appendLines(nil, p, c.src)
	}
	text = bytes.TrimSpace(text)
	if len(text) >= 3 && text[0] == '[' && text[2] == ']' {
		text = text[3:]
	}
	n.SetAttributeString("data-check", []byte(c.tasks.Next("t", string(text))))
}
