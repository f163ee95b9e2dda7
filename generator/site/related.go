package site

import (
	"encoding/binary"
	"hash/maphash"
	"math"

	"github.com/playbookhq/playbook/internal/parallel"
)

// Related returns the pages related to regular page p (see relate), at
// most Config.Related.Count of them, best first. They are picked beside
// the rest of the build, from site.New on: the first call may wait for
// them.
func (s *Site) Related(p *Page) []*Page {
	s.relating.Wait()
	return p.related
}

// startRelating picks the regular pages' related pages (relate) on
// goroutines of their own, which Related waits for: nothing else in the
// model reads or changes what they read (the pages' terms, the
// taxonomies, the recent order) once the taxonomies are built.
func (s *Site) startRelating(n int, prev *Site, followed bool) {
	if n <= 0 {
		return
	}
	regular := s.Regular()
	s.relating.Add(1)
	go func() {
		defer s.relating.Done()
		if prev != nil {
			prev.relating.Wait()
		}
		s.relate(n, regular, prev, followed)
	}()
}

// relate picks up to n related pages for each of the regular pages: pages
// sharing terms, rarer terms counting more, ties broken by date and
// title. Pages are scored on all cores, each worker with its own score
// array.
//
// When prev (the model of the previous build, or nil) was related from
// the same inputs (the same pages by source path, with the same terms, in
// the same recent order), its choices are taken over instead; otherwise
// each page whose choice cannot come out differently keeps its own (see
// relateMemo).
func (s *Site) relate(n int, regular []*Page, prev *Site, followed bool) {
	index := make(map[*Page]int32, len(regular))
	for i, p := range regular {
		index[p] = int32(i)
	}
	members := map[*Term][]int32{}
	for _, tax := range s.Taxonomies {
		for _, t := range tax.Terms {
			ids := make([]int32, len(t.Pages))
			for k, q := range t.Pages {
				ids[k] = index[q]
			}
			members[t] = ids
		}
	}
	// rank orders pages newest first once, so ties are broken without comparing dates and titles.
	rank := make([]int32, len(regular))
	r := int32(0)
	for _, p := range s.byAge {
		rank[index[p]] = r
		r++
	}
	s.relatedFrom = s.relateInputs(n, regular, members, rank)
	if prev != nil && prev.relatedFrom == s.relatedFrom && s.relateAs(prev, regular) {
		s.relatedMemo = prev.relatedMemo
		return
	}
	var memo *relateMemo
	var last *memoCheck
	if followed {
		memo = newRelateMemo(n, regular, s.Taxonomies, members, rank)
		if prev != nil {
			last = memo.check(prev.relatedMemo, s.byPath)
		}
	}
	chosen := make([]*memoPage, len(regular))
	parallel.Ranges(len(regular), 64, func(lo, hi int) {
		sc := newScorer(s, regular, members, rank, n)
		sc.keep = followed
		for i := lo; i < hi; i++ {
			chosen[i] = sc.choose(i, last)
		}
	})
	for i, p := range regular {
		if chosen[i] != nil {
			memo.pages[p.Src.Path] = chosen[i]
		}
	}
	s.relatedMemo = memo // nil when no build follows
}

// scorer picks the related pages of one page after another, with arrays
// of its own (one per worker).
type scorer struct {
	s       *Site
	regular []*Page
	members map[*Term][]int32
	rank    []int32
	n       int
	total   float64
	scores  []float64 // candidate → its score for the page being scored
	masks   []uint64  // candidate → the page's terms it shares (bit k: terms[k])
	touched []int32   // the candidates with a score
	terms   []*Term   // the page's terms (see termsOf)
	weights []float64 // their weights
	table   []float64 // subsetScores' buffer
	counter maskCounter
	keep    bool // keep how each page's related pages were chosen (memoPage)
}

func newScorer(s *Site, regular []*Page, members map[*Term][]int32, rank []int32, n int) *scorer {
	return &scorer{s: s, regular: regular, members: members, rank: rank, n: n, total: float64(len(regular)),
		scores: make([]float64, len(regular)), masks: make([]uint64, len(regular))}
}

