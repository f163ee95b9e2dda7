package markdown

import (
	"bytes"
	"net/url"
	"strings"
)

// fillHoles replaces the placeholders of x in the rendered HTML of buf by
// their HTML; a placeholder alone in a paragraph replaces the paragraph.
// Placeholders inside a placeholder's HTML (shortcodes nested in a
// template's .Inner) are replaced too.
func fillHoles(buf *output, x *expansion) {
	if len(x.holes) == 0 {
		return
	}
	rendered := bytes.Clone(buf.Bytes())
	buf.Reset()
	x.fill(buf, rendered, 0)
}

// maxHoleDepth bounds the nesting of placeholders in placeholders.
const maxHoleDepth = 32

func (x *expansion) fill(buf *output, html []byte, depth int) {
	prefix := []byte(x.prefix)
	for {
		i := bytes.Index(html, prefix)
		if i < 0 {
			buf.Write(html)
			return
		}
		n, end, ok := x.holeAt(html, i+len(prefix))
		if !ok || depth >= maxHoleDepth {
			buf.Write(html[:i+len(prefix)])
			html = html[i+len(prefix):]
			continue
		}
		if inTag(html[:i]) { // an attribute: the text of the HTML only
			buf.Write(html[:i])
			buf.WriteString(attrText(x.holes[n]))
			html = html[end:]
			continue
		}
		start, alone := i, false
		if bytes.HasSuffix(html[:i], []byte("<p>")) && bytes.HasPrefix(html[end:], []byte("</p>")) {
			start, end, alone = i-3, end+4, true
			if end < len(html) && html[end] == '\n' {
				end++
			}
		}
		buf.Write(html[:start])
		hole := x.holes[n]
		x.fill(buf, hole, depth+1)
		if alone && !bytes.HasSuffix(hole, []byte("\n")) {
			buf.WriteByte('\n')
		}
		html = html[end:]
	}
}

// inTag reports whether the end of html is inside a tag (an attribute).
func inTag(html []byte) bool {
	for i := len(html) - 1; i >= 0; i-- {
		switch html[i] {
		case '>':
			return false
		case '<':
			return true
		}
	}
	return false
}

// attrText is the text of a piece of HTML without its tags, fit for an
// attribute value.
func attrText(h []byte) string {
	var b strings.Builder
	in := false
	for _, c := range h {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case in:
		case c == '"':
			b.WriteString("&#34;")
		case c == '\n':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}

// holeAt reads the number and the closing "E" of a placeholder whose
// prefix ends at i.
func (x *expansion) holeAt(html []byte, i int) (n, end int, ok bool) {
	j := i
	for j < len(html) && html[j] >= '0' && html[j] <= '9' && j-i < 9 {
		n = n*10 + int(html[j]-'0')
		j++
	}
	if j == i || j >= len(html) || html[j] != 'E' || n >= len(x.holes) {
		return 0, 0, false
	}
	return n, j + 1, true
}

// stripHoles removes placeholders from plain text (search text, summary,
// heading text).
func (x *expansion) stripHoles(s string) string {
	if !strings.Contains(s, x.prefix) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, x.prefix)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		_, end, ok := x.holeAt([]byte(s), i+len(x.prefix))
		if !ok {
			b.WriteString(x.prefix)
			s = s[i+len(x.prefix):]
			continue
		}
		s = s[end:]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// cleanResult removes placeholders from the plain-text parts of res.
func (x *expansion) cleanResult(res *Result) {
	if len(x.holes) == 0 {
		return
	}
	res.H1 = x.stripHoles(res.H1)
	res.Summary = x.stripHoles(res.Summary)
	for i := range res.Headings {
		res.Headings[i].Text = x.stripHoles(res.Headings[i].Text)
	}
	for i := range res.TOC {
		res.TOC[i].Text = x.stripHoles(res.TOC[i].Text)
	}
	for i := range res.Sections {
		s := &res.Sections[i]
		s.Title, s.Text, s.Code = x.stripHoles(s.Title), x.stripHoles(s.Text), x.stripHoles(s.Code)
	}
}

// safeHref returns u when it is a relative URL or uses http(s) or mailto,
// else "#": shortcode output is not sanitized, so it must not carry
// javascript: and the like.
func safeHref(u string) string {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return "#"
	}
	switch strings.ToLower(parsed.Scheme) {
	case "", "http", "https", "mailto":
		return u
	}
	return "#"
}
