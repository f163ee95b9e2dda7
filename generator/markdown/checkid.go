package markdown

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
)

// CheckIDs hands out the stable ids of a page's checklist items (a
// playbook's steps, task-list items): a short hash of the item's text,
// normalised (case, spacing and punctuation ignored), with "-2", "-3"…
// for repeats. An item keeps its id when other items change, which is
// what lets a reader's ticks (kept by the browser under these ids)
// survive edits to the rest of the list. The zero value is ready to use.
type CheckIDs struct {
	seen map[string]int
}

// Next returns the id of the next item with text; prefix tells kinds of
// items apart ("s" steps, "t" task-list items).
func (c *CheckIDs) Next(prefix, text string) string {
	id := prefix + CheckHash(text)
	if c.seen == nil {
		c.seen = map[string]int{}
	}
	c.seen[id]++
	if n := c.seen[id]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}

// CheckHash returns a short hash (base 36) of text with letter case,
// punctuation and runs of spaces ignored.
func CheckHash(text string) string {
	h := fnv.New32a()
	var norm strings.Builder
	space := false
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && norm.Len() > 0 {
				norm.WriteByte(' ')
			}
			space = false
			norm.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	h.Write([]byte(norm.String()))
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}
