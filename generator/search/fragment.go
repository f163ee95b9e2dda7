package search

import (
	"bytes"
	"encoding/json"
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

func encodeFragment(d *Doc) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(newFragment(d)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// chunkHash names a chunk of fragments after all their contents.
func chunkHash(frags [][]byte) string {
	var all []byte
	for _, f := range frags {
		all = append(all, contentHash(f)...)
	}
	return contentHash(all)
}
