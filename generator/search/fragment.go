package search

import (
	"unicode/utf8"
)

// fragmentTextLimit caps the text kept per page for excerpts, so a huge
// page cannot make its result slow to show.
const fragmentTextLimit = 32 << 10

// fragment is what the browser fetches for a shown result (plain JSON:
// compressing ten thousand small files cost more build time than the few
// kilobytes a query saves; a server may still gzip them on the wire):
// everything needed to draw it, with short keys. Sections keep their prose
// only: code is indexed but never shown in excerpts.
type fragment struct {
	URL      string      `json:"u"`
	Title    string      `json:"t"`
	Type     string      `json:"y,omitempty"`
	Path     []string    `json:"p,omitempty"`
	Desc     string      `json:"d,omitempty"`
	Sections [][3]string `json:"s"` // [id, heading, text]
}

func newFragment(d *Doc) fragment {
	f := fragment{URL: d.URL, Title: d.Title, Type: d.TypeTitle, Path: d.SectionPath, Desc: d.Description}
	budget := fragmentTextLimit
	for _, s := range d.Sections {
		text := truncate(s.Text, budget)
		budget -= len(text)
		f.Sections = append(f.Sections, [3]string{s.ID, s.Title, text})
	}
	if f.Sections == nil {
		f.Sections = [][3]string{}
	}
	return f
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:max(n, 0)]
}

// encodeFragment returns the JSON of d's fragment: what encoding/json
// writes for newFragment(d) with HTML escaping off, byte for byte (a fuzz
// test holds it to that), without reflection and in one allocation.
func encodeFragment(d *Doc) []byte {
	f := newFragment(d)
	size := 64 + len(f.URL) + len(f.Title) + len(f.Type) + len(f.Desc)
	for _, p := range f.Path {
		size += len(p) + 3
	}
	for _, sec := range f.Sections {
		size += len(sec[0]) + len(sec[1]) + len(sec[2]) + 12
	}
	b := make([]byte, 0, size+size/16)
	b = append(b, `{"u":`...)
	b = appendJSONString(b, f.URL)
	b = append(b, `,"t":`...)
	b = appendJSONString(b, f.Title)
	if f.Type != "" {
		b = append(b, `,"y":`...)
		b = appendJSONString(b, f.Type)
	}
	if len(f.Path) > 0 {
		b = append(b, `,"p":`...)
		b = appendJSONStrings(b, f.Path)
	}
	if f.Desc != "" {
		b = append(b, `,"d":`...)
		b = appendJSONString(b, f.Desc)
	}
	b = append(b, `,"s":[`...)
	for i, sec := range f.Sections {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONStrings(b, sec[:])
	}
	return append(b, "]}"...)
}

// appendJSONStrings appends a JSON array of strings.
func appendJSONStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping off: quote, backslash and control characters escaped,
// invalid UTF-8 replaced by U+FFFD, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// chunkHash names a chunk of fragments after all their contents.
func chunkHash(frags [][]byte) string {
	var all []byte
	for _, f := range frags {
		all = append(all, contentHash(f)...)
	}
	return contentHash(all)
}
