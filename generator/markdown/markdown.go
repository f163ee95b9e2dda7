// Package markdown turns the Markdown body of a page into HTML and into the
// records the rest of the build needs: headings (with their anchors), a table
// of contents, every link with its position in the source file, plain text
// split into sections for the search index, a summary and a word count.
//
// It is built on goldmark with GitHub Flavored Markdown, footnotes, definition
// lists, heading attributes, GitHub-style callouts and chroma syntax
// highlighting (CSS classes only, see HighlightCSS).
//
// A Renderer is safe for concurrent use: create it once and share it between
// goroutines. Rendering is built for large sites: code is lexed by a loop
// that gives chroma's tokens much faster (fastlex.go), and highlighted
// blocks are cached by content for rebuilds. A page of about 1000 words with
// six code blocks takes well under a millisecond of CPU.
package markdown

import (
	"bytes"
	"fmt"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Options configure a Renderer.
type Options struct {
	// Unsafe passes raw HTML through as written. When false (safe mode)
	// raw HTML is sanitized with an allowlist like GitHub's (see
	// htmlPolicy), iframes become links, HTML comments are left out and
	// what raw HTML leaves open is closed (see balancer). In both modes the
	// links of raw HTML are resolved and recorded like Markdown links.
	Unsafe bool
	// DropLeadingH1 leaves out a level-1 heading that is the first block of
	// the document. Use it for pages whose title comes from that heading, so
	// the template can print the title as the page's h1. Result.H1 is filled
	// either way; a dropped heading is not listed in Result.Headings.
	DropLeadingH1 bool
	// IDStyle is the rule for heading ids ("" is IDStyleGitHub).
	IDStyle IDStyle
	// Shortcodes runs the site's own shortcode templates; nil leaves only
	// the built-in shortcodes (see shortcode_builtin.go).
	Shortcodes ShortcodeTemplates
	// NoShortcodes leaves shortcode tags as text: for Markdown that has
	// been through shortcode expansion already (a template's markdownify).
	NoShortcodes bool
}

// LinkResolver maps a link or image destination as written (for example
// "../guides/joint-meetings.md#agenda", "/guides/joint-meetings/",
// "https://x", "#local", "diagram.png") to the URL to emit. ok=false keeps
// the destination unchanged.
type LinkResolver func(dest string) (url string, ok bool)

// Result is everything Render learns about one page.
type Result struct {
	// HTML is the rendered body, ready to be inserted in a template.
	HTML []byte
	// H1 is the text of the first level-1 heading if it is the first block
	// of the document, else "".
	H1 string
	// H1ID is that heading's id. When DropLeadingH1 left the heading out,
	// the id is still reserved on the page (no other heading takes it):
	// the caller gives it to the title it prints, so that links to
	// "#the-title" still land.
	H1ID string
	// TOC lists the h2 and h3 headings, in order.
	TOC []Heading
	// Headings lists every heading on the page, in order; their IDs are the
	// anchors that exist on the page.
	Headings []Heading
	// Links lists every link and image destination in source order, those
	// of raw HTML (a href, img src and srcset, iframe src) included.
	Links []Link
	// Anchors lists the ids of elements and names of a elements written
	// in raw HTML (in safe mode those the sanitizer kept), in source order:
	// link targets besides the headings.
	Anchors []string
	// IDs lists the ids of the elements Markdown writes, in document order:
	// headings, blocks with a {#id} attribute line, footnotes and the
	// references to them, and elements of shortcode templates' output.
	// With Anchors they are every link target on the page; a dropped
	// leading H1's id is in H1ID only.
	IDs []string
	// Sections is the plain text split at headings, for the search index.
	// The text before the first heading, if any, comes first with ID "".
	Sections []Section
	// Summary is the plain text of the first paragraph, cut at a word
	// boundary to at most about 300 characters.
	Summary string
	// Diagrams counts the ```mermaid blocks: a page with any needs the
	// theme's diagram script.
	Diagrams int
	// Tasks counts the task-list items ("- [ ] text"); each check box
	// carries the stable id of its text as data-check (see CheckIDs).
	Tasks int
	// WordCount counts the words of the text (headings and code included;
	// each Han, kana or Thai character counts as a word).
	WordCount int
	// Diagnostics holds warnings found while rendering (for example a
	// duplicate heading id). Positions carry Line and Col; the caller fills
	// in File.
	Diagnostics diag.List
}

// Heading is one heading of the page. Line is the line in the file.
type Heading struct {
	Level int    `json:"level"`
	ID    string `json:"id"`
	Text  string `json:"text"`
	Line  int    `json:"line"`
}

// Link is one link or image destination. Dest is as written, URL is what
// was emitted after resolving. Line and Col (1-based, Col counted in bytes)
// point into the file.
type Link struct {
	Dest  string `json:"dest"`
	URL   string `json:"url"`
	Image bool   `json:"image,omitempty"`
	Line  int    `json:"line"`
	Col   int    `json:"col"`
}

// Section is the plain text under one heading. The first section holds the
// text before any heading and has an empty ID.
type Section struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Level int    `json:"level"`
	Text  string `json:"text"`           // prose, without code blocks
	Code  string `json:"code,omitempty"` // the text of the section's code blocks
}

