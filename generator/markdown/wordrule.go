package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2/syntax"
)

// wordSet speeds up chroma's keyword rules, whose patterns have the form
// (word1|word2|…)\b with hundreds of words that regexp2 tries one by one.
// After such a list comes a word boundary, so a plain word (letters, digits,
// underscores) can only match as the whole run of word characters at the
// position: one set lookup decides. Alternatives that are not plain words
// ("END-EXEC", "yield from") are literals; when the text starts with one,
// the regular expression decides.
type wordSet struct {
	words           map[string]bool
	specials        []string // literal alternatives that are not plain words, folded
	caseInsensitive bool
	capturing       bool // the list is a capturing group (group 1)
	// exact is set when the pattern is nothing but the list and \b, so that
	// a match can be built from the word without running the expression.
	exact bool
}

// zeroWidthPrefixes are the assertions chroma's lexers put before keyword
// lists; they consume nothing, so the list still starts at the position.
var zeroWidthPrefixes = []string{`(?<!\.)`, `(?<![.\w])`, `(?<![\w.])`, `\b`}

// boundarySuffixes may follow a keyword list; each makes sure that the
// character after the matched word is not a word character.
var boundarySuffixes = []string{`\b`, `(\s*)\b`, "(?=[\\s)`])", `(?=\s)`}

// maxKeywordLen bounds the words of a keyword list this fast path takes.
const maxKeywordLen = 64

// parseWordSet recognises a keyword-list pattern, or returns nil.
func parseWordSet(pattern string, caseInsensitive bool) *wordSet {
	s := &wordSet{caseInsensitive: caseInsensitive, exact: true}
	if rest, ok := strings.CutPrefix(pattern, "(?i)"); ok {
		pattern, s.caseInsensitive = rest, true
	}
	for _, p := range zeroWidthPrefixes {
		if rest, ok := strings.CutPrefix(pattern, p); ok {
			pattern, s.exact = rest, false
			break
		}
	}
	body, ok := strings.CutPrefix(pattern, "(?:")
	if !ok {
		body, s.capturing = strings.CutPrefix(pattern, "(")
		if !s.capturing {
			return nil
		}
	}
	end := strings.IndexByte(body, ')')
	if end < 0 || !s.hasBoundarySuffix(body[end+1:]) {
		return nil
	}
	if !s.addAlternatives(body[:end]) {
		return nil
	}
	return s
}

// hasBoundarySuffix checks what follows the list, and clears exact unless
// it is a lone \b.
func (s *wordSet) hasBoundarySuffix(after string) bool {
	if after != `\b` {
		s.exact = false
	}
	for _, b := range boundarySuffixes {
		if strings.HasPrefix(after, b) {
			return true
		}
	}
	return false
}

// addAlternatives fills the set from "a|b|c"; false if an alternative is
// not a literal this fast path understands.
func (s *wordSet) addAlternatives(list string) bool {
	s.words = map[string]bool{}
	for _, w := range strings.Split(list, "|") {
		switch {
		case w == "" || len(w) > maxKeywordLen:
			return false
		case isPlainWord(w):
			s.words[s.fold(w)] = true
		case isSimpleLiteral(w):
			s.specials = append(s.specials, s.fold(w))
		default:
			return false
		}
	}
	return true
}

// isPlainWord reports a run of ASCII letters, digits and underscores.
func isPlainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIIWordChar(w[i]) {
			return false
		}
	}
	return true
}

// isSimpleLiteral reports a word with hyphens or spaces in it: still a
// literal in regular expression syntax.
func isSimpleLiteral(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !isASCIIWordChar(c) && c != '-' && c != ' ' {
			return false
		}
	}
	return true
}

func isASCIIWordChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func (s *wordSet) fold(w string) string {
	if s.caseInsensitive {
		return strings.ToLower(w)
	}
	return w
}

// foldByte lower-cases an ASCII letter when the list ignores case.
func (s *wordSet) foldByte(c byte) byte {
	if s.caseInsensitive && 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// wordVerdict is what a set lookup says about a rule at a position.
type wordVerdict int

const (
	wordNo     wordVerdict = iota // the rule cannot match
	wordYes                       // the word run is in the list
	wordUnsure                    // let the regular expression decide
)

// lookup checks the text at pos and returns where its word run ends.
func (s *wordSet) lookup(text []rune, pos int) (int, wordVerdict) {
	if s.startsWithSpecial(text[pos:]) {
		return pos, wordUnsure
	}
	var buf [maxKeywordLen]byte
	n, end := 0, pos
	for ; end < len(text) && syntax.IsWordChar(text[end]); end++ {
		r := text[end]
		if r >= utf8.RuneSelf {
			return end, wordUnsure // Unicode case folding could still match
		}
		if n == len(buf) {
			return end, wordNo // longer than every word of the list
		}
		buf[n] = s.foldByte(byte(r))
		n++
	}
	if n > 0 && s.words[string(buf[:n])] {
		return end, wordYes
	}
	return end, wordNo
}

// startsWithSpecial reports whether text starts with a special alternative.
func (s *wordSet) startsWithSpecial(text []rune) bool {
	for _, sp := range s.specials {
		if len(text) < len(sp) {
			continue
		}
		i := 0
		for i < len(sp) && text[i] < utf8.RuneSelf && s.foldByte(byte(text[i])) == sp[i] {
			i++
		}
		if i == len(sp) {
			return true
		}
	}
	return false
}

// groups returns the match groups regexp2 would report for word.
func (s *wordSet) groups(word string) ([]string, map[string]string) {
	if s.capturing {
		return []string{word, word}, map[string]string{"0": word, "1": word}
	}
	return []string{word}, map[string]string{"0": word}
}
