// Package feed writes the machine-readable files of a site: sitemap.xml,
// an Atom feed of recent changes and robots.txt.
package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"
)

// Entry is one page as the sitemap and the feed see it.
type Entry struct {
	Title     string
	Permalink string // absolute URL
	Summary   string
	Updated   time.Time // zero when unknown
	Published time.Time
	Author    string
	// Change marks a feed entry "New" or "Updated" (ChangeNew,
	// ChangeUpdated): its title starts with it and it is the entry's
	// category. "" for sitemap entries.
	Change string
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// Sitemap returns a sitemaps.org sitemap listing entries in the given order.
func Sitemap(entries []Entry) ([]byte, error) {
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, e := range entries {
		u := sitemapURL{Loc: e.Permalink}
		if !e.Updated.IsZero() {
			u.Lastmod = e.Updated.UTC().Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	return marshal(set)
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	XMLNS   string      `xml:"xmlns,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomAuthor `xml:"author,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string        `xml:"title"`
	ID        string        `xml:"id"`
	Link      atomLink      `xml:"link"`
	Updated   string        `xml:"updated"`
	Published string        `xml:"published,omitempty"`
	Summary   string        `xml:"summary,omitempty"`
	Author    *atomAuthor   `xml:"author,omitempty"`
	Category  *atomCategory `xml:"category,omitempty"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// Atom returns an Atom feed of entries (newest first, as given). The
// feed's own updated time is its newest entry's, so output is reproducible.
func Atom(title, siteURL, feedURL, author string, entries []Entry) ([]byte, error) {
	f := atomFeed{
		XMLNS: "http://www.w3.org/2005/Atom",
		Title: title,
		ID:    siteURL,
		Links: []atomLink{{Href: feedURL, Rel: "self"}, {Href: siteURL}},
	}
	if author == "" {
		author = title
	}
	f.Author = &atomAuthor{Name: author}
	var newest time.Time
	for _, e := range entries {
		if e.Updated.After(newest) {
			newest = e.Updated
		}
		ae := atomEntry{Title: e.Title, ID: e.Permalink, Link: atomLink{Href: e.Permalink}, Updated: stamp(e.Updated), Summary: e.Summary}
		if !e.Published.IsZero() {
			ae.Published = stamp(e.Published)
		}
		if e.Author != "" {
			ae.Author = &atomAuthor{Name: e.Author}
		}
		if e.Change != "" {
			ae.Title = e.Change + ": " + e.Title
			ae.Category = &atomCategory{Term: strings.ToLower(e.Change), Label: e.Change}
		}
		f.Entries = append(f.Entries, ae)
	}
	f.Updated = stamp(newest)
	return marshal(f)
}

func stamp(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Robots returns a robots.txt that asks every crawler to stay away: the
// site is internal. sitemapURL is listed for tools that read it anyway.
func Robots(sitemapURL string) []byte {
	return []byte("# An internal site: please do not index it.\nUser-agent: *\nDisallow: /\n\nSitemap: " + sitemapURL + "\n")
}
