package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// balancer keeps the elements that sanitized raw HTML has opened and not
// yet closed, across the raw HTML pieces of a page. goldmark splits raw
// HTML into pieces with Markdown between them (a <details> block, a
// paragraph, a </details> block), so balancing is done for the page, with
// one rule that keeps the page's structure: an element opened by raw HTML
// in a Markdown container (the document, a list item, a paragraph) can
// only be closed by raw HTML in that same container, and is closed at the
// container's end if the author did not close it. An end tag that closes
// nothing open in its container is dropped. So raw HTML can never close or
// leave open an element of the page around it.
type balancer struct {
	open []openElement
}

// openElement is an element opened by raw HTML in a container.
type openElement struct {
	name      string
	container ast.Node
	block     bool // container holds blocks (else inlines)
}

// enter prepares for raw HTML in container c: the elements left open in
// containers that c is not part of have ended with their container, so
// their end tags are appended to it. A nil c closes everything (the end of
// the document).
func (b *balancer) enter(c ast.Node) {
	for len(b.open) > 0 {
		top := b.open[len(b.open)-1]
		if c != nil && within(c, top.container) {
			return
		}
		var closing []byte
		for len(b.open) > 0 && b.open[len(b.open)-1].container == top.container {
			closing = appendEndTag(closing, b.open[len(b.open)-1].name)
			b.open = b.open[:len(b.open)-1]
		}
		if top.block {
			closing = append(closing, '\n')
		}
		top.container.AppendChild(top.container, newRawNode(closing, top.block))
	}
}

// within reports whether n is c or below it.
func within(n, c ast.Node) bool {
	for ; n != nil; n = n.Parent() {
		if n == c {
			return true
		}
	}
	return false
}

// balance returns a sanitized fragment of container c with end tags that
// close nothing of c dropped and the implied end tags of HTML (a <li>
// ends the open <li>) written out; elements it opens are remembered. The
// ids and names of its elements are appended to anchors.
func (b *balancer) balance(frag []byte, c ast.Node, block bool, anchors *[]string) []byte {
	if bytes.IndexByte(frag, '<') < 0 {
		return frag
	}
	z := html.NewTokenizer(bytes.NewReader(frag))
	out := make([]byte, 0, len(frag)+16)
	var tag []byte
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tag = append(tag[:0], z.Raw()...) // copied before TagName lowercases the buffer
			name, more := z.TagName()
			tagAnchors(z, string(name), more, anchors)
			out = b.start(out, string(name), tag, tt == html.SelfClosingTagToken, c, block)
		case html.EndTagToken:
			tag = append(tag[:0], z.Raw()...)
			name, _ := z.TagName()
			out = b.close(out, string(name), tag, c)
		default:
			out = append(out, z.Raw()...)
		}
	}
}

// start writes the start tag of element name (its sanitized text tag)
// after the end tags it implies, and remembers the element as open in
// container c unless it is void. <br/> is written <br>, and <b/> (which
// opens a b in HTML) <b></b>.
func (b *balancer) start(out []byte, name string, tag []byte, selfClosing bool, c ast.Node, block bool) []byte {
	out = b.closeImplied(out, name, c)
	mark := len(out)
	out = tidyTag(append(out, tag...), mark)
	if selfClosing {
		if end := len(out) - 2; end > mark && out[end] == '/' {
			out = append(out[:end], '>')
		}
	}
	switch {
	case voidElements[name]:
	case selfClosing:
		out = appendEndTag(out, name)
	default:
		b.open = append(b.open, openElement{name: name, container: c, block: block})
	}
	return out
}

// close writes the end tag raw of element name if it is open in container
// c, after the end tags of the elements opened inside it; else it drops it.
func (b *balancer) close(out []byte, name string, raw []byte, c ast.Node) []byte {
	for i := len(b.open) - 1; i >= 0 && b.open[i].container == c; i-- {
		if b.open[i].name != name {
			continue
		}
		for j := len(b.open) - 1; j > i; j-- {
			out = appendEndTag(out, b.open[j].name)
		}
		b.open = b.open[:i]
		return append(out, raw...)
	}
	return out
}

// closeImplied writes the end tags HTML implies before a start tag of
// element name: a <li> ends an open <li>, a <tr> an open cell and row, a
// block element an open <p>.
func (b *balancer) closeImplied(out []byte, name string, c ast.Node) []byte {
	for len(b.open) > 0 {
		top := b.open[len(b.open)-1]
		if top.container != c || !impliesEnd(name, top.name) {
			break
		}
		out = appendEndTag(out, top.name)
		b.open = b.open[:len(b.open)-1]
	}
	return out
}

// impliesEnd reports whether a start tag of element start ends an open
// element open (HTML's optional end tags).
func impliesEnd(start, open string) bool {
	switch open {
	case "li":
		return start == "li"
	case "dt", "dd":
		return start == "dt" || start == "dd"
	case "td", "th":
		return start == "td" || start == "th" || start == "tr"
	case "tr":
		return start == "tr"
	case "summary":
		return false
	case "p":
		return closesP[start]
	}
	return false
}

// closesP lists the allowed elements whose start tag ends an open <p>.
var closesP = map[string]bool{
	"blockquote": true, "details": true, "div": true, "dl": true, "figure": true, "figcaption": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
	"ol": true, "p": true, "pre": true, "table": true, "ul": true, "summary": true,
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// tagAnchors appends the id of the current start tag, and its name if it
// is an a element, to anchors.
func tagAnchors(z *html.Tokenizer, name string, more bool, anchors *[]string) {
	for more {
		var key, val []byte
		key, val, more = z.TagAttr()
		if len(val) > 0 && (string(key) == "id" || string(key) == "name" && name == "a") {
			*anchors = append(*anchors, string(val))
		}
	}
}

// tidyTag writes the boolean attributes of the tag that starts at mark
// without the empty value the sanitizer gives them (open="" as open).
func tidyTag(out []byte, mark int) []byte {
	for _, a := range booleanAttrs {
		if i := bytes.Index(out[mark:], a); i >= 0 {
			i += mark + len(a) - len(`=""`)
			out = append(out[:i], out[i+len(`=""`):]...)
		}
	}
	return out
}

// booleanAttrs are the allowed boolean attributes as the sanitizer writes them.
var booleanAttrs = [][]byte{[]byte(` open=""`), []byte(` reversed=""`)}

// appendEndTag appends </name>.
func appendEndTag(out []byte, name string) []byte {
	out = append(out, "</"...)
	out = append(out, name...)
	return append(out, '>')
}
