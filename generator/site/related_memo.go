package site

import (
	"cmp"
	"slices"
)

// relateMemo is what a model's relate worked out, kept for the next
// build's: a page whose choice cannot come out differently there is not
// scored again. A page's related pages depend only on which of its terms
// it shares with each candidate (a mask of them), on the terms' weights
// and on the candidates' recent order. When the candidates are the same
// pages in the same order and the new weights order the masks exactly as
// the old ones did, ties included, the choice is the same: a page added
// without terms, or far from a page's terms, changes every weight (the
// page count is in them) but hardly ever that order.
type relateMemo struct {
	n     int                  // Config.Related.Count
	lists map[string][]string  // term URL → source paths of the pages scanned for it (see maxTermScan)
	pool  []string             // source paths of the pages on any list, in recent order
	pages map[string]*memoPage // regular page's source path → its choice (nil: not kept)
}

// memoPage is how one page's related pages were chosen.
type memoPage struct {
	terms []string // URLs of the page's terms in scoring order (see termsOf)
	// masks are the sets of terms (bit k: terms[k]) shared with some
	// candidate, best score first; tied[k] says masks[k] scores the same
	// as masks[k-1].
	masks   []uint64
	tied    []bool
	related []string // source paths of the related pages, best first
}

// maxMemoTerms bounds the terms of a page whose choice is kept: its masks
// are counted in an array of 1<<maxMemoTerms entries.
const maxMemoTerms = 12

// newRelateMemo starts the memo of a model whose regular pages scan
// members (see relate) and whose recent order gives rank.
func newRelateMemo(n int, regular []*Page, tax []*Taxonomy, members map[*Term][]int32, rank []int32) *relateMemo {
	m := &relateMemo{n: n, lists: map[string][]string{}, pages: make(map[string]*memoPage, len(regular))}
	inPool := make([]bool, len(regular))
	for _, x := range tax {
		for _, t := range x.Terms {
			ids := scanned(members[t])
			paths := make([]string, len(ids))
			for k, j := range ids {
				paths[k] = regular[j].Src.Path
				inPool[j] = true
			}
			m.lists[t.URL] = paths
		}
	}
	byRank := make([]int32, len(regular))
	for i, r := range rank {
		byRank[r] = int32(i)
	}
	for _, i := range byRank {
		if inPool[i] {
			m.pool = append(m.pool, regular[i].Src.Path)
		}
	}
	return m
}

// scanned returns the pages of a term that are scored (the newest
// maxTermScan).
func scanned(ids []int32) []int32 { return ids[:min(len(ids), maxTermScan)] }

// memoCheck tells, from the last model's memo, which pages' choices can
// be taken over by this one's.
type memoCheck struct {
	last    *relateMemo
	changed map[string]bool // term URL → its scanned pages differ from the last model's
	byPath  map[string]*Page
}

// check compares m with last, the memo of the previous model; nil when no
// choice can be taken over (another count, or pages on both models' lists
// in another order).
func (m *relateMemo) check(last *relateMemo, byPath map[string]*Page) *memoCheck {
	if last == nil || last.n != m.n || !sameOrder(last.pool, m.pool) {
		return nil
	}
	c := &memoCheck{last: last, changed: map[string]bool{}, byPath: byPath}
	for url, paths := range m.lists {
		if old, ok := last.lists[url]; !ok || !slices.Equal(old, paths) {
			c.changed[url] = true
		}
	}
	return c
}

// sameOrder reports whether the paths on both a and b are in the same
// order in each.
func sameOrder(a, b []string) bool {
	inA := make(map[string]bool, len(a))
	for _, p := range a {
		inA[p] = true
	}
	inB := make(map[string]bool, len(b))
	for _, p := range b {
		inB[p] = true
	}
	i, j := 0, 0
	for {
		for i < len(a) && !inB[a[i]] {
			i++
		}
		for j < len(b) && !inA[b[j]] {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

// takeOver returns p's related pages as the last model chose them, and
// how they were chosen, when this model chooses the same: p has the same
// terms, none of them scans other pages, and weights (p's terms'
// weights, in termsOf's order) order p's masks as before.
// table is the caller's buffer for the scores of p's masks.
func (c *memoCheck) takeOver(p *Page, terms []*Term, weights []float64, table *[]float64) ([]*Page, *memoPage, bool) {
	if c == nil {
		return nil, nil, false
	}
	old := c.last.pages[p.Src.Path]
	if old == nil || len(old.terms) != len(terms) {
		return nil, nil, false
	}
	for k, t := range terms {
		if old.terms[k] != t.URL || c.changed[t.URL] {
			return nil, nil, false
		}
	}
	scores := subsetScores(weights, table)
	var prev float64
	for k, mask := range old.masks {
		s := scores[mask]
		if k > 0 && (old.tied[k] && s != prev || !old.tied[k] && !(s < prev)) {
			return nil, nil, false
		}
		prev = s
	}
	related := make([]*Page, len(old.related))
	for k, path := range old.related {
		if related[k] = c.byPath[path]; related[k] == nil {
			return nil, nil, false
		}
	}
	return related, old, true
}

// subsetScores returns the score of every mask of the terms weighed by
// weights (at most maxMemoTerms), in table's array: each mask's is its
// mask's without the highest term plus that term's weight, the sum
// maskScore makes.
func subsetScores(weights []float64, table *[]float64) []float64 {
	n := 1 << len(weights)
	if cap(*table) < n {
		*table = make([]float64, n)
	}
	scores := (*table)[:n]
	scores[0] = 0
	for k, w := range weights {
		lo := 1 << k
		for m := lo; m < 2*lo; m++ {
			scores[m] = scores[m-lo] + w
		}
	}
	return scores
}

// maskScore is the score of a candidate sharing the terms in mask, summed
// in the order relate sums them (the sums are floating point).
func maskScore(mask uint64, weights []float64) float64 {
	s := 0.0
	for k, w := range weights {
		if mask&(1<<k) != 0 {
			s += w
		}
	}
	return s
}

// maskCounter collects the distinct masks of one page's candidates; one
// per worker.
type maskCounter struct {
	seen  []int32 // mask → the page it was last seen for, plus one
	masks []uint64
}

// memoOf returns how page i (whose terms are terms, weighed by weights)
// chose related among its candidates touched, which share the terms in
// masks with it; nil when it has too many terms to keep.
func (mc *maskCounter) memoOf(i int32, terms []*Term, weights []float64, touched []int32, masks []uint64, related []*Page) *memoPage {
	if len(terms) > maxMemoTerms {
		return nil
	}
	if mc.seen == nil {
		mc.seen = make([]int32, 1<<maxMemoTerms)
	}
	mc.masks = mc.masks[:0]
	for _, j := range touched {
		if j == i {
			continue
		}
		if m := masks[j]; mc.seen[m] != i+1 {
			mc.seen[m] = i + 1
			mc.masks = append(mc.masks, m)
		}
	}
	mp := &memoPage{terms: make([]string, len(terms)), masks: slices.Clone(mc.masks), related: make([]string, len(related))}
	for k, t := range terms {
		mp.terms[k] = t.URL
	}
	for k, q := range related {
		mp.related[k] = q.Src.Path
	}
	slices.SortFunc(mp.masks, func(a, b uint64) int { return cmp.Compare(maskScore(b, weights), maskScore(a, weights)) })
	mp.tied = make([]bool, len(mp.masks))
	for k := 1; k < len(mp.masks); k++ {
		mp.tied[k] = maskScore(mp.masks[k], weights) == maskScore(mp.masks[k-1], weights)
	}
	return mp
}
