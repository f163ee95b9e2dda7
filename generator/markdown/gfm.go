package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TableAlignClasses is a goldmark extension that expresses table column
// alignment as a class on the cell (align-left, align-center, align-right)
// instead of an inline style, which a strict Content-Security-Policy blocks.
// The theme's stylesheet gives the classes their meaning.
var TableAlignClasses goldmark.Extender = extender(func(m goldmark.Markdown) {
	addTransformer(m, tableAlignTransformer{}, tableAlignPriority)
})

type tableAlignTransformer struct{}

var classAttr = []byte("class")

// Transform implements parser.ASTTransformer.
func (tableAlignTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	eachBlock(doc, func(n ast.Node) bool {
		cell, ok := n.(*east.TableCell)
		if !ok {
			return true
		}
		if cell.Alignment != east.AlignNone {
			cell.SetAttribute(classAttr, []byte("align-"+cell.Alignment.String()))
		}
		return false
	})
}

// TaskCheckBoxes is a goldmark extension that renders the check box of a
// task list item with an accessible name:
//
//	<input type="checkbox" disabled checked data-check="t1x2y3z" aria-label="Task">
//
// data-check is the item's stable id (see CheckIDs), for the theme's
// checklist script.
var TaskCheckBoxes goldmark.Extender = extender(func(m goldmark.Markdown) {
	addRenderer(m, taskCheckBoxRenderer{})
})

type taskCheckBoxRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (taskCheckBoxRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, renderTaskCheckBox)
}

func renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<input type="checkbox" disabled`)
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(` checked`)
	}
	if id, ok := node.AttributeString("data-check"); ok {
		_, _ = w.WriteString(` data-check="`)
		_, _ = w.Write(id.([]byte)) // letters, digits and '-' only
		_, _ = w.WriteString(`"`)
	}
	_, _ = w.WriteString(` aria-label="Task"> `)
	return ast.WalkContinue, nil
}
