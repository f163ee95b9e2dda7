package search

import (
	"math"
	"slices"
	"sort"
)

// BM25 parameters, and the extra weight of a title match (in units of idf).
const (
	bm25K1     = 1.2
	bm25B      = 0.75
	titleBonus = 2.0
)

// term is one index entry: a stem, the words that produced it, and the
// pages containing it with their quantized scores (doc ids ascending).
type term struct {
	stem     string
	surfaces []string // sorted, without the stem itself
	docs     []uint32
	scores   []uint8
}

// merge unifies the workers' vocabularies and scores every posting.
func merge(pages []analyzed, vocabs []*vocab) []*term {
	terms, remap := unifyVocab(vocabs)
	df := make([]int, len(terms))
	total := 0
	for _, p := range pages {
		total += p.length
		p.each(func(e posting) { df[remap[p.worker][e.stem]]++ })
	}
	for i, t := range terms {
		t.docs = make([]uint32, 0, df[i])
		t.scores = make([]uint8, 0, df[i])
	}
	n := float64(len(pages))
	avg := max(1, float64(total)/max(1, n))
	scale := 255 / ((math.Log(1+2*n) + 0.01) * (bm25K1 + 1 + titleBonus))
	idf := make([]float64, len(terms))
	for i, d := range df {
		idf[i] = math.Log(1 + (n-float64(d)+0.5)/(float64(d)+0.5))
	}
	for id := range pages {
		p := &pages[id]
		norm := bm25K1 * (1 - bm25B + bm25B*float64(p.length)/avg)
		p.each(func(e posting) {
			g := remap[p.worker][e.stem]
			tf := float64(e.tf)
			s := idf[g] * tf * (bm25K1 + 1) / (tf + norm)
			if e.title {
				s += idf[g] * titleBonus
			}
			t := terms[g]
			t.docs = append(t.docs, uint32(id))
			t.scores = append(t.scores, quantize(s*scale))
		})
		p.postings = nil // scored: the packed form is not needed again
	}
	return terms
}

func quantize(x float64) uint8 {
	return uint8(min(255, max(1, math.Round(x))))
}

// unifyVocab sorts all stems of all workers and returns, per worker, the
// map from its local stem ids to indexes in the sorted terms.
func unifyVocab(vocabs []*vocab) ([]*term, [][]int) {
	index := map[string]*term{}
	for _, v := range vocabs {
		for id, s := range v.stems {
			t := index[s]
			if t == nil {
				t = &term{stem: s}
				index[s] = t
			}
			t.surfaces = append(t.surfaces, v.surfs[uint32(id)]...)
		}
	}
	terms := make([]*term, 0, len(index))
	for _, t := range index {
		slices.Sort(t.surfaces)
		t.surfaces = slices.Compact(t.surfaces)
		terms = append(terms, t)
	}
	sort.Slice(terms, func(i, j int) bool { return terms[i].stem < terms[j].stem })
	pos := make(map[string]int, len(terms))
	for i, t := range terms {
		pos[t.stem] = i
	}
	remap := make([][]int, len(vocabs))
	for w, v := range vocabs {
		remap[w] = make([]int, len(v.stems))
		for id, s := range v.stems {
			remap[w][id] = pos[s]
		}
	}
	return terms, remap
}
