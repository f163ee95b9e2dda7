// Package content reads a site's content/ folder: it splits and decodes the
// front matter of every Markdown file and lists the other files beside them.
// Pages are parsed independently so a rebuild can re-parse only what changed.
package content

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/markdown"
)

// Page is one Markdown file with its decoded front matter.
type Page struct {
	Path string // slash path below content/, e.g. "guides/joint-meetings.md"
	File string // path from the site root, for diagnostics: "content/guides/joint-meetings.md"
	Hash uint64 // hash of the file's bytes, for caching across rebuilds
	// MatterHash is the hash of the front matter alone: when only the body
	// of a page changes, the site's structure (URLs, lists, terms) does not.
	MatterHash uint64
	Meta       Meta
	Body       []byte // Markdown after the front matter; see ReadBody
	BodyLine   int    // lines before the body
	Format     Format
	bodyStart  int  // byte offset of the body in the file
	dropped    bool // Body was freed after loading (Options.DropBodies)

	TitleFromH1 bool // the title came from the body's leading "# Heading"
	// TitleHTML is the title as inline HTML when it was written with
	// inline Markdown ("The *MQL* trap"), else "". Meta.Title then holds
	// it as plain text ("The MQL trap").
	TitleHTML string
	// Fields holds the values of the fields the page's type declares
	// (see package types), by name, typed by kind: text, markdown, url and
	// enum as string, number as float64, date as time.Time, bool, list as
	// []string, records as []Record. Nil for types without fields.
	Fields    map[string]any
	steps     []Step
	results   []Result
	keys      map[string]bool // set by the front matter or inherited
	cascade   []cascadeRule   // the page's own `cascade`
	inherited Inherited       // values taken from cascades above the page
}

// IsIndex reports whether the page is its folder's own page (_index.md or index.md).
func (p *Page) IsIndex() bool {
	base := path.Base(p.Path)
	return base == "_index.md" || base == "index.md"
}

// Dir returns the page's folder below content/ ("" at the top).
func (p *Page) Dir() string {
	d := path.Dir(p.Path)
	if d == "." {
		return ""
	}
	return d
}

// Has reports whether the front matter set key.
func (p *Page) Has(key string) bool { return p.keys[key] }

// KeyPos returns the position of a front-matter key, or of the front
// matter's start. A value inherited from a cascade is at the cascade.
func (p *Page) KeyPos(key string) diag.Pos {
	if pos, ok := p.inherited.From[key]; ok {
		return pos
	}
	line := p.Meta.Lines[key]
	if line == 0 && p.Format != NoFrontMatter {
		line = 1
	}
	return diag.Pos{File: p.File, Line: line}
}

// Parse decodes one Markdown file. relPath is its slash path below
// content/. Every problem found is returned; the page is nil only when the
// file could not be read at all.
func Parse(relPath string, src []byte, cfg *config.Config) (*Page, diag.List) {
	return ParseInherited(relPath, src, cfg, Inherited{})
}

// ParseInherited is Parse for a page below one or more cascades: each
// inherited value is used unless the front matter sets its key, and a
// problem with it is reported where the cascade set it.
func ParseInherited(relPath string, src []byte, cfg *config.Config, inh Inherited) (*Page, diag.List) {
	file := "content/" + relPath
	if cfg.MaxPageSize > 0 && len(src) > cfg.MaxPageSize {
		return nil, diag.List{tooLarge(file, int64(len(src)), cfg.MaxPageSize)}
	}
	p := &Page{Path: relPath, File: file, Hash: hashBytes(src)}
	sp, d := SplitFrontMatter(file, src)
	if d != nil {
		return nil, diag.List{d}
	}
	if d := checkBodyDepth(file, sp.Body, sp.BodyLine); d != nil {
		return nil, diag.List{d}
	}
	p.Body, p.BodyLine, p.Format = sp.Body, sp.BodyLine, sp.Format
	p.bodyStart = len(src) - len(sp.Body) // the body is the file's tail
	p.MatterHash = hashBytes(sp.Matter)
	raw, lines, d := decodeMatter(file, sp)
	if d != nil {
		return nil, diag.List{d}
	}
	folded := foldKeys(file, raw, lines)
	p.inherited = inherit(raw, inh)
	p.keys = make(map[string]bool, len(raw))
	for k := range raw {
		p.keys[k] = true
	}
	r := &fieldReader{file: file, raw: raw, lines: lines, used: map[string]bool{}, diags: folded, from: p.inherited.From,
		matter: sp.Matter, matterLine: sp.MatterLine, format: sp.Format}
	p.cascade = readCascade(r)
	p.Meta = readMeta(r, cfg)
	p.Meta.Lines = lines
	p.readType(r, cfg)
	p.Meta.Params = leftover(raw, r.used)
	p.fillTitle(cfg.Title)
	return p, append(r.diags, p.checkPlaceholders(src, sp)...)
}

