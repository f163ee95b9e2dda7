package site

import (
	"sort"
	"strings"
	"sync"
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
// Each taxonomy is grouped on a goroutine of its own; the pages' terms
// and the known URLs are filled in after.
func (s *Site) buildTaxonomies() {
	plurals := make([]string, 0, len(s.Config.Taxonomies))
	singulars := map[string]string{}
	for singular, plural := range s.Config.Taxonomies {
		plurals = append(plurals, plural)
		singulars[plural] = singular
	}
	sort.Strings(plurals)
	s.Taxonomies = make([]*Taxonomy, len(plurals))
	terms := make([][][]*Term, len(plurals)) // taxonomy → page (in s.Pages) → its terms
	var wg sync.WaitGroup
	for k, plural := range plurals {
		wg.Go(func() { s.Taxonomies[k], terms[k] = s.groupBy(plural, singulars[plural]) })
	}
	wg.Wait()
	for k, tax := range s.Taxonomies {
		for i, ts := range terms[k] {
			if len(ts) == 0 {
				continue
			}
			p := s.Pages[i]
			if p.Terms == nil {
				p.Terms = map[string][]*Term{}
			}
			p.Terms[tax.Name] = ts
		}
		s.known[tax.URL] = true
		for _, t := range tax.Terms {
			s.known[t.URL] = true
		}
	}
}

// groupBy groups the regular pages by the terms of taxonomy plural: it
// returns the taxonomy and each page's terms, by the page's place in
// s.Pages (see Index).
func (s *Site) groupBy(plural, singular string) (*Taxonomy, [][]*Term) {
	tax := &Taxonomy{Name: plural, Singular: singular, URL: "/" + plural + "/", byKey: map[string]*Term{}}
	terms := make([][]*Term, len(s.Pages))
	slugs := map[string]string{} // a name is on many pages: slug it once
	for i, p := range s.Pages {
		if p.Src == nil || p.Kind != KindPage {
			continue
		}
		for _, name := range p.Src.Meta.Terms[plural] {
			key, ok := slugs[name]
			if !ok {
				key = TermSlug(name)
				slugs[name] = key
			}
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
			terms[i] = append(terms[i], t)
		}
	}
	// Filling the terms from the pages in the order of Recent lists
	// each term's pages in it, as sorting each list would, without a sort.
	for _, p := range s.byAge {
		i, _ := s.Index(p) // every page of Recent is in Pages
		for _, t := range terms[i] {
			t.Pages = append(t.Pages, p)
		}
	}
	sort.Slice(tax.Terms, func(i, j int) bool { return tax.Terms[i].URL < tax.Terms[j].URL })
	return tax, terms
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