// Renderer renders Markdown pages. It is safe for concurrent use.
type Renderer struct {
	opts Options
	md   goldmark.Markdown
	// noAutolinks is md without GFM's extended autolinks, for sources that
	// cannot contain one (see mayAutolink): the linkify parser runs at every
	// space of the text, and most pages have no bare URL or e-mail address.
	noAutolinks goldmark.Markdown
}

// New returns a Renderer configured by opts.
func New(opts Options) *Renderer {
	return &Renderer{opts: opts, md: newGoldmark(opts, true), noAutolinks: newGoldmark(opts, false)}
}

// mayAutolink reports whether src may hold an extended autolink: goldmark's
// linkify parser only matches text that starts with "http:", "https:",
// "ftp:" or "www.", or an e-mail address, which has an "@". The prefixes
// are found from their last byte, which is rarer than their first letters.
func mayAutolink(src []byte) bool {
	return bytes.IndexByte(src, '@') >= 0 ||
		endsBefore(src, ':', schemeHTTP, schemeHTTPS, schemeFTP) ||
		endsBefore(src, '.', hostWWW)
}

// endsBefore reports whether one of prefixes comes right before a sep
// byte in src.
func endsBefore(src []byte, sep byte, prefixes ...[]byte) bool {
	for rest := src; ; {
		i := bytes.IndexByte(rest, sep)
		if i < 0 {
			return false
		}
		for _, p := range prefixes {
			if bytes.HasSuffix(rest[:i], p) {
				return true
			}
		}
		rest = rest[i+1:]
	}
}

var (
	hostWWW     = []byte("www")
	schemeHTTP  = []byte("http")
	schemeHTTPS = []byte("https")
	schemeFTP   = []byte("ftp")
)

// Render parses src (the body after front matter) and renders it. lineOffset
// is the number of lines before the body in the file (front matter), so
// positions point into the real file. resolve may be nil.
func (r *Renderer) Render(src []byte, lineOffset int, resolve LinkResolver) (res *Result, err error) {
	return r.RenderInto(nil, src, lineOffset, resolve)
}

// RenderInto is Render writing the HTML into out, which it resets first,
// so that a caller rendering page after page reuses one buffer instead of
// allocating one per page. The Result's HTML then shares out's bytes: it is
// valid until out is written again. A nil out gets a buffer of its own.
func (r *Renderer) RenderInto(out *bytes.Buffer, src []byte, lineOffset int, resolve LinkResolver) (res *Result, err error) {
	return r.RenderPage(out, src, lineOffset, resolve, nil)
}

