package site

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// Reserved lists the URLs the generator makes itself; no page may take one.
var Reserved = []string{SearchURL, "/404.html", "/sitemap.xml", "/index.xml", "/robots.txt"}

// SearchURL is the URL of the built-in search page. A content page may
// take it (Hugo sites often have a content/search.md): its title and text
// are shown above the search form.
const SearchURL = "/search/"

// assignURLs gives each page its URL and output file and reports URLs
// claimed twice or pointing outside the site.
func (s *Site) assignURLs() diag.List {
	var diags diag.List
	reserved := map[string]string{}
	for _, u := range Reserved {
		reserved[u] = "the generator"
	}
	for _, plural := range s.Config.TaxonomyNames() {
		reserved["/"+plural+"/"] = "the " + plural + " taxonomy"
	}
	kept := s.Pages[:0]
	defer func() { s.Pages = kept }()
	for _, p := range s.Pages {
		u, d := s.pageURL(p)
		if d != nil {
			diags = append(diags, d)
			continue
		}
		p.URL, p.OutFile = u, outFile(u)
		pos := diag.Pos{File: p.File(), Line: 1}
		if p.Src != nil && (p.Src.Has("url") || p.Src.Has("slug")) {
			pos = p.Src.KeyPos("url")
			if !p.Src.Has("url") {
				pos = p.Src.KeyPos("slug")
			}
		}
		if other := s.byURL[u]; other != nil {
			diags = append(diags, diag.Errorf(pos, "URL %s is claimed by two pages: %s and %s", u, other.File(), p.File()))
			continue
		}
		if u == SearchURL && p.Src != nil && p.Kind == KindPage {
			s.Search = p // shown on the built-in search page, above the search form
		} else if owner, ok := reserved[u]; ok {
			diags = append(diags, diag.Errorf(pos, "URL %s is reserved for %s", u, owner))
			continue
		}
		s.byURL[u] = p
		kept = append(kept, p)
	}
	return diags
}

// pageURL works out the URL of a page from its path, slug and url.
func (s *Site) pageURL(p *Page) (string, *diag.Diagnostic) {
	if p.Src != nil && p.Src.Meta.URL != "" {
		u, err := cleanURL(p.Src.Meta.URL)
		if err != "" {
			return "", diag.Errorf(p.Src.KeyPos("url"), "url %q: %s", short(p.Src.Meta.URL), err)
		}
		return u, nil
	}
	var dir, name string
	switch {
	case p.Src == nil || p.folder:
		dir, name = parentDir(p.Dir), path.Base(p.Dir)
		if p.Dir == "" {
			return "/", nil
		}
	default:
		dir, name = p.Src.Dir(), strings.TrimSuffix(path.Base(p.Src.Path), path.Ext(p.Src.Path))
	}
	if p.Src != nil && p.Src.Meta.Slug != "" {
		slug := p.Src.Meta.Slug
		if t := urlize(slug, false); strings.ContainsAny(slug, `/\`) || t == "." || t == ".." {
			return "", diag.Errorf(p.Src.KeyPos("slug"), "slug %q must be one path segment (no / or ..)", slug)
		}
		if msg := checkSegment(urlize(slug, !s.Config.DisablePathToLower)); msg != "" {
			return "", diag.Errorf(p.Src.KeyPos("slug"), "slug %q: %s", short(slug), msg)
		}
		name = slug
	}
	segs := []string{}
	if dir != "" {
		segs = append(segs, strings.Split(dir, "/")...)
	}
	segs = append(segs, name)
	for i, seg := range segs {
		segs[i] = urlize(seg, !s.Config.DisablePathToLower)
		if segs[i] == "" || segs[i] == "." || segs[i] == ".." {
			return "", diag.Errorf(diag.Pos{File: p.File(), Line: 1}, "the name %q gives an empty URL segment: rename it or set a slug", seg)
		}
	}
	return "/" + strings.Join(segs, "/") + "/", nil
}

// urlize makes a path segment URL-friendly: spaces become hyphens and,
// unless the site keeps case (disablePathToLower), letters become
// lowercase, as Hugo does.
func urlize(seg string, lower bool) string {
	if plainSegment(seg, lower) {
		return seg // most names: nothing to fold, nothing to allocate
	}
	seg = strings.Join(strings.Fields(seg), "-")
	if lower {
		seg = strings.ToLower(seg)
	}
	return seg
}

// plainSegment reports whether seg is ASCII with no space and (when
// lower) no upper-case letter: urlize leaves it as it is.
func plainSegment(seg string, lower bool) bool {
	if seg == "" {
		return false
	}
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c >= 0x80 || c <= ' ' || (lower && 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// cleanURL normalizes a url or alias from front matter. Percent escapes
// are decoded first (the output path holds the characters; links escape
// them again), and then it refuses what would escape the output folder or
// give a page no browser reaches: "..", backslashes, drive letters,
// control characters, dot folders such as /.git/, and segments longer
// than a file name may be.
func cleanURL(raw string) (string, string) {
	u := strings.TrimSpace(raw)
	if strings.Contains(u, "://") || strings.HasPrefix(u, "//") {
		return "", "must be a path on this site, not a full URL"
	}
	if u == "" {
		return "", "is empty"
	}
	if strings.Contains(u, "%") {
		dec, err := url.PathUnescape(u)
		if err != nil {
			return "", "has a broken percent escape (write the characters themselves)"
		}
		u = dec
	}
	if strings.Contains(u, `\`) {
		return "", `must not contain a backslash (use / between folders)`
	}
	for _, seg := range strings.Split(u, "/") {
		if seg == ".." {
			return "", "must not contain .. (it would escape the output folder)"
		}
		if msg := checkSegment(seg); msg != "" {
			return "", msg
		}
	}
	clean := path.Clean("/" + u)
	if path.Ext(clean) == "" {
		clean = strings.TrimSuffix(clean, "/") + "/"
	}
	return clean, ""
}

// MaxSegment is the longest folder or file name a URL may have, in bytes:
// the common file-system limit on a name.
const MaxSegment = 255

// checkSegment reports why one segment of a url, alias or slug cannot
// be a folder or file name that a browser reaches, or "".
func checkSegment(seg string) string {
	switch {
	case seg != "" && strings.TrimSpace(seg) == "":
		return "must not be blank"
	case len(seg) > MaxSegment:
		return fmt.Sprintf("has a segment of %d bytes; the limit is %d (a file name's)", len(seg), MaxSegment)
	case strings.IndexFunc(seg, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		return "must not contain control characters"
	case len(seg) >= 2 && seg[1] == ':' && isLetter(seg[0]):
		return fmt.Sprintf("must not start a segment with a drive letter (%s)", seg[:2])
	case strings.HasPrefix(seg, ".") && seg != "." && seg != ".well-known":
		return fmt.Sprintf("must not contain a dot folder or file (%s): servers hide them, and names such as .git and .playbook-output are taken", seg)
	}
	return ""
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// outFile returns the output file for a URL: a folder's index.html unless
// the URL names a file.
func outFile(u string) string {
	if path.Ext(u) != "" && !strings.HasSuffix(u, "/") {
		return strings.TrimPrefix(u, "/")
	}
	return strings.TrimPrefix(u, "/") + "index.html"
}

// short cuts a long value for a message.
func short(s string) string {
	if len(s) <= 60 {
		return s
	}
	return s[:40] + "…" + s[len(s)-10:]
}
