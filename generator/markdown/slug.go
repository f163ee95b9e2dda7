package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// IDStyle is a rule for turning a heading's text into its id, named as in
// Hugo's markup.goldmark.parser.autoHeadingIDType. The zero value is
// IDStyleGitHub.
type IDStyle string

// The heading id styles. Every style gives "heading" for text that leaves
// nothing, as Hugo does.
const (
	// IDStyleGitHub is GitHub's rule and Hugo's default: lower-cased
	// letters, marks, digits and connector punctuation ("_") of any
	// script are kept, each space or hyphen becomes a hyphen (runs are
	// kept: "Sales & CE" → "sales--ce"), everything else is dropped.
	IDStyleGitHub IDStyle = "github"
	// IDStyleGitHubASCII is IDStyleGitHub after accents are removed, with
	// every other non-ASCII character dropped ("Ça va" → "ca-va").
	IDStyleGitHubASCII IDStyle = "github-ascii"
	// IDStyleBlackfriday is the rule of Hugo before 0.60: letters and
	// numbers are kept, and each run of anything else between them
	// becomes one hyphen ("Sales & CE" → "sales-ce").
	IDStyleBlackfriday IDStyle = "blackfriday"
)

// IDStyles lists the styles ParseIDStyle accepts.
var IDStyles = []IDStyle{IDStyleGitHub, IDStyleGitHubASCII, IDStyleBlackfriday}

// ParseIDStyle returns the style named s; "" is IDStyleGitHub.
func ParseIDStyle(s string) (IDStyle, bool) {
	if s == "" {
		return IDStyleGitHub, true
	}
	for _, st := range IDStyles {
		if string(st) == s {
			return st, true
		}
	}
	return "", false
}

// emptyID is the id of a heading whose text leaves nothing (Hugo's).
const emptyID = "heading"

// Slug turns heading text into an id by GitHub's rule (IDStyleGitHub).
func Slug(s string) string { return IDStyleGitHub.Slug(s) }

// Slug turns heading text into an id by the style's rule. It does not make
// the id unique on its page.
func (st IDStyle) Slug(s string) string {
	var buf [64]byte // most ids fit: the slug is built without a heap allocation of its own
	var b []byte
	switch st {
	case IDStyleBlackfriday:
		b = appendBlackfridaySlug(buf[:0], s)
	case IDStyleGitHubASCII:
		b = appendGitHubSlug(buf[:0], removeAccents(s), true)
	default:
		b = appendGitHubSlug(buf[:0], s, false)
	}
	if len(b) == 0 {
		return emptyID
	}
	return string(b)
}

// appendGitHubSlug appends s by GitHub's rule to b, keeping only ASCII if
// asciiOnly.
func appendGitHubSlug(b []byte, s string, asciiOnly bool) []byte {
	for _, r := range s {
		switch {
		case asciiOnly && r >= utf8.RuneSelf:
		case r == ' ' || r == '\t' || r == '-':
			b = append(b, '-')
		case isWordRune(r):
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

// isWordRune reports whether GitHub keeps r in an id: a letter, a mark, a
// decimal digit, a letter-like number (Ⅻ) or connector punctuation (_).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.Nd, unicode.Nl, unicode.Pc)
}

// appendBlackfridaySlug appends s by Blackfriday's rule to b.
func appendBlackfridaySlug(b []byte, s string) []byte {
	pendingHyphen := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			pendingHyphen = true
			continue
		}
		if pendingHyphen && len(b) > 0 {
			b = append(b, '-')
		}
		pendingHyphen = false
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// removeAccents takes combining marks off letters ("Ça" → "Ca") by
// decomposing s and dropping the nonspacing marks.
func removeAccents(s string) string {
	if isASCII(s) {
		return s
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

func isASCII(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) < 0
}