// RenderPage is RenderInto with the page's context for shortcodes
// ({{< name >}}, {{% name %}}, GitBook's {% name %}): .Page, .Site and the
// params of the param shortcode. pc may be nil.
func (r *Renderer) RenderPage(out *bytes.Buffer, src []byte, lineOffset int, resolve LinkResolver, pc *PageContext) (res *Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			res = nil
			err = diag.Errorf(diag.Pos{Line: lineOffset + 1}, "markdown: internal error while rendering: %v", v)
		}
	}()
	return r.render(out, src, lineOffset, resolve, pc)
}

// render does the work of Render without turning panics into errors, so
// that tests and fuzzing see them.
func (r *Renderer) render(buf *bytes.Buffer, src []byte, lineOffset int, resolve LinkResolver, pcx *PageContext) (*Result, error) {
	c := newCollector(src, lineOffset, resolve)
	var x *expansion
	if !r.opts.NoShortcodes && MayHaveShortcodes(src) {
		if x = expandShortcodes(src, r.opts.Shortcodes, pcx, resolve, c.origPosition); x != nil {
			src = x.src
			c.src, c.spans, c.x = x.src, x.spans, x
		}
	}
	var pending []offsetWarning
	pc := parser.NewContext()
	pc.Set(warningsKey, &pending)
	if x != nil {
		pc.Set(placeholdersKey, x)
	}
	md := r.md
	if !mayAutolink(src) {
		md = r.noAutolinks
	}
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	c.collect(doc)
	c.processRaw(r.opts.Unsafe)
	c.release()
	if x != nil {
		c.links = append(c.links, x.links...)
	}
	res := c.result()
	c.finish(res, doc)
	res.Diagnostics = c.positioned(append(pending, c.removalWarnings()...))
	if x != nil {
		res.Diagnostics = append(res.Diagnostics, c.problems(x.problems)...)
		x.cleanResult(res)
	}
	if r.opts.DropLeadingH1 && res.H1 != "" {
		dropLeadingH1(doc, res)
	}

	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	buf.Grow(2*len(src) + 512)
	out := output{buf}
	if err := md.Renderer().Render(out, src, doc); err != nil {
		return nil, fmt.Errorf("markdown: rendering HTML: %w", err)
	}
	if x != nil {
		fillHoles(&out, x) // last: shortcode output is the site's own markup
		res.IDs = holeIDs(res.IDs, x.holes)
	}
	res.HTML = out.Bytes()
	return res, nil
}

// dropLeadingH1 removes the leading level-1 heading from doc and from the
// records of res: its id is left in res.H1ID for the caller's title, and
// its text opens the page's first section.
func dropLeadingH1(doc ast.Node, res *Result) {
	h := firstH1(doc)
	doc.RemoveChild(doc, h)
	id := res.Headings[0].ID
	res.Headings = res.Headings[1:]
	if len(res.IDs) > 0 && res.IDs[0] == id {
		res.IDs = res.IDs[1:]
	}
	for i := range res.Sections {
		if res.Sections[i].Level == 1 && res.Sections[i].ID == id {
			res.Sections[i].ID = ""
			break
		}
	}
}

// firstH1 returns the first block of doc if it is a level-1 heading. Link
// reference definitions, which render to nothing, do not count as blocks.
func firstH1(doc ast.Node) *ast.Heading {
	first := doc.FirstChild()
	for first != nil && first.Kind() == ast.KindLinkReferenceDefinition {
		first = first.NextSibling()
	}
	h, ok := first.(*ast.Heading)
	if !ok || h.Level != 1 {
		return nil
	}
	return h
}

// output is a bytes.Buffer that satisfies goldmark's util.BufWriter, so the
// renderer writes straight into it without an extra bufio layer.
type output struct{ *bytes.Buffer }

// Available reports spare capacity; goldmark only uses it as a hint.
func (o output) Available() int { return o.Cap() - o.Len() }

// Buffered reports the bytes written so far.
func (o output) Buffered() int { return o.Len() }

// Flush does nothing: the buffer is the destination.
func (o output) Flush() error { return nil }
