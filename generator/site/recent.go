package site

import "slices"

// Recent returns the n most recently changed regular pages: by lastmod
// (else date), newest first, then by URL. This is the one order of
// "recent pages" (home page, 404 page, feed), worked out once by New.
// Term lists order their pages by newestFirst, whose ties go by title.
func (s *Site) Recent(n int) []*Page {
	return s.recent[:min(n, len(s.recent))]
}

// sortRecent fills the order of Recent.
func (s *Site) sortRecent() {
	s.recent = s.Regular()
	slices.SortStableFunc(s.recent, func(a, b *Page) int {
		if c := b.Lastmod().Compare(a.Lastmod()); c != 0 {
			return c
		}
		switch {
		case a.URL < b.URL:
			return -1
		case a.URL > b.URL:
			return 1
		}
		return 0
	})
}