// plainText reads a one-line front-matter value written in Markdown (as
// Hugo themes print descriptions through markdownify): entities such as
// &mdash; become their characters and emphasis marks are dropped, so lists,
// search and <meta name=description> show what the author meant.
func plainText(s string) string {
	plain, _ := markdown.Title(s)
	return plain
}

func readMeta(r *fieldReader, cfg *config.Config) Meta {
	m := Meta{
		Title:       r.str("title"),
		Description: plainText(r.str("description")),
		Summary:     plainText(r.str("summary")),
		Date:        r.date("date"),
		Lastmod:     r.date("lastmod"),
		Draft:       r.boolean("draft"),
		Weight:      r.integer("weight"),
		Slug:        r.str("slug"),
		URL:         r.str("url"),
		Aliases:     r.strings("aliases"),
		Type:        r.str("type"),
		Owner:       r.str("owner"),
		Terms:       map[string][]string{},
	}
	for _, plural := range cfg.TaxonomyNames() {
		if vals := r.strings(plural); len(vals) > 0 {
			m.Terms[plural] = dedupe(vals)
		}
	}
	return m
}

// readType settles the page's type and reads that type's own fields.
func (p *Page) readType(r *fieldReader, cfg *config.Config) {
	if p.Meta.Type == "" {
		top, _, _ := strings.Cut(p.Path, "/")
		if strings.Contains(p.Path, "/") {
			p.Meta.Type = cfg.TypeForSection(top)
		}
		if p.Meta.Type == "" {
			p.Meta.Type = "page"
		}
	}
	// A type playbook does not know (Hugo's "docs" and others) is kept:
	// the theme may have layouts for it, and the build warns when it has none.
	if t := cfg.Types[p.Meta.Type]; t != nil {
		p.readFields(r, t)
		p.suggestKeys(r, t)
	}
}

// KnownType reports whether typ is one of the site's content types or "page".
func KnownType(cfg *config.Config, typ string) bool {
	_, ok := cfg.Types[typ]
	return ok || typ == "page"
}

