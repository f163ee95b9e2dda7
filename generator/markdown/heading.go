package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// HeadingAnchors is a goldmark extension that renders headings h2–h6 with a
// visible link to themselves after their text:
//
//	<h2 id="agenda">Agenda <a class="anchor" href="#agenda" aria-label="Link to this section: Agenda">#</a></h2>
//
// Level-1 headings get their id but no anchor. Heading attributes other than
// style (blocked by a strict CSP) are kept.
var HeadingAnchors goldmark.Extender = extender(func(m goldmark.Markdown) {
	addRenderer(m, headingRenderer{})
})

// headingAttributeFilter is goldmark's, without inline styles.
var headingAttributeFilter = util.NewBytesFilterString(`accesskey,autocapitalize,autofocus,class,contenteditable,dir,draggable,enterkeyhint,hidden,id,inert,inputmode,is,itemid,itemprop,itemref,itemscope,itemtype,lang,part,role,slot,spellcheck,tabindex,title,translate`) // nolint:lll

type headingRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, renderHeading)
}

func renderHeading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := byte('0' + n.Level)
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		if n.Attributes() != nil {
			html.RenderAttributes(w, n, headingAttributeFilter)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id := headingID(n); n.Level > 1 && id != "" {
		writeAnchor(w, id, plainText(n, src))
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(level)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// writeAnchor writes the self-link of a heading.
func writeAnchor(w util.BufWriter, id, title string) {
	_, _ = w.WriteString(` <a class="anchor" href="#`)
	_, _ = w.Write(util.EscapeHTML([]byte(id)))
	_, _ = w.WriteString(`" aria-label="Link to this section: `)
	_, _ = w.Write(util.EscapeHTML([]byte(title)))
	_, _ = w.WriteString(`">#</a>`)
}
