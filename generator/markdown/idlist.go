package markdown

import (
	"bytes"
	"html"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// attributeBlocks are the kinds of block whose renderer writes their
// attributes, an id from a {#id} attribute line among them. Other blocks
// (code blocks, raw HTML) drop the attributes, so their id is no anchor.
var attributeBlocks = map[ast.NodeKind]bool{
	ast.KindParagraph: true, ast.KindBlockquote: true, ast.KindList: true, ast.KindListItem: true,
	ast.KindThematicBreak: true, east.KindTable: true, east.KindTableHeader: true, east.KindTableRow: true,
	east.KindTableCell: true, east.KindDefinitionList: true, east.KindDefinitionTerm: true,
	east.KindDefinitionDescription: true, KindCallout: true,
}

// noteIDs records the ids node n writes: a block's id attribute, the ids
// of a footnote and of a reference to one (goldmark's "fn:N", "fnref:N",
// "fnrefK:N"). Headings are recorded by heading.
func (c *collector) noteIDs(n ast.Node) {
	switch n := n.(type) {
	case *east.Footnote:
		c.ids = append(c.ids, "fn:"+strconv.Itoa(n.Index))
		return
	case *east.FootnoteLink:
		ref := ""
		if n.RefIndex > 0 {
			ref = strconv.Itoa(n.RefIndex)
		}
		c.ids = append(c.ids, "fnref"+ref+":"+strconv.Itoa(n.Index))
		return
	}
	if n.Attributes() == nil || !attributeBlocks[n.Kind()] {
		return
	}
	c.noteAttrID(n)
}

// noteAttrID records n's id attribute, if it has one.
func (c *collector) noteAttrID(n ast.Node) {
	v, ok := n.AttributeString("id")
	if !ok {
		return
	}
	if id, ok := attributeText(v); ok && len(id) > 0 {
		c.ids = append(c.ids, string(id))
	}
}

// holeIDs appends the ids written by shortcode templates: the HTML of each
// placeholder, which the site's own templates made.
func holeIDs(ids []string, holes [][]byte) []string {
	marker := []byte(` id="`)
	for _, h := range holes {
		for {
			i := bytes.Index(h, marker)
			if i < 0 {
				break
			}
			h = h[i+len(marker):]
			j := bytes.IndexByte(h, '"')
			if j < 0 {
				break
			}
			ids = append(ids, html.UnescapeString(string(h[:j])))
			h = h[j:]
		}
	}
	return ids
}
