package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Priorities of playbook's parts among goldmark's, where a lower number comes
// first: AST transformers run in ascending order (goldmark's footnote
// transformer uses 999), and for node renderers the lowest number wins a
// node kind (goldmark's HTML renderer uses 1000, its extensions 500).
const (
	overrideRendererPriority = 100 // replaces goldmark's renderer for a node kind
	attributesPriority       = 50  // before heading ids: an attribute line may set one
	headingIDsPriority       = 100 // runs after goldmark's own AST transformers
	calloutPriority          = 200
	tableAlignPriority       = 300
	attributeLinePriority    = 850 // block parsers: after blockquotes, before HTML blocks and paragraphs
)

// warningsKey holds a *[]offsetWarning in the parser context so that AST
// transformers can report problems.
var warningsKey = parser.NewContextKey()

// offsetWarning is a warning found during parsing, at a byte offset of the body.
type offsetWarning struct {
	offset int
	msg    string
}

// addWarning records a warning in pc, if pc collects them.
func addWarning(pc parser.Context, offset int, msg string) {
	if list, ok := pc.Get(warningsKey).(*[]offsetWarning); ok {
		*list = append(*list, offsetWarning{offset: offset, msg: msg})
	}
}

// newGoldmark assembles the goldmark pipeline for opts, with or without
// GFM's extended autolinks (bare URLs and e-mail addresses).
func newGoldmark(opts Options, autolinks bool) goldmark.Markdown {
	return newGoldmarkWith(newParser(), opts, autolinks)
}

// newGoldmarkWith is newGoldmark on the parser p.
func newGoldmarkWith(p parser.Parser, opts Options, autolinks bool) goldmark.Markdown {
	rendererOpts := []renderer.Option{html.WithWriter(plainTextWriter{html.NewWriter()})}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	exts := []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough,
		extension.TaskList,
		extension.Footnote,
		extension.DefinitionList,
		BlockAttributes(opts.Unsafe),
		Emoji,
		NewHeadingIDs(opts.IDStyle),
		HeadingAnchors,
		Callouts,
		CodeHighlighting,
		TableAlignClasses,
		TaskCheckBoxes,
		ProcessedHTML,
	}
	if autolinks {
		exts = append(exts, extension.Linkify)
	}
	return goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithRendererOptions(rendererOpts...),
	)
}

// newParser returns goldmark's default parser with its link reference
// definition transformer behind linkRefGate.
func newParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefGate{}, 100)), // goldmark's priority
	)
}

// linkRefGate runs goldmark's link reference definition transformer only on
// paragraphs that can start with a definition ("[label]: url"), which is
// what it looks for first. On the others it would build a reader and give
// up at the first byte; a page has dozens of paragraphs and rarely a
// definition.
type linkRefGate struct{}

// Transform implements parser.ParagraphTransformer.
func (linkRefGate) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() == 0 {
		return
	}
	seg := lines.At(0)
	first := bytes.TrimLeft(seg.Value(reader.Source()), " \t")
	if len(first) > 0 && first[0] != '[' {
		return
	}
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}

// eachBlock calls fn for the blocks below n, depth first, entering a
// block's children when fn returns true and they are blocks too: the
// inline content of paragraphs and headings, most of a document's nodes,
// is never visited.
func eachBlock(n ast.Node, fn func(ast.Node) bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeBlock {
			continue
		}
		if fn(c) {
			if first := c.FirstChild(); first != nil && first.Type() == ast.TypeBlock {
				eachBlock(c, fn)
			}
		}
	}
}

// extender adapts a function to goldmark.Extender.
type extender func(m goldmark.Markdown)

// Extend implements goldmark.Extender.
func (e extender) Extend(m goldmark.Markdown) { e(m) }

// addRenderer registers nr so that it replaces goldmark's default renderer
// for the node kinds it handles.
func addRenderer(m goldmark.Markdown, nr renderer.NodeRenderer) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nr, overrideRendererPriority)))
}

// addTransformer registers an AST transformer at the given priority.
func addTransformer(m goldmark.Markdown, t parser.ASTTransformer, priority int) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(t, priority)))
}
