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
func (s *Site) startRelating(n int, prev *Site) {
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
		s.relate(n, regular, prev)
	}()
}

// relate picks up to n related pages for each of the regular pages: pages
// sharing terms, rarer terms counting more, ties broken by date and
// title. Pages are scored on all cores, each worker with its own score
// array.
//
// When prev (the model of the previous build, or nil) was related from
// the same inputs (the same pages by source path, with the same terms, in
// the same recent order), its choices are taken over instead.
func (s *Site) relate(n int, regular []*Page, prev *Site) {
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
		return
	}
	total := float64(len(regular))
	parallel.Ranges(len(regular), 64, func(lo, hi int) {
		scores := make([]float64, len(regular))
		var touched []int32
		for i := lo; i < hi; i++ {
			p := regular[i]
			// Taxonomies in their fixed order: the sums are floating point,
			// and another order could break a tie differently.
			for _, tax := range s.Taxonomies {
				for _, t := range p.Terms[tax.Name] {
					ids := members[t]
					w := math.Log(1 + total/float64(len(ids)))
					if len(ids) > maxTermScan {
						ids = ids[:maxTermScan] // a very common term: its newest pages are enough
					}
					for _, j := range ids {
						if scores[j] == 0 {
							touched = append(touched, j)
						}
						scores[j] += w
					}
				}
			}
			scores[i] = 0
			p.related = topRelated(regular, scores, rank, touched, int32(i), n)
			for _, j := range touched {
				scores[j] = 0
			}
			touched = touched[:0]
		}
	})
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
