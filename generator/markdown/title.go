package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// titleMarkup holds the bytes without which a title has no inline
// Markdown: emphasis, code, strikethrough, escapes, links and images,
// raw HTML, character references and emoji shortcodes.
const titleMarkup = "*_`~\\[<&:"

// Title reads a page title written with inline Markdown ("The *MQL*
// trap", "**Total Rewards**", ":rocket: Launch"). plain is the title as
// plain text, for <title>, lists, breadcrumbs, the feed and search; html
// is the title as inline HTML for the page's own heading, "" when the
// title has no markup (its text, escaped, is the same). Links in a title
// keep only their text (a heading is a link target, not a link), images
// their alt text, and raw HTML is shown as text.
func Title(src string) (plain, html string) {
	if !strings.ContainsAny(src, titleMarkup) {
		return src, ""
	}
	source := []byte(lineBreaks.Replace(src)) // one line: no hard breaks in a heading
	doc := titleMarkdown.Parser().Parse(text.NewReader(source))
	p := doc.FirstChild()
	if p == nil {
		return src, ""
	}
	plain = string(bytes.TrimSpace(appendTitleText(nil, p, source)))
	var buf bytes.Buffer
	if err := titleMarkdown.Renderer().Render(&buf, source, doc); err != nil {
		return plain, ""
	}
	out := bytes.TrimSpace(buf.Bytes())
	out = bytes.TrimSuffix(bytes.TrimPrefix(out, []byte("<p>")), []byte("</p>"))
	if bytes.Equal(out, util.EscapeHTML([]byte(plain))) {
		return plain, ""
	}
	return plain, string(out)
}

// lineBreaks joins the lines of a title written over several.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// titleMarkdown parses a title as one paragraph of inline Markdown: with
// no block parsers but the paragraph's, "1. Intro" or "# x" stay text.
var titleMarkdown = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
	)),
	goldmark.WithExtensions(extension.Strikethrough, Emoji, extender(func(m goldmark.Markdown) {
		addRenderer(m, titleRenderer{})
	})),
)

// appendTitleText appends the plain text of a title's inline nodes: as
// appendInlineText, with raw HTML kept as the text it was written as.
func appendTitleText(buf []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch {
		case c.Kind() == ast.KindRawHTML:
			buf = appendSegments(buf, c.(*ast.RawHTML).Segments, src)
		case c.HasChildren():
			buf = appendTitleText(buf, c, src)
		default:
			buf = appendInline(buf, c, src)
		}
	}
	return buf
}

// appendSegments appends the source bytes of segs.
func appendSegments(buf []byte, segs *text.Segments, src []byte) []byte {
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		buf = append(buf, seg.Value(src)...)
	}
	return buf
}

// titleRenderer draws the nodes a heading may not hold as text: links
// and images as their text, autolinks as their label, raw HTML escaped.
type titleRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (titleRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, renderChildrenOnly)
	reg.Register(ast.KindImage, renderChildrenOnly)
	reg.Register(ast.KindAutoLink, renderTitleAutoLink)
	reg.Register(ast.KindRawHTML, renderTitleRawHTML)
}

func renderChildrenOnly(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}

func renderTitleAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(util.EscapeHTML(node.(*ast.AutoLink).Label(src)))
	}
	return ast.WalkSkipChildren, nil
}

func renderTitleRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(util.EscapeHTML(appendSegments(nil, node.(*ast.RawHTML).Segments, src)))
	}
	return ast.WalkSkipChildren, nil
}
