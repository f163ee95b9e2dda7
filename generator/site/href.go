package site

import "strings"

// Href returns a site path (a page's URL as its output path is made
// from it) escaped for use in an href, the sitemap or a feed: a file
// named "we ird?#%.md" keeps those characters in its output folder, and
// its links say "we-ird%3F%23%25". Characters a URL path may hold as they
// are, and non-ASCII letters (browsers show them), are kept; a path that
// needs nothing escaped is returned as it is, without allocating.
func Href(sitePath string) string {
	i := 0
	for i < len(sitePath) && !mustEscape(sitePath[i]) {
		i++
	}
	if i == len(sitePath) {
		return sitePath
	}
	var b strings.Builder
	b.Grow(len(sitePath) + 8)
	b.WriteString(sitePath[:i])
	const hex = "0123456789ABCDEF"
	for ; i < len(sitePath); i++ {
		c := sitePath[i]
		if mustEscape(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mustEscape reports the ASCII bytes a URL path may not hold literally
// (RFC 3986 pchar plus "/"), "%" included: a site path is never escaped
// already.
func mustEscape(c byte) bool { return escaped[c] }

// escaped holds mustEscape's answer for every byte (see escapes).
var escaped = func() (t [256]bool) {
	for c := range t {
		t[c] = escapes(byte(c))
	}
	return t
}()

// escapes is mustEscape worked out.
func escapes(c byte) bool {
	switch {
	case c >= 0x80:
		return false
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return false
	}
	return !strings.ContainsRune("-._~!$&'()*+,;=:@/", rune(c))
}
