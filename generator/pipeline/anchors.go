package pipeline

import (
	"bytes"
	"iter"
	"strings"
)

// anchorSet holds the ids on one page, each followed by a NUL byte: a
// single string rather than one per id, which keeps ten thousand pages'
// worth of ids cheap for the collector until the links are checked.
type anchorSet string

// htmlIDs collects every id attribute in rendered HTML: heading anchors,
// custom ids and footnotes are all link targets.
func htmlIDs(html []byte) anchorSet {
	var b strings.Builder
	marker := []byte(` id="`)
	for {
		i := bytes.Index(html, marker)
		if i < 0 {
			break
		}
		html = html[i+len(marker):]
		j := bytes.IndexByte(html, '"')
		if j < 0 {
			break
		}
		b.WriteString(unescapeAttr(string(html[:j])))
		b.WriteByte(0)
		html = html[j:]
	}
	return anchorSet(b.String())
}

// with returns the set with ids added: the ids and names of raw HTML,
// which the scan of htmlIDs does not see in every form (<a name="x">,
// id='x' in unsafe mode).
func (s anchorSet) with(ids []string) anchorSet {
	if len(ids) == 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(string(s))
	for _, id := range ids {
		if strings.IndexByte(id, 0) < 0 {
			b.WriteString(id)
			b.WriteByte(0)
		}
	}
	return anchorSet(b.String())
}

// has reports whether id is in the set.
func (s anchorSet) has(id string) bool {
	if id == "" || strings.IndexByte(id, 0) >= 0 {
		return false
	}
	all := string(s)
	for from := 0; ; {
		i := strings.Index(all[from:], id)
		if i < 0 {
			return false
		}
		start := from + i
		end := start + len(id)
		if (start == 0 || all[start-1] == 0) && end < len(all) && all[end] == 0 {
			return true
		}
		from = start + 1
	}
}

// all lists the ids in the set, in the order they were added.
func (s anchorSet) all() iter.Seq[string] {
	return func(yield func(string) bool) {
		for id := range strings.SplitSeq(strings.TrimSuffix(string(s), "\x00"), "\x00") {
			if id != "" && !yield(id) {
				return
			}
		}
	}
}
