package site

import (
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Anchors tells which ids exist on each page, for checking the #fragment
// of links.
type Anchors interface {
	// Has reports whether page p has an element with the id.
	Has(p *Page, id string) bool
	// IDs lists the ids on page p, in page order.
	IDs(p *Page) iter.Seq[string]
}

// NearestAnchor returns the id in ids that a broken fragment most likely
// meant, or "" when none is close. An id equal to want once letter case,
// hyphens, underscores and spaces are ignored comes first ("LOA-TLDR",
// "loa tldr" → "loa-tldr"); then the id with the fewest edits, at most
// one for every ten characters of want plus one (and never more than
// three). Ties go to the earlier id.
func NearestAnchor(want string, ids iter.Seq[string]) string {
	key := looseKey(want)
	lower := strings.ToLower(want)
	limit := min(3, 1+utf8.RuneCountInString(want)/10)
	best, bestDist := "", limit+1
	for id := range ids {
		if looseKey(id) == key {
			return id
		}
		if bestDist <= 1 {
			continue // only a loose match can beat a single edit now
		}
		if d := levenshtein.ComputeDistance(lower, strings.ToLower(id)); d < bestDist {
			best, bestDist = id, d
		}
	}
	return best
}

// looseKey is id lower-cased without hyphens, underscores and spaces.
func looseKey(id string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ', '\t':
			return -1
		}
		return r
	}, strings.ToLower(id))
}
