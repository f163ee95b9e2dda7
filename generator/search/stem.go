package search

import "github.com/kljensen/snowball/english"

// stopWords are left out of the index and out of queries: they occur on
// every page and would only cost bytes. The list is short on purpose and
// repeated in search-engine.js.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true,
	"be": true, "by": true, "for": true, "from": true, "in": true, "is": true,
	"it": true, "of": true, "on": true, "or": true, "that": true, "the": true,
	"this": true, "to": true, "was": true, "were": true, "with": true,
}

// IsStopWord reports whether the folded word w is left out of the index.
func IsStopWord(w string) bool { return stopWords[w] }

// Stem returns the index term of a folded word: the English Snowball stem
// for words made of the letters a–z, the word itself otherwise (numbers,
// other scripts, CJK bigrams).
func Stem(w string) string {
	if len(w) < 3 || !isLowerLatin(w) {
		return w
	}
	return english.Stem(w, true)
}

func isLowerLatin(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
