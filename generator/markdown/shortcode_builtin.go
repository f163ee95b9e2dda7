package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strings"
)

// builtin expands one built-in shortcode into p.
type builtin func(e *expander, p *piece, n *scNode, sc *Shortcode)

// hugoBuiltins are the shortcodes playbook knows without a template:
// Hugo's own and the callouts common themes define. A site's
// layouts/shortcodes/NAME.html replaces any of them.
var hugoBuiltins map[string]builtin

// liquidBuiltins are the GitBook tags playbook knows.
var liquidBuiltins map[string]builtin

func init() {
	hugoBuiltins = map[string]builtin{
		"ref":       refShortcode,
		"relref":    refShortcode,
		"param":     paramShortcode,
		"figure":    figureShortcode,
		"highlight": highlightShortcode,
		"details":   detailsShortcode,
		"youtube":   videoShortcode("YouTube", "https://www.youtube.com/watch?v="),
		"vimeo":     videoShortcode("Vimeo", "https://vimeo.com/"),
		"alert":     alertShortcode,
	}
	for name, kind := range themeCallouts {
		hugoBuiltins[name] = calloutShortcode(kind)
	}
	liquidBuiltins = map[string]builtin{
		"hint":  hintTag,
		"embed": embedTag,
		"tabs":  tabsTag,
		"tab":   tabTag,
	}
}

// themeCallouts maps the callout shortcodes of common themes to the kinds
// of callout.go.
var themeCallouts = map[string]string{
	"note": "note", "info": "note", "tip": "tip", "hint": "tip", "important": "important",
	"warning": "warning", "caution": "caution", "danger": "caution",
}

// colorCallouts maps Docsy's alert colors and GitBook's hint styles to
// callout kinds; anything else is a note.
var colorCallouts = map[string]string{
	"warning": "warning", "danger": "caution", "error": "caution", "info": "note",
	"primary": "note", "success": "tip", "tip": "tip", "note": "note", "caution": "caution",
}

// calloutOpenHTML is the opening markup of a callout (as renderCallout
// writes it) with the given title, or the kind's own title.
func calloutOpenHTML(kind, title string) string {
	if title == "" {
		title = calloutTitles[kind]
	} else {
		title = html.EscapeString(title)
	}
	return `<aside class="callout callout-` + kind + `" role="note">` + "\n" + `<p class="callout-title">` + title + "</p>\n"
}

const calloutCloseHTML = "</aside>\n"

func calloutShortcode(kind string) builtin {
	return func(e *expander, p *piece, n *scNode, sc *Shortcode) {
		e.wrap(p, n, sc, calloutOpenHTML(kind, n.tag.arg("title", -1)), calloutCloseHTML)
	}
}

func alertShortcode(e *expander, p *piece, n *scNode, sc *Shortcode) {
	kind := colorCallouts[strings.ToLower(n.tag.arg("color", -1))]
	if kind == "" {
		kind = "note"
	}
	e.wrap(p, n, sc, calloutOpenHTML(kind, n.tag.arg("title", -1)), calloutCloseHTML)
}

func hintTag(e *expander, p *piece, n *scNode, sc *Shortcode) {
	kind := colorCallouts[strings.ToLower(n.tag.arg("style", -1))]
	if kind == "" {
		kind = "note"
	}
	e.wrap(p, n, sc, calloutOpenHTML(kind, ""), calloutCloseHTML)
}

func tabsTag(e *expander, p *piece, n *scNode, sc *Shortcode) {
	e.wrap(p, n, sc, `<div class="tabs">`+"\n", "</div>\n")
}

func tabTag(e *expander, p *piece, n *scNode, sc *Shortcode) {
	title := html.EscapeString(n.tag.arg("title", 0))
	e.wrap(p, n, sc, `<section class="tab">`+"\n"+`<p class="tab-title"><strong>`+title+"</strong></p>\n", "</section>\n")
}

func detailsShortcode(e *expander, p *piece, n *scNode, sc *Shortcode) {
	t := n.tag
	summary := t.arg("summary", -1)
	if summary == "" {
		summary = "Details"
	}
	var b strings.Builder
	b.WriteString("<details")
	writeAttr(&b, "class", t.arg("class", -1))
	writeAttr(&b, "name", t.arg("name", -1))
	writeAttr(&b, "title", t.arg("title", -1))
	if open := t.arg("open", -1); open == "true" || open == "open" {
		b.WriteString(" open")
	}
	b.WriteString("><summary>" + html.EscapeString(summary) + "</summary>\n")
	e.wrap(p, n, sc, b.String(), "</details>\n")
}

// writeAttr writes ` name="value"` when value is set.
func writeAttr(b *strings.Builder, name, value string) {
	if value != "" {
		b.WriteString(" " + name + `="` + html.EscapeString(value) + `"`)
	}
}

// refShortcode resolves a page reference like a Markdown link. In a
// link's destination ("[x]({{< ref "a.md" >}})") it leaves the path for
// the link to resolve and check; elsewhere it prints the URL and the
// reference is checked as a link of its own.
func refShortcode(e *expander, p *piece, n *scNode, _ *Shortcode) {
	t := n.tag
	dest := t.arg("path", 0)
	if dest == "" {
		e.warn(t.start, "shortcode "+tagText(t)+" has no path")
		return
	}
	dest = e.refDest(dest)
	if bytes.HasSuffix(e.src[:t.start], []byte("](")) {
		if strings.ContainsAny(dest, " ()") {
			dest = "<" + dest + ">"
		}
		p.gen([]byte(dest), t.start)
		return
	}
	p.gen([]byte(e.link(dest, false, t.start)), t.start)
}

