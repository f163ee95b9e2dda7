package markdown

import (
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

// htmlPolicy is the allowlist raw HTML is sanitized with in safe mode,
// built once. It follows GitHub's: text formatting, details/summary,
// tables, lists, images and links stay; scripts, styles, event handlers,
// forms, frames, embedded objects, class and style attributes and URLs
// with other schemes than http, https and mailto (data: only for images)
// go. ids and names are kept as written, without a prefix, so that links
// to them work as on the original site. iframes never reach the policy:
// they are turned into links first (see embedLink).
var htmlPolicy = sync.OnceValue(newHTMLPolicy)

// Allowed elements, by what they are for.
var (
	textElements = []string{
		"b", "i", "strong", "em", "u", "s", "strike", "del", "ins", "mark", "small", "sup", "sub",
		"kbd", "code", "samp", "var", "tt", "q", "cite", "dfn", "abbr", "time", "bdo", "bdi",
		"ruby", "rt", "rp", "span", "br", "wbr",
	}
	blockElements = []string{
		"p", "div", "pre", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
		"details", "summary", "figure", "figcaption",
		"ul", "ol", "li", "dl", "dt", "dd",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col",
		"picture",
	}
)

var (
	// anyToken is an attribute value without white space (ids, names).
	anyToken = regexp.MustCompile(`^\S+$`)
	// anyText accepts any attribute value: the sanitizer escapes it.
	anyText = regexp.MustCompile(`^[\s\S]*$`)
	// safeSrcset is a srcset whose URLs are relative or http(s): each
	// candidate is a URL without any other scheme and an optional width
	// or density.
	safeSrcset = regexp.MustCompile(`^\s*(?:(?:https?:)?[^\s,:]+(?:\s+[0-9.]+[wx])?\s*(?:,\s*|$))+$`)
	// mediaQuery is the media attribute of picture's sources.
	mediaQuery = regexp.MustCompile(`^[a-zA-Z0-9 ():,.-]+$`)
)

// allowedElements is the set of elements the policy keeps (a and img
// with their URLs), for the warnings about removed ones.
var allowedElements = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{"a": true, "img": true, "source": true}
	for _, list := range [][]string{textElements, blockElements} {
		for _, name := range list {
			m[name] = true
		}
	}
	return m
})

// htmlElements are the names of HTML's elements, current and obsolete, and
// of the SVG and MathML roots: a tag with another name is no HTML (see
// appendAsText).
var htmlElements = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, name := range strings.Fields(`
		a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big
		blink blockquote body br button canvas caption center cite code col colgroup data datalist dd
		del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
		frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd
		keygen label legend li link listing main map mark marquee math menu menuitem meta meter nav
		nobr noembed noframes noscript object ol optgroup option output p param picture plaintext pre
		progress q rb rp rt rtc ruby s samp script search section select slot small source spacer span
		strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time
		title tr track tt u ul var video wbr xmp`) {
		m[name] = true
	}
	return m
})

func newHTMLPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(textElements...)
	p.AllowElements(blockElements...)

	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowDataURIImages() // data:image/… only, checked to be base64; applies to img src alone
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src").OnElements("img")
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")

	p.AllowAttrs("id").Matching(anyToken).Globally()
	p.AllowAttrs("name").Matching(anyToken).OnElements("a")
	p.AllowAttrs("title", "lang").Matching(anyText).Globally()
	p.AllowAttrs("dir").Matching(bluemonday.Direction).Globally()
	p.AllowAttrs("align").Matching(regexp.MustCompile(`(?i)^(left|right|center|justify|top|middle|bottom)$`)).Globally()
	p.AllowAttrs("alt").Matching(anyText).OnElements("img")
	p.AllowAttrs("width", "height").Matching(bluemonday.NumberOrPercent).OnElements("img", "table", "td", "th", "col", "colgroup", "source")
	p.AllowAttrs("srcset").Matching(safeSrcset).OnElements("img", "source")
	p.AllowAttrs("media").Matching(mediaQuery).OnElements("source")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^image/[a-z0-9.+-]+$`)).OnElements("source")
	p.AllowElements("source") // inside picture: srcset only, never src
	p.AllowAttrs("open").Matching(regexp.MustCompile(`^(|open)$`)).OnElements("details")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("reversed").Matching(regexp.MustCompile(`^(|reversed)$`)).OnElements("ol")
	p.AllowAttrs("type").Matching(bluemonday.ListType).OnElements("ol", "ul", "li")
	p.AllowAttrs("value").Matching(bluemonday.Integer).OnElements("li")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowAttrs("span").Matching(bluemonday.Integer).OnElements("col", "colgroup")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("valign").Matching(bluemonday.CellVerticalAlign).OnElements("td", "th", "tr")
	p.AllowAttrs("datetime").Matching(anyToken).OnElements("time", "del", "ins")
	return p
}
