package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxWordBytes is the longest word indexed; longer runs (hashes, base64)
// are skipped because nobody searches for them.
const maxWordBytes = 48

// Tokenize splits text into search words and calls emit for each one.
//
// Words are maximal runs of letters, digits and combining marks. Latin and
// other alphabetic words are lower-cased and have their diacritics removed
// (NFKD, then marks dropped), so "Café" gives "cafe". Runs of Han, Hiragana
// and Katakana are normalised with NFKC and emitted as overlapping character
// bigrams (cjk is true); a single CJK character is emitted alone. The bytes
// passed to emit are only valid during the call. The browser tokenizer in
// search-engine.js follows the same rules.
func Tokenize(text string, emit func(word []byte, cjk bool)) {
	var t tokenizer
	t.emit = emit
	t.run(text, true)
}

type tokenizer struct {
	emit func([]byte, bool)
	buf  []byte
}

// run walks text and hands every word run to word; fold says whether
// non-ASCII words still need folding. Pure ASCII words, by far the most
// common, skip the Unicode tables.
func (t *tokenizer) run(text string, fold bool) {
	start, ascii := -1, true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				if start < 0 {
					start, ascii = i, true
				}
			} else if start >= 0 {
				t.flush(text[start:i], ascii, fold)
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			ascii = false
		} else if start >= 0 {
			t.flush(text[start:i], ascii, fold)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		t.flush(text[start:], ascii, fold)
	}
}

func (t *tokenizer) flush(w string, ascii, fold bool) {
	if ascii {
		t.ascii(w)
	} else {
		t.word(w, fold)
	}
}

// asciiWord marks the ASCII bytes that belong to words.
var asciiWord = func() (tab [utf8.RuneSelf]bool) {
	for c := range tab {
		tab[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return tab
}()

// word splits one word run into CJK and non-CJK segments.
func (t *tokenizer) word(w string, fold bool) {
	start, cjk := 0, false
	for i, r := range w {
		c := isCJK(r)
		if i > 0 && c != cjk {
			t.segment(w[start:i], cjk, fold)
			start = i
		}
		cjk = c
	}
	t.segment(w[start:], cjk, fold)
}

func (t *tokenizer) segment(s string, cjk, fold bool) {
	if cjk {
		t.bigrams(norm.NFKC.String(s))
		return
	}
	if isASCII(s) {
		t.ascii(s)
		return
	}
	if fold {
		// Folding may produce separators (e.g. "½" → "1⁄2"): split again.
		t.run(foldString(s), false)
		return
	}
	if len(s) <= maxWordBytes {
		t.emit(append(t.buf[:0], s...), false)
	}
}

func (t *tokenizer) ascii(s string) {
	if len(s) > maxWordBytes {
		return
	}
	b := t.buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	t.buf = b
	t.emit(b, false)
}

func (t *tokenizer) bigrams(s string) {
	var prev []byte
	n := 0
	for _, r := range s {
		cur := utf8.AppendRune(nil, r)
		if prev != nil {
			t.emit(append(append(t.buf[:0], prev...), cur...), true)
		}
		prev = cur
		n++
	}
	if n == 1 {
		t.emit(prev, true)
	}
}

// foldString lower-cases s and removes diacritics.
func foldString(s string) string {
	d := norm.NFKD.String(s)
	out := make([]rune, 0, len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		out = append(out, unicode.ToLower(r))
	}
	return string(out)
}

// Fold returns the search form of one word: lower-cased, diacritics removed.
func Fold(s string) string {
	if isASCII(s) {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	return foldString(s)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isCJK reports whether r belongs to a script written without spaces
// between words, which is indexed as bigrams.
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == 0x30FC || r == 0x3005 || r == 0xFF70 ||
		0x3099 <= r && r <= 0x309C || r == 0xFF9E || r == 0xFF9F
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
