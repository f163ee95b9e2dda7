package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// EscapedHTML is a goldmark extension for safe mode: raw HTML, block and
// inline, is escaped and so shown as the text the author wrote, instead of
// goldmark's "raw HTML omitted" comment. HTML comments are left out, as a
// browser would not show them either.
var EscapedHTML goldmark.Extender = extender(func(m goldmark.Markdown) {
	addRenderer(m, escapedHTMLRenderer{})
})

type escapedHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (escapedHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderEscapedHTMLBlock)
	reg.Register(ast.KindRawHTML, renderEscapedRawHTML)
}

func renderEscapedHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering || n.HTMLBlockType == ast.HTMLBlockType2 {
		return ast.WalkSkipChildren, nil
	}
	var text []byte
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		text = append(text, seg.Value(src)...)
	}
	if n.HasClosure() {
		text = append(text, n.ClosureLine.Value(src)...)
	}
	_, _ = w.WriteString("<p>")
	_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(text, " \t\r\n")))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

func renderEscapedRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var text []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		text = append(text, seg.Value(src)...)
	}
	if !bytes.HasPrefix(text, []byte("<!--")) {
		_, _ = w.Write(util.EscapeHTML(text))
	}
	return ast.WalkSkipChildren, nil
}