// refDest is dest, or "/"+dest when only that resolves: Hugo looks a
// reference up beside the page first, then from the content root.
func (e *expander) refDest(dest string) string {
	if e.resolve == nil || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return dest
	}
	if _, ok := e.resolve(dest); ok {
		return dest
	}
	if _, ok := e.resolve("/" + dest); ok {
		return "/" + dest
	}
	return dest
}

// link resolves a destination a shortcode emits and records it so that
// it is checked like a Markdown link at the shortcode's position.
func (e *expander) link(dest string, image bool, at int) string {
	l := Link{Dest: dest, URL: dest, Image: image}
	if e.resolve != nil {
		if url, ok := e.resolve(dest); ok {
			l.URL = url
		}
	}
	l.Line, l.Col = e.lineOf(at)
	e.links = append(e.links, linkAt{Link: l, offset: at})
	return l.URL
}

func paramShortcode(e *expander, p *piece, n *scNode, _ *Shortcode) {
	t := n.tag
	key := t.arg("name", 0)
	var v any
	ok := false
	if e.ctx != nil && e.ctx.Param != nil && key != "" {
		v, ok = e.ctx.Param(key)
	}
	if !ok {
		e.warn(t.start, fmt.Sprintf("shortcode param: %q is neither a page nor a site parameter", key))
		return
	}
	p.gen([]byte(fmt.Sprint(v)), t.start)
}

func figureShortcode(e *expander, p *piece, n *scNode, _ *Shortcode) {
	t := n.tag
	var b strings.Builder
	b.WriteString("<figure")
	writeAttr(&b, "class", t.arg("class", -1))
	b.WriteString(">")
	link := t.arg("link", -1)
	if link != "" {
		b.WriteString(`<a href="` + html.EscapeString(safeHref(e.link(link, false, t.start))) + `">`)
	}
	caption, title := t.arg("caption", -1), t.arg("title", -1)
	alt := t.arg("alt", -1)
	if alt == "" {
		alt = caption
	}
	src := t.arg("src", 0)
	b.WriteString(`<img src="` + html.EscapeString(safeHref(e.link(src, true, t.start))) + `" alt="` + html.EscapeString(alt) + `"`)
	writeAttr(&b, "width", t.arg("width", -1))
	writeAttr(&b, "height", t.arg("height", -1))
	b.WriteString(">")
	if link != "" {
		b.WriteString("</a>")
	}
	if caption != "" || title != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			b.WriteString("<h4>" + html.EscapeString(title) + "</h4>")
		}
		if caption != "" {
			b.WriteString("<p>" + html.EscapeString(caption) + "</p>")
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>\n")
	e.standalone(p, []byte(b.String()), t.start)
}

// highlightShortcode renders its inner content as a fenced code block in
// the language of its first argument would be; options are ignored.
func highlightShortcode(e *expander, p *piece, n *scNode, sc *Shortcode) {
	lang := []byte(n.tag.arg("lang", 0))
	code := bytes.TrimLeft(e.inner(n, sc).out, "\r\n")
	code = append(bytes.TrimRight(code, " \t\r\n"), '\n')
	var buf bytes.Buffer
	w := output{&buf}
	if lx := lookupLexer(string(lang)); lx != nil {
		if h, ok := cachedHighlight(lx, code); ok {
			writeHighlighted(w, lang, lx.name, h)
			e.standalone(p, buf.Bytes(), n.tag.start)
			return
		}
	}
	writePlainCode(w, lang, code)
	e.standalone(p, buf.Bytes(), n.tag.start)
}

// videoShortcode makes a link card to a video instead of an embedded
// player: the site makes no requests to other sites.
func videoShortcode(site, base string) builtin {
	return func(e *expander, p *piece, n *scNode, _ *Shortcode) {
		id := n.tag.arg("id", 0)
		title := n.tag.arg("title", -1)
		if title == "" {
			title = site + " video " + id
		}
		e.linkCard(p, base+id, title, site+" video", n.tag.start)
	}
}

func embedTag(e *expander, p *piece, n *scNode, sc *Shortcode) {
	url := n.tag.arg("url", 0)
	title := n.tag.arg("caption", -1)
	if title == "" {
		title = url
	}
	e.linkCard(p, url, title, "Embedded page", n.tag.start)
	e.emitInner(p, n, sc)
}

// linkCard appends a link to embedded content from another site: a
// paragraph of its own, or a span where the tag stands in a line.
func (e *expander) linkCard(p *piece, url, title, label string, at int) {
	body := `<span class="embed-label">` + html.EscapeString(label) + `:</span> <a href="` +
		html.EscapeString(safeHref(url)) + `">` + html.EscapeString(title) + "</a>"
	if e.startsLine(at) {
		e.block(p, []byte(`<p class="embed-card">`+body+"</p>\n"), at)
		return
	}
	p.gen(e.hole([]byte(`<span class="embed-card">`+body+"</span>")), at)
}
