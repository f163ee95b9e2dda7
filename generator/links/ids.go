package links

import (
	"iter"
	"strings"
)

// IDs holds the ids on one page, each followed by a NUL byte: a single
// string rather than one per id, which keeps ten thousand pages' worth of
// ids cheap until the links are checked.
type IDs string

// NewIDs makes the set of the ids in each list, in order (ids holding a NUL
// byte, which no HTML id has, are left out).
func NewIDs(lists ...[]string) IDs {
	var s IDs
	for _, l := range lists {
		s = s.With(l)
	}
	return s
}

// With returns the set with ids added after those it has.
func (s IDs) With(ids []string) IDs {
	if len(ids) == 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(string(s))
	for _, id := range ids {
		if id != "" && strings.IndexByte(id, 0) < 0 {
			b.WriteString(id)
			b.WriteByte(0)
		}
	}
	return IDs(b.String())
}

// Has reports whether id is in the set.
func (s IDs) Has(id string) bool {
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

// All lists the ids in the set, in the order they were added.
func (s IDs) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		for id := range strings.SplitSeq(strings.TrimSuffix(string(s), "\x00"), "\x00") {
			if id != "" && !yield(id) {
				return
			}
		}
	}
}
