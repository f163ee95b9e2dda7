package markdown

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BlockAttributes is a goldmark extension for attribute lines, as Hugo's
// markup.goldmark.parser.attribute.block: a line holding only
// {.class #id key=value} gives those attributes to the block right before
// it (a heading, paragraph, list, table, blockquote or callout) and is never
// printed. goldmark's attribute syntax is used as it is. Without Unsafe,
// style and on… (event handler) attributes are dropped; with it, goldmark's
// renderers still write only the attributes their filters allow (never
// an event handler).
func BlockAttributes(unsafe bool) goldmark.Extender {
	return extender(func(m goldmark.Markdown) {
		m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(attributeLineParser{}, attributeLinePriority)))
		addTransformer(m, attributeTransformer{unsafe: unsafe}, attributesPriority)
	})
}

// kindAttributeLine is the ast.NodeKind of an attributeLine.
var kindAttributeLine = ast.NewNodeKind("AttributeLine")

// attributeLine is a parsed {…} line; attributeTransformer moves its
// attributes to the block before it and removes it.
type attributeLine struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *attributeLine) Kind() ast.NodeKind { return kindAttributeLine }

// Dump implements ast.Node.
func (n *attributeLine) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// attributeLineParser opens an attributeLine on a line that is exactly one
// goldmark attribute list. It may interrupt a paragraph, so that
// "text\n{.lead}" is a paragraph with a class, and it ends a blockquote
// or list whose last line it follows.
type attributeLineParser struct{}

// Trigger implements parser.BlockParser.
func (attributeLineParser) Trigger() []byte { return []byte{'{'} }

// attributeLinesKey is set in the parser context once an attribute line
// was found, so that pages without one skip the transformer's walk.
var attributeLinesKey = parser.NewContextKey()

// Open implements parser.BlockParser.
func (attributeLineParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) < 2 || trimmed[0] != '{' || trimmed[len(trimmed)-1] != '}' || trimmed[1] == '{' {
		return nil, parser.NoChildren
	}
	row, pos := reader.Position()
	attrs, ok := parser.ParseAttributes(reader)
	if !ok {
		return nil, parser.NoChildren
	}
	if rest, _ := reader.PeekLine(); len(bytes.TrimSpace(rest)) > 0 {
		reader.SetPosition(row, pos) // more text after the "}": not an attribute line
		return nil, parser.NoChildren
	}
	n := &attributeLine{}
	for _, a := range attrs {
		n.SetAttribute(a.Name, a.Value)
	}
	reader.AdvanceToEOL()
	pc.Set(attributeLinesKey, true)
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser: an attribute line is one line.
func (attributeLineParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.
func (attributeLineParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (attributeLineParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (attributeLineParser) CanAcceptIndentedLine() bool { return false }

// attributeTransformer gives the attributes of each attribute line to the
// block right before it and removes the line; a line after a blank line
// or at the start of a container is dropped.
type attributeTransformer struct{ unsafe bool }

// Transform implements parser.ASTTransformer.
func (t attributeTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if pc.Get(attributeLinesKey) == nil {
		return
	}
	var lines []ast.Node
	eachBlock(doc, func(n ast.Node) bool {
		if n.Kind() == kindAttributeLine {
			lines = append(lines, n)
		}
		return true
	})
	for _, l := range lines {
		if prev := l.PreviousSibling(); prev != nil && prev.Kind() != kindAttributeLine && !l.HasBlankPreviousLines() {
			t.apply(prev, l.Attributes())
		}
		l.Parent().RemoveChild(l.Parent(), l)
	}
}

// apply sets attrs on n: a class is added to the classes n has, other
// attributes replace n's.
func (t attributeTransformer) apply(n ast.Node, attrs []ast.Attribute) {
	for _, a := range attrs {
		if !t.unsafe && !safeAttribute(a.Name) {
			continue
		}
		v, ok := attributeText(a.Value)
		if !ok {
			continue
		}
		if bytes.Equal(a.Name, classAttr) {
			if old, ok := n.AttributeString("class"); ok {
				if o, ok := attributeText(old); ok && len(o) > 0 {
					v = append(append(append([]byte(nil), o...), ' '), v...)
				}
			}
		}
		n.SetAttribute(a.Name, v)
	}
}

// safeAttribute reports whether an attribute may be written without
// Unsafe: not an inline style (which a strict Content-Security-Policy
// blocks anyway) and not an event handler.
func safeAttribute(name []byte) bool {
	if bytes.EqualFold(name, []byte("style")) {
		return false
	}
	return len(name) < 2 || !bytes.EqualFold(name[:2], []byte("on"))
}

// attributeText returns an attribute value as text: goldmark parses
// quoted and bare words as bytes, numbers and booleans as Go values.
// Lists and objects have no text form.
func attributeText(v any) ([]byte, bool) {
	switch v := v.(type) {
	case []byte:
		return v, true
	case string:
		return []byte(v), true
	case float64:
		return strconv.AppendFloat(nil, v, 'f', -1, 64), true
	case int:
		return strconv.AppendInt(nil, int64(v), 10), true
	case bool:
		return strconv.AppendBool(nil, v), true
	}
	return nil, false
}
