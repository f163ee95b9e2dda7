package markdown

import (
	"bytes"
	"strconv"
)

// template runs a site-defined shortcode.
func (e *expander) template(p *piece, n *scNode, sc *Shortcode) {
	t := n.tag
	in := e.inner(n, sc)
	sc.inner = string(in.out)
	sc.pos = e.position(t.start)
	var out bytes.Buffer
	if err := e.templates.Execute(&out, t.name, sc); err != nil {
		e.problems = append(e.problems, scProblem{offset: t.start, err: true, msg: "shortcode " + strconv.Quote(t.name), cause: err})
		return
	}
	if !t.markdown {
		// Inline HTML: the template file's final newline is not part of it.
		p.gen(e.hole(bytes.TrimSuffix(out.Bytes(), []byte("\n"))), t.start)
		return
	}
	// Markdown output: where the template printed .Inner once, the inner
	// content keeps its positions.
	o := out.Bytes()
	if k := bytes.Index(o, in.out); len(in.out) > 0 && k >= 0 && bytes.Count(o, in.out) == 1 {
		e.markdownOutput(p, o[:k], t.start)
		p.splice(in)
		e.markdownOutput(p, o[k+len(in.out):], t.start)
		return
	}
	e.markdownOutput(p, o, t.start)
}

// markdownOutput appends the output of a {{% %}} template, which is
// Markdown. Its HTML is the site's own markup, as trusted as the theme
// (Hugo sites that use such shortcodes turn on unsafe HTML): each part of
// it that starts with a tag (a paragraph of its own, or the whole output
// when it is one line) goes in as a placeholder, the rest as Markdown.
func (e *expander) markdownOutput(p *piece, out []byte, at int) {
	if bytes.IndexByte(out, '<') < 0 {
		p.gen(out, at)
		return
	}
	trimmed := bytes.TrimSpace(out)
	if !bytes.Contains(trimmed, []byte("\n")) {
		if !startsWithTag(trimmed) {
			p.gen(out, at)
			return
		}
		lead := out[:bytes.Index(out, trimmed)]
		p.gen(lead, at)
		p.gen(e.hole(trimmed), at)
		p.gen(out[len(lead)+len(trimmed):], at)
		return
	}
	for _, chunk := range bytes.SplitAfter(out, []byte("\n\n")) {
		if c := bytes.TrimSpace(chunk); startsWithTag(c) {
			e.block(p, append(c, '\n'), at)
			continue
		}
		p.gen(chunk, at)
	}
}

// startsWithTag reports whether b starts with an HTML tag (not an
// autolink such as <https://…>).
func startsWithTag(b []byte) bool {
	if len(b) < 2 || b[0] != '<' {
		return false
	}
	c := b[1]
	if c != '/' && c != '!' && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	end := bytes.IndexByte(b, '>')
	return end > 0 && !bytes.Contains(b[:end], []byte(":/")) && !bytes.Contains(b[:end], []byte("@"))
}
