package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// summaryLimit is the most characters (runes) a summary may hold before the
// ellipsis.
const summaryLimit = 300

// plainText returns the text of an inline container (a heading, a
// paragraph) without markup.
func plainText(n ast.Node, src []byte) string {
	return string(bytes.TrimSpace(appendInlineText(nil, n, src)))
}

// appendInlineText appends the text of the inline children of n to buf.
func appendInlineText(buf []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		buf = appendInline(buf, c, src)
	}
	return buf
}

// appendInline appends the text of one inline node (and its children).
func appendInline(buf []byte, n ast.Node, src []byte) []byte {
	switch n := n.(type) {
	case *ast.Text:
		buf = appendSourceText(buf, n.Segment.Value(src), n.IsRaw())
		if n.SoftLineBreak() || n.HardLineBreak() {
			buf = append(buf, ' ')
		}
		return buf
	case *ast.String:
		return appendSourceText(buf, n.Value, n.IsRaw() || n.IsCode())
	case *ast.AutoLink:
		return append(buf, n.Label(src)...)
	case *emojiast.Emoji:
		return appendEmoji(buf, n)
	case *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
		return buf
	}
	return appendInlineText(buf, n, src)
}

// appendSourceText appends Markdown text, resolving backslash escapes and
// character references unless raw.
func appendSourceText(buf, v []byte, raw bool) []byte {
	if raw || (bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0) {
		return append(buf, v...)
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return append(buf, util.ResolveEntityNames(v)...)
}

// truncateWords cuts s to at most limit runes at a word boundary and adds
// an ellipsis when it cut anything.
func truncateWords(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	cut, runes, lastSpace := len(s), 0, -1
	for i, r := range s {
		if runes == limit {
			cut = i
			break
		}
		if unicode.IsSpace(r) {
			lastSpace = i
		}
		runes++
	}
	if !unicode.IsSpace(rune(s[cut])) && lastSpace > 0 {
		cut = lastSpace
	}
	return string(bytes.TrimRightFunc([]byte(s[:cut]), isTrailingPunct)) + "…"
}

// isTrailingPunct reports characters a summary should not end on before the
// ellipsis.
func isTrailingPunct(r rune) bool {
	return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '-' || r == '–' || r == '—'
}

// countWords counts words in plain text. A run of letters, digits and
// apostrophes is one word; in scripts written without spaces (Han, kana,
// Thai) every character counts as a word, which approximates reading time.
func countWords(s []byte) int {
	words, inWord := 0, uint8(0)
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			// The ASCII path, nearly every byte: a word starts where a
			// word byte follows a non-word byte.
			w := asciiWordByte[b]
			words += int(w &^ inWord)
			inWord = w
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		i += size
		words, inWord = countRune(r, words, inWord)
	}
	return words
}

// countRune is countWords' step for a non-ASCII rune.
func countRune(r rune, words int, inWord uint8) (int, uint8) {
	switch {
	case isUnspacedScript(r):
		return words + 1, 0
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || unicode.Is(unicode.M, r):
		return words + int(1&^inWord), 1
	}
	return words, 0
}

// asciiWordByte is 1 for the ASCII bytes isASCIIWordByte accepts.
var asciiWordByte = func() (tab [utf8.RuneSelf]uint8) {
	for b := range tab {
		if isASCIIWordByte(byte(b)) {
			tab[b] = 1
		}
	}
	return tab
}()

// isASCIIWordByte reports ASCII letters, digits and the apostrophe.
func isASCIIWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '\''
}

// isUnspacedScript reports characters of scripts that do not separate words
// with spaces.
func isUnspacedScript(r rune) bool {
	if r < 0x0E00 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
}
