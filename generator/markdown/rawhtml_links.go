package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// rewriteRaw returns the text of a raw HTML fragment with the URLs of its
// links and images resolved like Markdown links, each recorded in the
// page's links at the position of its tag. In safe mode an iframe becomes a
// link to the page it embeds (the site makes no requests to other sites);
// in unsafe mode the ids and names of the fragment are recorded as anchors
// (in safe mode the balancer records those that survive sanitizing), in
// safe mode the elements the policy will remove are noted and tags that
// are no HTML at all are turned into text. Tags without a changed URL are
// kept byte for byte.
func (c *collector) rewriteRaw(f *fragment, unsafe bool) []byte {
	if bytes.IndexByte(f.text, '<') < 0 {
		return f.text
	}
	z := html.NewTokenizer(bytes.NewReader(f.text))
	out := make([]byte, 0, len(f.text)+32)
	at, inFrame := 0, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return append(out, f.text[at:]...) // an unfinished tag: the sanitizer decides
		}
		raw := z.Raw()
		start, mark := at, len(out)
		at += len(raw)
		out = append(out, raw...) // copied before Token lowercases the buffer
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch {
			case unsafe:
				c.addAnchors(&tok)
			case !htmlElements()[tok.Data]:
				out = appendAsText(out, mark)
				continue
			case tok.Data == "iframe":
				out = c.embedLink(out[:mark], &tok, f.offset(start))
				inFrame = tt == html.StartTagToken
				continue
			case !allowedElements()[tok.Data]:
				c.noteRemoved(tok.Data, f.offset(start))
			}
			if c.rewriteURLs(&tok, f.offset(start)) {
				out = append(out[:mark], tok.String()...)
			}
		case html.EndTagToken:
			if inFrame { // the iframe's fallback text and end tag go with it
				out, inFrame = out[:mark], false
			} else if name, _ := z.TagName(); !unsafe && !htmlElements()[string(name)] {
				out = appendAsText(out, mark)
			}
		case html.TextToken:
			if inFrame {
				out = out[:mark]
			}
		}
	}
}

// appendAsText turns the tag written at out[mark:] into text. Safe mode
// does this for a tag whose name is no HTML name, such as the placeholder
// in "ssh <username>@host" or "<Run ID>": the author meant the text.
func appendAsText(out []byte, mark int) []byte {
	return append(out[:mark], html.EscapeString(string(out[mark:]))...)
}

// embedLink appends a visible link standing for an iframe to out and
// records it. An iframe without a source (srcdoc) leaves nothing but a
// warning.
func (c *collector) embedLink(out []byte, tok *html.Token, offset int) []byte {
	src := strings.TrimSpace(attr(tok, "src"))
	if src == "" {
		c.noteRemoved("iframe", offset)
		return out
	}
	url := string(c.link([]byte(src), offset, false))
	out = append(out, `<a href="`...)
	out = append(out, html.EscapeString(url)...)
	out = append(out, `">Embedded content: `...)
	out = append(out, html.EscapeString(url)...)
	return append(out, "</a>"...)
}

// rewriteURLs resolves the link and image URLs of a start tag and records
// them as links at offset. It reports whether a URL changed.
func (c *collector) rewriteURLs(tok *html.Token, offset int) bool {
	changed := false
	for i := range tok.Attr {
		a := &tok.Attr[i]
		if a.Namespace != "" {
			continue
		}
		var v string
		switch {
		case a.Key == "href" && tok.Data == "a", a.Key == "src" && tok.Data == "iframe": // iframes: unsafe mode
			v = c.rawLink(a.Val, offset, false)
		case a.Key == "src" && (tok.Data == "img" || tok.Data == "source"):
			v = c.rawLink(a.Val, offset, true)
		case a.Key == "srcset" && (tok.Data == "img" || tok.Data == "source"):
			v = c.rawSrcset(a.Val, offset)
		default:
			continue
		}
		if v != a.Val {
			a.Val, changed = v, true
		}
	}
	return changed
}

// rawLink resolves one URL of raw HTML and records it.
func (c *collector) rawLink(val string, offset int, image bool) string {
	dest := strings.TrimSpace(val)
	if dest == "" {
		return val
	}
	if url := string(c.link([]byte(dest), offset, image)); url != dest {
		return url
	}
	return val
}

// rawSrcset resolves every URL of a srcset ("a.png 1x, b.png 2x").
func (c *collector) rawSrcset(val string, offset int) string {
	cands := strings.Split(val, ",")
	changed := false
	for i, cand := range cands {
		fields := strings.Fields(cand)
		if len(fields) == 0 {
			continue
		}
		if url := c.rawLink(fields[0], offset, true); url != fields[0] {
			fields[0], changed = url, true
		}
		cands[i] = strings.Join(fields, " ")
	}
	if !changed {
		return val
	}
	return strings.Join(cands, ", ")
}

// addAnchors records the id of any element and the name of an a element
// as anchors, link targets on the page.
func (c *collector) addAnchors(tok *html.Token) {
	for _, a := range tok.Attr {
		if a.Namespace == "" && (a.Key == "id" || a.Key == "name" && tok.Data == "a") && a.Val != "" {
			c.anchors = append(c.anchors, a.Val)
		}
	}
}

// attr returns the value of a tag's attribute, or "".
func attr(tok *html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}