// choose picks regular page i's related pages, or takes over the last
// model's choice when it is the same (see memoCheck), and returns how
// they were chosen (nil when that is not kept).
func (sc *scorer) choose(i int, last *memoCheck) *memoPage {
	p := sc.regular[i]
	sc.terms, sc.weights = sc.s.termsOf(p, sc.members, sc.total, sc.terms[:0], sc.weights[:0])
	if rel, mp, ok := last.takeOver(p, sc.terms, sc.weights, &sc.table); ok {
		p.related = rel
		return mp
	}
	for k, t := range sc.terms {
		ids, w := scanned(sc.members[t]), sc.weights[k]
		for _, j := range ids {
			if sc.scores[j] == 0 {
				sc.touched = append(sc.touched, j)
			}
			sc.scores[j] += w
		}
		if sc.keep && k < 64 {
			for _, j := range ids {
				sc.masks[j] |= 1 << k
			}
		}
	}
	sc.scores[i] = 0
	p.related = topRelated(sc.regular, sc.scores, sc.rank, sc.touched, int32(i), sc.n)
	var mp *memoPage
	if sc.keep {
		mp = sc.counter.memoOf(int32(i), sc.terms, sc.weights, sc.touched, sc.masks, p.related)
	}
	for _, j := range sc.touched {
		sc.scores[j] = 0
	}
	if sc.keep {
		for _, j := range sc.touched {
			sc.masks[j] = 0
		}
	}
	sc.touched = sc.touched[:0]
	return mp
}

// termsOf appends p's terms to terms in the order relate sums their
// weights (taxonomies in their fixed order: the sums are floating point,
// and another order could break a tie differently), and their weights to
// weights: rarer terms weigh more.
func (s *Site) termsOf(p *Page, members map[*Term][]int32, total float64, terms []*Term, weights []float64) ([]*Term, []float64) {
	for _, tax := range s.Taxonomies {
		for _, t := range p.Terms[tax.Name] {
			terms = append(terms, t)
			weights = append(weights, math.Log(1+total/float64(len(members[t]))))
		}
	}
	return terms, weights
}

// relatedSeed seeds the sums of related pages' inputs (compared within
// one process).
var relatedSeed = maphash.MakeSeed()

// relateInputs returns a sum of everything relate's choice reads: n, the
// regular pages' source paths in order, each term's pages and each
// page's terms (as positions, in their order: the scores are floating
// point sums) and the recent order.
func (s *Site) relateInputs(n int, regular []*Page, members map[*Term][]int32, rank []int32) uint64 {
	var h maphash.Hash
	h.SetSeed(relatedSeed)
	var buf [8]byte
	num := func(v int) {
		binary.LittleEndian.PutUint64(buf[:], uint64(v))
		h.Write(buf[:])
	}
	str := func(v string) {
		num(len(v))
		h.WriteString(v)
	}
	num(n)
	num(len(regular))
	for _, p := range regular {
		str(p.File())
	}
	for _, r := range rank {
		num(int(r))
	}
	termAt := map[*Term]int{}
	for _, tax := range s.Taxonomies {
		str(tax.Name)
		num(len(tax.Terms))
		for _, t := range tax.Terms {
			termAt[t] = len(termAt)
			num(len(members[t]))
			for _, j := range members[t] {
				num(int(j))
			}
		}
	}
	for _, p := range regular {
		for _, tax := range s.Taxonomies {
			ts := p.Terms[tax.Name]
			num(len(ts))
			for _, t := range ts {
				num(termAt[t])
			}
		}
	}
	return h.Sum64()
}

// relateAs gives each regular page the related pages its namesake (same
// position, same source file) has in prev; false when prev's regular
// pages are not the same.
func (s *Site) relateAs(prev *Site, regular []*Page) bool {
	old := prev.Regular()
	if len(old) != len(regular) {
		return false
	}
	at := make(map[*Page]int32, len(old))
	for i, p := range old {
		if p.File() != regular[i].File() {
			return false
		}
		at[p] = int32(i)
	}
	for i, p := range regular {
		if rel := old[i].related; len(rel) > 0 {
			p.related = make([]*Page, len(rel))
			for k, q := range rel {
				p.related[k] = regular[at[q]]
			}
		}
	}
	return true
}
