package site

import (
	"github.com/playbookhq/playbook/internal/parallel"
	"math"
	"sort"
	"strings"
	"unicode"
)

// Taxonomy is a way of grouping pages, such as tags or teams.
type Taxonomy struct {
	Name     string // plural: "tags"
	Singular string // "tag"
	URL      string // "/tags/"
	Terms    []*Term
	byKey    map[string]*Term
}

// Term is one value of a taxonomy and the pages carrying it.
type Term struct {
	Taxonomy *Taxonomy
	Name     string
	URL      string
	OutFile  string
	Pages    []*Page // newest first, in the order of Site.Recent
}

// buildTaxonomies groups the regular pages by each taxonomy's terms. Terms
// that differ only in case or spacing are one term; the first name seen wins.
func (s *Site) buildTaxonomies() {
	for singular, plural := range s.Config.Taxonomies {
		tax := &Taxonomy{Name: plural, Singular: singular, URL: "/" + plural + "/", byKey: map[string]*Term{}}
		for _, p := range s.Pages {
			if p.Src == nil || p.Kind != KindPage {
				continue
			}
			for _, name := range p.Src.Meta.Terms[plural] {
				key := TermSlug(name)
				if key == "" {
					continue
				}
				t := tax.byKey[key]
				if t == nil {
					u := tax.URL + key + "/"
					t = &Term{Taxonomy: tax, Name: name, URL: u, OutFile: outFile(u)}
					tax.byKey[key] = t
					tax.Terms = append(tax.Terms, t)
				}
				if p.Terms == nil {
					p.Terms = map[string][]*Term{}
				}
				p.Terms[plural] = append(p.Terms[plural], t)
			}
		}
		// Filling the terms from the pages in the order of Recent lists
		// each term's pages in it, as sorting each list would, without a sort.
		for _, p := range s.byAge {
			for _, t := range p.Terms[plural] {
				t.Pages = append(t.Pages, p)
			}
		}
		sort.Slice(tax.Terms, func(i, j int) bool { return tax.Terms[i].URL < tax.Terms[j].URL })
		s.known[tax.URL] = true
		for _, t := range tax.Terms {
			s.known[t.URL] = true
		}
		s.Taxonomies = append(s.Taxonomies, tax)
	}
	sort.Slice(s.Taxonomies, func(i, j int) bool { return s.Taxonomies[i].Name < s.Taxonomies[j].Name })
}

// TermSlug turns a term into its URL segment: lower case, letters and
// digits of any script kept, everything else folded into single hyphens.
func TermSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// maxTermScan bounds how many pages of one term are scored, so relating
// stays linear in the site's size when a term is on thousands of pages.
const maxTermScan = 256

// relate picks up to n related pages for each regular page: pages sharing
// terms, rarer terms counting more, ties broken by date and title. Pages are
// scored on all cores, each worker with its own score array.
func (s *Site) relate(n int) {
	if n <= 0 {
		return
	}
	regular := s.Regular()
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
			p.Related = topRelated(regular, scores, rank, touched, int32(i), n)
			for _, j := range touched {
				scores[j] = 0
			}
			touched = touched[:0]
		}
	})
}

// topRelated keeps the n best-scoring pages by insertion into a short list.
func topRelated(regular []*Page, scores []float64, rank, touched []int32, self int32, n int) []*Page {
	best := make([]int32, 0, n+1)
	better := func(a, b int32) bool {
		if scores[a] != scores[b] {
			return scores[a] > scores[b]
		}
		return rank[a] < rank[b]
	}
	for _, j := range touched {
		if j == self || scores[j] == 0 {
			continue
		}
		if len(best) == n && !better(j, best[n-1]) {
			continue
		}
		k := len(best)
		best = append(best, j)
		for k > 0 && better(j, best[k-1]) {
			best[k] = best[k-1]
			k--
		}
		best[k] = j
		if len(best) > n {
			best = best[:n]
		}
	}
	out := make([]*Page, len(best))
	for i, j := range best {
		out[i] = regular[j]
	}
	return out
}
