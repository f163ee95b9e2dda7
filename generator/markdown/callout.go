package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
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

// calloutAliases maps the other alert types of Hugo themes (Docsy's
// Bootstrap colours) and Obsidian to the closest of GitHub's five.
var calloutAliases = map[string]string{
	"info": "note", "nb": "note", "abstract": "note", "summary": "note", "tldr": "note",
	"todo": "note", "example": "note", "quote": "note", "primary": "note", "secondary": "note",
	"hint": "tip", "success": "tip", "check": "tip", "done": "tip", "question": "tip", "help": "tip", "faq": "tip",
	"attention": "warning",
	"danger":    "caution", "error": "caution", "bug": "caution", "failure": "caution", "fail": "caution",
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

// toCallout replaces q by a Callout if it starts with a callout marker:
// on a line of its own, or followed by the first line of text
// ("> [!NOTE] Keep it short").
func toCallout(q *ast.Blockquote, src []byte, pc parser.Context) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	first := p.Lines().At(0)
	word, end, ok := calloutMarker(first.Value(src))
	if !ok {
		return
	}
	marker := strings.ToLower(word)
	if variant, ok := calloutAliases[marker]; ok {
		marker = variant
	}
	oneLine := first.Start+end < first.Stop
	if _, known := calloutTitles[marker]; !known {
		if !oneLine || isUpperWord(word) {
			addWarning(pc, first.Start, "unknown callout type [!"+strings.ToUpper(marker)+"]; rendered as a blockquote")
		}
		return
	}
	var title *CalloutTitle
	if oneLine {
		if !removeMarker(p, first, first.Start+end) {
			return
		}
		if p.Lines().Len() > 1 || p.NextSibling() != nil {
			title = takeTitle(p, first, src)
		}
	} else {
		removeFirstLine(p, first)
	}
	if !p.HasChildren() {
		q.RemoveChild(q, p)
	}
	c := &Callout{Variant: marker}
	if title != nil {
		c.AppendChild(c, title)
	}
	c.SetPos(q.Pos())
	for _, a := range q.Attributes() {
		c.SetAttribute(a.Name, a.Value)
	}
	for child := q.FirstChild(); child != nil; child = q.FirstChild() {
		c.AppendChild(c, child)
	}
	q.Parent().ReplaceChild(q.Parent(), q, c)
}

// calloutMarker returns the WORD of a line that starts with
// [!WORD] (after spaces) and the byte offset in line where the text after
// the marker and its spaces begins, len(line) when the marker is alone.
func calloutMarker(line []byte) (word string, end int, ok bool) {
	rest := bytes.TrimLeft(line, " \t")
	if !bytes.HasPrefix(rest, calloutOpen) {
		return "", 0, false
	}
	start := len(line) - len(rest)
	closing := bytes.IndexByte(rest, ']')
	if closing < 3 {
		return "", 0, false
	}
	name := rest[2:closing]
	for _, b := range name {
		if !util.IsAlphaNumeric(b) {
			return "", 0, false
		}
	}
	after := rest[closing+1:]
	text := bytes.TrimLeft(after, " \t\r\n")
	if len(text) > 0 && len(text) == len(after) {
		return "", 0, false // "[!NOTE]x": not a marker
	}
	end = start + closing + 1 + len(after) - len(text)
	if len(bytes.TrimSpace(text)) == 0 {
		end = len(line)
	}
	return string(name), end, true
}

// isUpperWord reports whether an ASCII word was written in capitals, as
// callout markers are: "[!FYI] text" is a mistyped marker, "[!x] text"
// more likely prose.
func isUpperWord(word string) bool {
	return len(word) > 1 && strings.ToUpper(word) == word
}

// removeMarker drops the inline nodes of the marker on the paragraph's
// first line, up to the byte offset end, where the text begins. It
// reports false, changing nothing, when the marker is not plain text.
func removeMarker(p *ast.Paragraph, first text.Segment, end int) bool {
	var drop []ast.Node
	var cut *ast.Text
	for child := p.FirstChild(); child != nil; child = child.NextSibling() {
		t, ok := child.(*ast.Text)
		if !ok {
			return false // the marker holds markup
		}
		if t.Segment.Stop <= end {
			drop = append(drop, t)
			continue
		}
		if t.Segment.Start < end {
			cut = t
		}
		break
	}
	for _, n := range drop {
		p.RemoveChild(p, n)
	}
	if cut != nil {
		cut.Segment = cut.Segment.WithStart(end)
	}
	lines := p.Lines()
	lines.Set(0, first.WithStart(end))
	return true
}

// calloutAttributeFilter lists the attributes an attribute line may give a
// callout besides its class (and data-…, which goldmark always allows).
var calloutAttributeFilter = util.NewBytesFilterString("dir,hidden,id,lang,title,translate")

// KindCalloutTitle is the ast.NodeKind of a CalloutTitle.
var KindCalloutTitle = ast.NewNodeKind("CalloutTitle")

// CalloutTitle is the title an author gave a callout: the text after the
// marker when more lines follow ("> [!WARNING] Before you start" over the
// body), as Hugo's alert render hooks and Obsidian read it. It replaces the
// type's name above the body.
type CalloutTitle struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *CalloutTitle) Kind() ast.NodeKind { return KindCalloutTitle }

// Dump implements ast.Node.
func (n *CalloutTitle) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// IsRaw implements ast.Node: a title holds inline nodes.
func (n *CalloutTitle) IsRaw() bool { return false }

// takeTitle moves the inline nodes of the paragraph's first line (the
// marker already removed) into a CalloutTitle, and drops that line.
func takeTitle(p *ast.Paragraph, first text.Segment, src []byte) *CalloutTitle {
	title := &CalloutTitle{}
	title.SetPos(p.Pos())
	for child := p.FirstChild(); child != nil && child.Pos() >= 0 && child.Pos() < first.Stop; child = p.FirstChild() {
		p.RemoveChild(p, child)
		title.AppendChild(title, child)
	}
	if t, ok := title.LastChild().(*ast.Text); ok {
		t.SetSoftLineBreak(false)
		t.Segment = t.Segment.TrimRightSpace(src)
	}
	removeFirstLine(p, first)
	return title
}

type calloutRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, renderCallout)
	reg.Register(KindCalloutTitle, renderCalloutTitle)
}

func renderCalloutTitle(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<p class="callout-title">`)
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

func renderCallout(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Callout)
	if !entering {
		_, _ = w.WriteString("</aside>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<aside class="callout callout-`)
	_, _ = w.WriteString(n.Variant)
	if class, ok := n.AttributeString("class"); ok {
		if v, ok := class.([]byte); ok && len(v) > 0 {
			_ = w.WriteByte(' ')
			_, _ = w.Write(util.EscapeHTML(v))
		}
	}
	_, _ = w.WriteString(`" role="note"`)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, calloutAttributeFilter)
	}
	_, _ = w.WriteString(">\n")
	if _, titled := n.FirstChild().(*CalloutTitle); !titled {
		_, _ = w.WriteString(`<p class="callout-title">`)
		_, _ = w.WriteString(calloutTitles[n.Variant])
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
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
