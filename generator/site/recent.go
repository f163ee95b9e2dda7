package site

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Recent returns the n most recently changed regular pages, in the site's
// one "recent pages" order (see NewerFirst, dated by lastmod, else date):
// the home page's and the 404 page's recent lists, the order of each
// term's Pages and of ties between related pages. Worked out once by New.
func (s *Site) Recent(n int) []*Page {
	return s.byAge[:min(n, len(s.byAge))]
}

// NewerFirst is the one "recent pages" order, for pages a and b dated da
// and db: newest first, then by title regardless of case, then by URL, so
// pages with equal dates always come in the same order. The site dates
// pages by lastmod (Recent); the what's-new page and the feed date them by
// their last change in git and break ties the same way.
func NewerFirst(a *Page, da time.Time, b *Page, db time.Time) int {
	if c := db.Compare(da); c != 0 {
		return c
	}
	if c := compareFold(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.URL, b.URL)
}

// sortRecent works out the order of Recent. It needs the pages' URLs and
// titles, and comes before the taxonomies, which list their pages in it.
func (s *Site) sortRecent() {
	s.byAge = s.Regular()
	slices.SortFunc(s.byAge, func(a, b *Page) int { return NewerFirst(a, a.Lastmod(), b, b.Lastmod()) })
}

// compareFold compares a and b as strings.Compare compares their lower
// case forms, without making them.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra, rb = unicode.ToLower(ra), unicode.ToLower(rb); ra != rb {
			if ra < rb {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a != "":
		return 1
	case b != "":
		return -1
	}
	return 0
}
