package markdown

import (
	"bytes"
	"sort"
	"strings"
)

// This file finds shortcode tags in a page's source: Hugo's {{< name >}}
// and {{% name %}} (with closing, self-closing and escaped forms) and
// GitBook's (Liquid's) {% name %}. Hugo processes shortcodes anywhere in
// the content, code blocks included; GitBook tags inside fenced code and
// inline code spans are left alone, as GitBook shows them.

// scTag is one shortcode tag found in the source.
type scTag struct {
	start, end int    // byte offsets of the whole tag
	name       string // "figure", "blocks/cover", "hint"
	args       []scArg
	markdown   bool // {{% %}}: the output is Markdown
	liquid     bool // {% %}: a GitBook tag
	closing    bool // {{< /name >}} or {% endname %}
	selfClose  bool // {{< name />}}
	// literal is set for an escaped tag ({{</* x */>}}) and for a
	// {% raw %}…{% endraw %} block: the text to print instead of the tag.
	// For a raw block it is a part of the source, at litAt.
	literal []byte
	litAt   int
}

// scArg is one argument of a tag: positional when key is "".
type scArg struct {
	key, val string
}

// Openers of the tags, and the bytes that may start one.
var (
	hugoOpen     = []byte("{{")
	liquidOpen   = []byte("{%")
	liquidEndRaw = []byte("endraw")
)

// MayHaveShortcodes is the cheap gate in front of shortcode expansion: a
// page without "{{" or "{%" has no shortcode, and pays nothing more.
func MayHaveShortcodes(src []byte) bool {
	return bytes.Contains(src, hugoOpen) || bytes.Contains(src, liquidOpen)
}

// scanTags returns the tags of src in order, and warnings for malformed
// ones (which are left as text).
func scanTags(src []byte) ([]scTag, []offsetWarning) {
	var tags []scTag
	var warns []offsetWarning
	var fences []byteRange
	fencesDone := false
	// A tag is read only up to the next "}}" or "%}" and never past the
	// next opener, so that reading the source stays linear however many
	// unclosed tags it has.
	hugoEnd, liquidEnd := nextIndex{pat: []byte("}}")}, nextIndex{pat: []byte("%}")}
	nextHugo, nextLiquid := nextIndex{pat: hugoOpen}, nextIndex{pat: liquidOpen}
	endRaw := nextIndex{pat: liquidEndRaw}
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '{')
		if j < 0 || i+j+1 >= len(src) {
			break
		}
		i += j
		next := src[i+1]
		switch {
		case next == '{' && i+2 < len(src) && (src[i+2] == '<' || src[i+2] == '%'):
			t, ok := scanHugo(src[:tagLimit(src, i, &hugoEnd, &nextHugo)], i)
			if !ok {
				warns = append(warns, offsetWarning{offset: i, msg: "unclosed shortcode tag " + string(src[i:i+3]) + "; shown as text"})
				i += 3
				continue
			}
			tags = append(tags, t)
			i = t.end
		case next == '%':
			if !fencesDone {
				fences, fencesDone = fencedRanges(src), true
			}
			if inRanges(fences, i) || inCodeSpan(src, i) {
				i += 2
				continue
			}
			t, ok := scanLiquid(src[:tagLimit(src, i, &liquidEnd, &nextLiquid)], i)
			if ok && t.name == "raw" {
				t, ok = liquidRawBlock(src, t, &endRaw)
			}
			if !ok {
				i += 2 // "{%" in prose: not a tag
				continue
			}
			tags = append(tags, t)
			i = t.end
		default:
			i++
		}
	}
	return tags, warns
}

// tagLimit returns where reading the tag at i must stop: after the first
// end marker, and before the next opener.
func tagLimit(src []byte, i int, end, open *nextIndex) int {
	lim := len(src)
	if k := end.find(src, i+2); k >= 0 {
		lim = k + 2
	}
	if k := open.find(src, i+2); k >= 0 && k < lim {
		lim = k
	}
	return lim
}

