package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Raw HTML (goldmark's HTMLBlock and RawHTML nodes) is processed after
// parsing, by the collector, which has the page's link resolver: links in
// it are resolved and recorded, and in safe mode each piece is sanitized
// and the pieces are balanced across the page (rawhtml_balance.go). The
// result replaces the node as a rawBlock or rawInline node, which is
// written as it is.

// rawBlock is processed raw HTML in place of an HTMLBlock, or the end tags
// that close what raw HTML left open in a block container.
type rawBlock struct {
	ast.BaseBlock
	html []byte
}

// rawInline is processed raw HTML in place of a RawHTML node, or the end
// tags that close what raw HTML left open in an inline container.
type rawInline struct {
	ast.BaseInline
	html []byte
}

var (
	kindRawBlock  = ast.NewNodeKind("PlaybookRawBlock")
	kindRawInline = ast.NewNodeKind("PlaybookRawInline")
)

// Kind implements ast.Node.
func (n *rawBlock) Kind() ast.NodeKind { return kindRawBlock }

// Dump implements ast.Node.
func (n *rawBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// IsRaw implements ast.Node: the content is not Markdown.
func (n *rawBlock) IsRaw() bool { return true }

// Kind implements ast.Node.
func (n *rawInline) Kind() ast.NodeKind { return kindRawInline }

// Dump implements ast.Node.
func (n *rawInline) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// newRawNode returns a node writing html, a block or an inline one. NUL
// bytes become U+FFFD, as goldmark writes raw HTML.
func newRawNode(html []byte, block bool) ast.Node {
	if bytes.IndexByte(html, 0) >= 0 {
		html = bytes.ReplaceAll(html, []byte{0}, []byte("\uFFFD"))
	}
	if block {
		return &rawBlock{html: html}
	}
	return &rawInline{html: html}
}

// ProcessedHTML is the goldmark extension that writes processed raw HTML
// (rawBlock and rawInline nodes).
var ProcessedHTML goldmark.Extender = extender(func(m goldmark.Markdown) {
	addRenderer(m, processedHTMLRenderer{})
})

type processedHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRendererFuncs.
func (processedHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindRawBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*rawBlock).html)
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindRawInline, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*rawInline).html)
		}
		return ast.WalkSkipChildren, nil
	})
}

// fragment is the source text of one raw HTML node, with what is needed to
// map its bytes back to offsets in the page's source.
type fragment struct {
	text  []byte
	parts []fragmentPart
	block bool
}

// fragmentPart says where a piece of a fragment's text comes from: text
// from byte at on is source from src on, after padding spaces that stand
// for a tab.
type fragmentPart struct {
	at, src, padding int
}

// fragmentOf returns the source text of an HTMLBlock or RawHTML node.
func fragmentOf(n ast.Node, src []byte) fragment {
	var f fragment
	add := func(seg text.Segment) {
		f.parts = append(f.parts, fragmentPart{at: len(f.text), src: seg.Start, padding: seg.Padding})
		f.text = append(f.text, seg.Value(src)...)
	}
	switch n := n.(type) {
	case *ast.HTMLBlock:
		f.block = true
		for i := 0; i < n.Lines().Len(); i++ {
			add(n.Lines().At(i))
		}
		if n.HasClosure() {
			add(n.ClosureLine)
		}
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			add(n.Segments.At(i))
		}
	}
	return f
}

// offset maps a byte of the fragment's text to its offset in the source.
func (f *fragment) offset(at int) int {
	if len(f.parts) == 0 {
		return -1
	}
	p := f.parts[0]
	for _, q := range f.parts[1:] {
		if q.at > at {
			break
		}
		p = q
	}
	return p.src + max(0, at-p.at-p.padding)
}

// safeRaw returns fragment f of container c sanitized with the policy
// and balanced; a lone tag without attributes takes the short way, from a
// table. Elements the policy removes are noted for a warning.
func (c *collector) safeRaw(b *balancer, f *fragment, container ast.Node) []byte {
	if name, tt, ok := simpleTag(f.text); ok {
		var buf [16]byte
		name = lowerASCII(buf[:0], name)
		if tag, known := sanitizedSimpleTag(name, tt); known {
			switch {
			case tag == nil:
				if tt != html.EndTagToken {
					c.noteRemoved(string(name), f.offset(0))
				}
				return nil
			case tt == html.EndTagToken:
				return b.close(nil, string(name), tag, container)
			default:
				return b.start(nil, string(name), tag, tt == html.SelfClosingTagToken, container, f.block)
			}
		}
	}
	out := c.rewriteRaw(f, false)
	return b.balance(htmlPolicy().SanitizeBytes(out), container, f.block, &c.anchors)
}

// removal counts the elements of one name that safe mode removed from a
// page, and where the first one was.
type removal struct {
	name          string
	count, offset int
}

// noteRemoved counts an element removed at offset.
func (c *collector) noteRemoved(name string, offset int) {
	for i := range c.removed {
		if c.removed[i].name == name {
			c.removed[i].count++
			return
		}
	}
	c.removed = append(c.removed, removal{name: name, count: 1, offset: offset})
}

// removalWarnings returns one warning per element name removed from the
// page, at its first use: what the author wrote is not shown, and never
// silently.
func (c *collector) removalWarnings() []offsetWarning {
	var ws []offsetWarning
	for _, r := range c.removed {
		times := ""
		if r.count > 1 {
			times = fmt.Sprintf(" (%d times)", r.count)
		}
		ws = append(ws, offsetWarning{offset: r.offset, msg: fmt.Sprintf(
			"raw HTML <%s> removed%s: not allowed in safe mode ([markup] unsafe = true keeps raw HTML as written)", r.name, times)})
	}
	return ws
}

// asBlock returns the sanitized HTML of a block ending in a newline, as a
// paragraph if only text is left, or nil if nothing is.
func asBlock(out []byte) []byte {
	text := bytes.TrimSpace(out)
	switch {
	case len(text) == 0:
		return nil
	case bytes.IndexByte(text, '<') < 0: // only text is left: a paragraph, as Markdown's text
		return append(append([]byte("<p>"), text...), "</p>\n"...)
	case out[len(out)-1] != '\n':
		return append(out, '\n')
	}
	return out
}

// processRaw resolves, records and (in safe mode) sanitizes and balances
// the raw HTML nodes the collector found, replacing each by its result.
func (c *collector) processRaw(unsafe bool) {
	if len(c.raw) == 0 {
		return
	}
	var b balancer
	for _, n := range c.raw {
		parent := n.Parent()
		if parent == nil { // not in the document any more
			continue
		}
		f := fragmentOf(n, c.src)
		if unsafe {
			if out := c.rewriteRaw(&f, true); !bytes.Equal(out, f.text) {
				parent.ReplaceChild(parent, n, newRawNode(out, f.block))
			}
			continue
		}
		b.enter(parent)
		out := c.safeRaw(&b, &f, parent)
		if f.block {
			if out = asBlock(out); out == nil {
				parent.RemoveChild(parent, n)
				continue
			}
		}
		parent.ReplaceChild(parent, n, newRawNode(out, f.block))
	}
	b.enter(nil)
}