// KnownTypes lists the site's content types and "page", for messages.
func KnownTypes(cfg *config.Config) string {
	names := []string{"page"}
	for n := range cfg.Types {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Validate reports each required field the page does not set.
//
// A title taken from the page's leading "# Heading" counts as present.
func (p *Page) Validate(required []string) diag.List {
	var diags diag.List
	for _, key := range required {
		if !p.Has(key) && (key != "title" || !p.TitleFromH1) {
			pos := diag.Pos{File: p.File, Line: 1}
			why := ""
			if from, ok := p.inherited.From["type"]; ok {
				why = fmt.Sprintf("; its type comes from the cascade at %s", from)
			}
			diags = append(diags, diag.Errorf(pos, "missing required field %q for a %s (add it to the front matter%s)", key, p.Meta.Type, why))
		}
	}
	return diags
}

// inherit adds the inherited values the front matter does not set to raw
// and returns what was taken.
func inherit(raw map[string]any, inh Inherited) Inherited {
	var took Inherited
	for k, v := range inh.Values {
		if _, set := raw[k]; set {
			continue
		}
		if took.Values == nil {
			took.Values, took.From = map[string]any{}, map[string]diag.Pos{}
		}
		raw[k], took.Values[k], took.From[k] = v, v, inh.From[k]
	}
	return took
}

// fillTitle takes the title from a leading "# Heading", else from the file
// name. Inline Markdown in a title from the front matter or the heading is
// rendered to TitleHTML and stripped from Meta.Title.
//
// A home page with neither (a README that opens with a badge or a link)
// takes the site's title rather than "Home".
func (p *Page) fillTitle(siteTitle string) {
	if p.Meta.Title != "" {
		p.Meta.Title, p.TitleHTML = markdown.Title(p.Meta.Title)
		return
	}
	if h1 := leadingH1(p.Body); h1 != "" {
		p.Meta.Title, p.TitleHTML = markdown.Title(h1)
		p.TitleFromH1 = true
		return
	}
	name := strings.TrimSuffix(path.Base(p.Path), ".md")
	if p.IsIndex() || p.IsReadme() {
		name = path.Base(p.Dir())
		if p.Dir() == "" {
			p.Meta.Title = siteTitle
			if siteTitle == "" {
				p.Meta.Title = "Home"
			}
			return
		}
	}
	p.Meta.Title = TitleFromName(name)
}

// TitleFromName turns a file or folder name such as "lead-handoff_sla" into "Lead handoff sla".
func TitleFromName(name string) string {
	name = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	if name == "" {
		return "Untitled"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// leadingH1 returns the text of an ATX "# Heading" that opens the body.
func leadingH1(body []byte) string {
	for len(body) > 0 {
		line, rest, _ := cutLine(body)
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			body = rest
			continue
		}
		if bytes.HasPrefix(t, []byte("# ")) {
			h := strings.TrimSpace(strings.TrimRight(string(t[2:]), "# "))
			if i := attributesAt(h); i >= 0 {
				h = strings.TrimSpace(h[:i])
			}
			return h
		}
		return ""
	}
	return ""
}

// attributesAt returns where a heading's trailing attribute list
// ("Title {#id .class}") starts, or -1.
func attributesAt(h string) int {
	if !strings.HasSuffix(h, "}") {
		return -1
	}
	i := strings.LastIndex(h, " {")
	if i < 0 || len(h) < i+3 || !strings.ContainsRune("#.", rune(h[i+2])) {
		return -1
	}
	return i
}

// hashSeed keys the page hashes, which are only compared within one process.
var hashSeed = maphash.MakeSeed()

func hashBytes(src []byte) uint64 { return maphash.Bytes(hashSeed, src) }

// dropBody frees the page's Markdown; ReadBody reads it again.
func (p *Page) dropBody() {
	p.Body, p.dropped = nil, true
}

// ReadBody returns the page's Markdown body. When Load dropped it, the file
// is read again from site (the site Load read) and must still hold the
// bytes that were loaded.
func (p *Page) ReadBody(site fs.FS) ([]byte, error) {
	if !p.dropped {
		return p.Body, nil
	}
	src, err := fs.ReadFile(site, p.File)
	if err != nil {
		return nil, fmt.Errorf("reading page: %w", err)
	}
	if hashBytes(src) != p.Hash || p.bodyStart > len(src) {
		return nil, ErrChanged
	}
	return src[p.bodyStart:], nil
}

// ErrChanged is returned by ReadBody for a file that changed after it was loaded.
var ErrChanged = errors.New("the file changed during the build; build again")

func leftover(raw map[string]any, used map[string]bool) map[string]any {
	out := map[string]any{}
	for k, v := range raw {
		if !used[k] {
			out[k] = v
		}
	}
	return out
}

func dedupe(vals []string) []string {
	seen := map[string]bool{}
	out := vals[:0:0]
	for _, v := range vals {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