// nextIndex finds the next occurrence of pat, remembering the last answer:
// asked again from a later offset before that occurrence, it answers
// without searching.
type nextIndex struct {
	pat      []byte
	from, at int
	valid    bool
}

func (m *nextIndex) find(src []byte, from int) int {
	if m.valid && from >= m.from && (m.at < 0 || m.at >= from) {
		return m.at
	}
	k := bytes.Index(src[from:], m.pat)
	if k >= 0 {
		k += from
	}
	m.from, m.at, m.valid = from, k, true
	return k
}

// scanHugo reads the Hugo tag starting at src[at:], which starts with
// "{{<" or "{{%".
func scanHugo(src []byte, at int) (scTag, bool) {
	t := scTag{start: at, markdown: src[at+2] == '%'}
	closer := ">}}"
	if t.markdown {
		closer = "%}}"
	}
	i := skipSpace(src, at+3)
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		return scanEscaped(src, at, i+2, closer)
	}
	if i < len(src) && src[i] == '/' {
		t.closing = true
		i = skipSpace(src, i+1)
	}
	n := i
	for n < len(src) && isNameByte(src[n]) && !hasAt(src, n, "/>}}", "/%}}") {
		n++
	}
	t.name = string(src[i:n])
	for i = n; ; {
		i = skipSpace(src, i)
		switch {
		case i >= len(src):
			return t, false
		case hasAt(src, i, closer):
			t.end = i + len(closer)
			return t, t.name != ""
		case hasAt(src, i, "/"+closer):
			t.selfClose, t.end = true, i+1+len(closer)
			return t, t.name != ""
		case hasAt(src, i, "{{"):
			return t, false // the next tag began: this one never closed
		}
		a, next, ok := scanArg(src, i)
		if !ok {
			return t, false
		}
		t.args, i = append(t.args, a), next
	}
}

// scanEscaped reads {{</* … */>}}: the tag is printed with the comment
// marks removed.
func scanEscaped(src []byte, at, from int, closer string) (scTag, bool) {
	k := bytes.Index(src[from:], []byte("*/"))
	if k < 0 {
		return scTag{}, false
	}
	end := skipSpace(src, from+k+2)
	if !hasAt(src, end, closer) {
		return scTag{}, false
	}
	lit := make([]byte, 0, end-at)
	lit = append(lit, src[at:at+3]...)
	lit = append(lit, src[from:from+k]...)
	lit = append(lit, closer...)
	return scTag{start: at, end: end + len(closer), literal: lit}, true
}

// scanArg reads one argument: a value, or key=value.
func scanArg(src []byte, i int) (scArg, int, bool) {
	v, i, ok := scanValue(src, i, true)
	if !ok {
		return scArg{}, i, false
	}
	if i < len(src) && src[i] == '=' {
		val, next, ok := scanValue(src, i+1, false)
		return scArg{key: v, val: val}, next, ok
	}
	return scArg{val: v}, i, true
}

// scanValue reads a quoted ("…" with backslash escapes), raw (`…`) or bare
// value. A bare key stops at "=".
func scanValue(src []byte, i int, key bool) (string, int, bool) {
	if i >= len(src) {
		return "", i, false
	}
	switch src[i] {
	case '"':
		var b strings.Builder
		for j := i + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				if j+1 < len(src) {
					j++
					b.WriteByte(src[j])
				}
			case '"':
				return b.String(), j + 1, true
			default:
				b.WriteByte(src[j])
			}
		}
		return "", i, false
	case '`':
		k := bytes.IndexByte(src[i+1:], '`')
		if k < 0 {
			return "", i, false
		}
		return string(src[i+1 : i+1+k]), i + 2 + k, true
	}
	j := i
	for j < len(src) && !isSpace(src[j]) && !hasAt(src, j, ">}}", "%}}", "/>}}", "/%}}", "%}", "-%}") && !(key && src[j] == '=') {
		j++
	}
	return string(src[i:j]), j, j > i
}

