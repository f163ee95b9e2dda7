package markdown

import (
	"bytes"
	"strconv"
)

// hole stores html as placeholder and returns the placeholder's word.
func (e *expander) hole(html []byte) []byte {
	e.holes = append(e.holes, html)
	return []byte(e.prefix + strconv.Itoa(len(e.holes)-1) + "E")
}

// block appends html as a block of its own: a placeholder alone in a
// paragraph, on lines carrying the prefix (indentation, "> ") of the
// tag's line so that lists and quotes go on around it.
func (e *expander) block(p *piece, html []byte, at int) {
	pre := linePrefix(e.src, at)
	var b []byte
	b = append(b, '\n')
	b = append(b, pre...)
	b = append(b, '\n')
	b = append(b, pre...)
	b = append(b, e.hole(html)...)
	b = append(b, '\n')
	b = append(b, pre...)
	b = append(b, '\n')
	b = append(b, pre...)
	p.gen(b, at)
}

// standalone appends the HTML of a shortcode without inner Markdown
// (figure, video, code): a block when the tag starts its line, else
// inline where it stands, so that a figure in a table cell or after
// text stays there.
func (e *expander) standalone(p *piece, html []byte, at int) {
	if e.startsLine(at) {
		e.block(p, html, at)
		return
	}
	p.gen(e.hole(bytes.TrimSuffix(html, []byte("\n"))), at)
}

// startsLine reports whether only a line prefix (indentation, "> ")
// comes before offset at on its line.
func (e *expander) startsLine(at int) bool {
	lineStart := at - len(linePrefix(e.src, at))
	return lineStart == 0 || e.src[lineStart-1] == '\n'
}

// wrap appends open, the node's inner Markdown and close, each of the
// two as a block.
func (e *expander) wrap(p *piece, n *scNode, sc *Shortcode, open, close string) {
	e.block(p, []byte(open), n.tag.start)
	e.emitInner(p, n, sc)
	at := n.tag.end
	if n.close != nil {
		at = n.close.start
	}
	e.block(p, []byte(close), at)
}

// linePrefix returns the run of spaces, tabs and '>' that starts the line
// holding offset at. A line start more than maxPrefixSearch bytes back
// is not looked for (no prefix), so that a long line of shortcodes costs
// linear time.
func linePrefix(src []byte, at int) []byte {
	from := max(0, at-maxPrefixSearch)
	nl := bytes.LastIndexByte(src[from:at], '\n')
	if nl < 0 && from > 0 {
		return nil
	}
	start := from + nl + 1
	end := start
	for end < at && (src[end] == ' ' || src[end] == '\t' || src[end] == '>') {
		end++
	}
	return src[start:end]
}

// maxPrefixSearch bounds linePrefix's search for the line start.
const maxPrefixSearch = 512
