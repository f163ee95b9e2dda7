package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Callouts is a goldmark extension for GitHub's alert syntax: a blockquote
// whose first line is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or
// [!CAUTION] (any case) becomes
//
//	<aside class="callout callout-note" role="note"><p class="callout-title">Note</p>…</aside>
//
// Other blockquotes are left alone; an unknown [!WORD] marker is reported as
// a warning.
var Callouts goldmark.Extender = extender(func(m goldmark.Markdown) {
	addTransformer(m, calloutTransformer{}, calloutPriority)
	addRenderer(m, calloutRenderer{})
})

// KindCallout is the ast.NodeKind of a Callout.
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a block that stands out from the text: a note, tip, warning….
type Callout struct {
	ast.BaseBlock
	// Variant is the lower-case marker: note, tip, important, warning, caution.
	Variant string
}

// Kind implements ast.Node.
func (n *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (n *Callout) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Variant": n.Variant}, nil)
}

// calloutTitles maps each callout type to the title shown above it.
var calloutTitles = map[string]string{
	"note":      "Note",
	"tip":       "Tip",
	"important": "Important",
	"warning":   "Warning",
	"caution":   "Caution",
}

type calloutTransformer struct{}

// calloutOpen starts every callout marker.
var calloutOpen = []byte("[!")

// Transform implements parser.ASTTransformer.
func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if !bytes.Contains(reader.Source(), calloutOpen) {
		return // no marker anywhere: no need to look for blockquotes
	}
	var quotes []*ast.Blockquote
	eachBlock(doc, func(n ast.Node) bool {
		if q, ok := n.(*ast.Blockquote); ok {
			quotes = append(quotes, q)
		}
		return true
	})
	for _, q := range quotes {
		toCallout(q, reader.Source(), pc)
	}
}

// toCallout replaces q by a Callout if it starts with a callout marker.
func toCallout(q *ast.Blockquote, src []byte, pc parser.Context) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	first := p.Lines().At(0)
	marker, ok := calloutMarker(first.Value(src))
	if !ok {
		return
	}
	if _, known := calloutTitles[marker]; !known {
		addWarning(pc, first.Start, "unknown callout type [!"+strings.ToUpper(marker)+"]; rendered as a blockquote")
		return
	}
	removeFirstLine(p, first)
	if !p.HasChildren() {
		q.RemoveChild(q, p)
	}
	c := &Callout{Variant: marker}
	c.SetPos(q.Pos())
	for child := q.FirstChild(); child != nil; child = q.FirstChild() {
		c.AppendChild(c, child)
	}
	q.Parent().ReplaceChild(q.Parent(), q, c)
}

// calloutMarker returns the lower-cased WORD of a line that is exactly
// [!WORD] apart from surrounding spaces.
func calloutMarker(line []byte) (string, bool) {
	line = bytes.TrimSpace(line)
	if len(line) < 4 || !bytes.HasPrefix(line, []byte("[!")) || line[len(line)-1] != ']' {
		return "", false
	}
	word := line[2 : len(line)-1]
	for _, b := range word {
		if !util.IsAlphaNumeric(b) {
			return "", false
		}
	}
	return strings.ToLower(string(word)), len(word) > 0
}

// removeFirstLine drops the inline nodes on the paragraph's first line
// (the marker) and the line itself.
func removeFirstLine(p *ast.Paragraph, first text.Segment) {
	for child := p.FirstChild(); child != nil && child.Pos() >= 0 && child.Pos() < first.Stop; child = p.FirstChild() {
		p.RemoveChild(p, child)
	}
	lines := p.Lines()
	rest := text.NewSegments()
	for i := 1; i < lines.Len(); i++ {
		rest.Append(lines.At(i))
	}
	p.SetLines(rest)
}

type calloutRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, renderCallout)
}

func renderCallout(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Callout)
	if !entering {
		_, _ = w.WriteString("</aside>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<aside class="callout callout-`)
	_, _ = w.WriteString(n.Variant)
	_, _ = w.WriteString(`" role="note">` + "\n" + `<p class="callout-title">`)
	_, _ = w.WriteString(calloutTitles[n.Variant])
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}