// scanLiquid reads the GitBook tag {% name args %} at src[at:]. A
// {% raw %} tag swallows everything up to its {% endraw %}.
func scanLiquid(src []byte, at int) (scTag, bool) {
	t := scTag{start: at, liquid: true}
	i := at + 2
	if i < len(src) && src[i] == '-' {
		i++
	}
	i = skipSpace(src, i)
	n := i
	for n < len(src) && (isAlnum(src[n]) || src[n] == '-' || src[n] == '_') {
		n++
	}
	if n == i {
		return t, false
	}
	t.name = string(src[i:n])
	for i = n; ; {
		i = skipSpace(src, i)
		switch {
		case i >= len(src):
			return t, false
		case hasAt(src, i, "%}"), hasAt(src, i, "-%}"):
			if bytes.Contains(src[at:i], []byte("\n\n")) {
				return t, false // a tag never spans a blank line
			}
			t.end = bytes.Index(src[i:], []byte("%}")) + i + 2
			return liquidDone(t)
		}
		a, next, ok := scanArg(src, i)
		if !ok {
			return t, false
		}
		t.args, i = append(t.args, a), next
	}
}

// liquidDone finishes a Liquid tag: "endNAME" closes NAME.
func liquidDone(t scTag) (scTag, bool) {
	if strings.HasPrefix(t.name, "end") && len(t.name) > 3 {
		t.closing, t.name = true, t.name[3:]
	}
	return t, true
}

// liquidRawBlock extends a {% raw %} tag over everything up to its
// {% endraw %}, which is printed as it is.
func liquidRawBlock(src []byte, t scTag, endRaw *nextIndex) (scTag, bool) {
	for i := t.end; ; {
		j := endRaw.find(src, i)
		if j < 0 {
			return t, false
		}
		open := bytes.LastIndex(src[t.end:j], liquidOpen)
		if open < 0 || len(bytes.Trim(src[t.end+open+2:j], " -")) > 0 {
			i = j + len(liquidEndRaw)
			continue
		}
		e := bytes.Index(src[j:], []byte("%}"))
		if e < 0 {
			return t, false
		}
		t.literal, t.litAt = src[t.end:t.end+open], t.end
		t.end = j + e + 2
		return t, true
	}
}

// byteRange is the byte range [from, to) of a fenced code block.
type byteRange struct{ from, to int }

// fencedRanges returns the byte ranges of fenced code blocks in src, found
// line by line (``` or ~~~ fences, indented or not).
func fencedRanges(src []byte) []byteRange {
	var out []byteRange
	var fence []byte
	open := 0
	for i := 0; i < len(src); {
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += i + 1
		}
		line := bytes.TrimLeft(src[i:end], " \t>")
		switch {
		case fence == nil && (bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~"))):
			n := 0
			for n < len(line) && line[n] == line[0] {
				n++
			}
			fence, open = line[:n], end
		case fence != nil && bytes.HasPrefix(line, fence) && len(bytes.TrimSpace(bytes.TrimLeft(line, string(fence[:1])))) == 0:
			out = append(out, byteRange{open, i})
			fence = nil
		}
		i = end
	}
	if fence != nil {
		out = append(out, byteRange{open, len(src)})
	}
	return out
}

// inCodeSpan reports whether offset seems to be inside an inline code
// span: an odd number of backticks comes before it on its line (looked
// for up to maxPrefixSearch bytes back).
func inCodeSpan(src []byte, offset int) bool {
	from := max(0, offset-maxPrefixSearch)
	line := src[from:offset]
	if nl := bytes.LastIndexByte(line, '\n'); nl >= 0 {
		line = line[nl+1:]
	}
	return bytes.Count(line, []byte("`"))%2 == 1
}

// inRanges reports whether offset lies in one of the sorted ranges.
func inRanges(rs []byteRange, offset int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].to > offset })
	return i < len(rs) && offset >= rs[i].from
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// isNameByte reports whether b may be part of a shortcode name.
func isNameByte(b byte) bool {
	return isAlnum(b) || b == '/' || b == '-' || b == '_' || b == '.' || b >= 0x80
}

// hasAt reports whether one of the strings starts at src[i:].
func hasAt(src []byte, i int, ss ...string) bool {
	for _, s := range ss {
		if i+len(s) <= len(src) && string(src[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}
