package site

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
)

// memoSite is a site of generated pages sharing a few tags and teams, big
// enough that common terms have more pages than relate scans.
type memoSite struct {
	rng   *rand.Rand
	pages map[string]string // source path → source
	next  int
}

var dateLine = regexp.MustCompile(`date = \S+`)

func newMemoSite(seed uint64, n int) *memoSite {
	s := &memoSite{rng: rand.New(rand.NewPCG(seed, 1)), pages: map[string]string{}}
	for range n {
		s.add(true)
	}
	return s
}

// source makes a page with random terms (none when !terms) and one of a
// few dates, so that pages tie on dates and scores.
func (s *memoSite) source(title string, terms bool) string {
	tags, teams := "", ""
	if terms {
		for k := range s.rng.IntN(4) {
			tags += fmt.Sprintf("%q, ", fmt.Sprint("tag", (s.rng.IntN(7)+k)%7))
		}
		for range s.rng.IntN(3) {
			teams += fmt.Sprintf("%q, ", fmt.Sprint("team", s.rng.IntN(2)))
		}
	}
	return fmt.Sprintf("+++\ntitle = %q\ndate = 2026-01-%02d\ntags = [%s]\nteams = [%s]\n+++\n", title, 1+s.rng.IntN(5), tags, teams)
}

func (s *memoSite) add(terms bool) {
	s.next++
	s.pages[fmt.Sprintf("s%d/p%04d.md", s.next%3, s.next)] = s.source(fmt.Sprint("Page ", s.next), terms)
}

// some returns a random page's path.
func (s *memoSite) some() string {
	paths := make([]string, 0, len(s.pages))
	for p := range s.pages {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths[s.rng.IntN(len(paths))]
}

func (s *memoSite) model(t *testing.T, prev *Site) *Site {
	t.Helper()
	cfg := config.Default()
	cfg.Taxonomies = map[string]string{"tag": "tags", "team": "teams"}
	tree := &content.Tree{}
	for path, src := range s.pages {
		pg, diags := content.Parse(path, []byte(src), cfg)
		if pg == nil {
			t.Fatal(diags)
		}
		tree.Pages = append(tree.Pages, pg)
	}
	slices.SortFunc(tree.Pages, func(a, b *content.Page) int { return compareFold(a.Path, b.Path) })
	m, _ := New(tree, cfg, Options{Previous: prev, Followed: true})
	m.relating.Wait()
	return m
}

// TestRelatedMemoMatchesScoring makes random edits to a site of 700
// pages (the teams on more than relate scans) and checks after each that a model built with the previous one
// relates every page exactly as one built from scratch, and that a page
// added without terms lets most pages keep their choice.
func TestRelatedMemoMatchesScoring(t *testing.T) {
	for seed := range uint64(2) {
		s := newMemoSite(seed, 700)
		prev := s.model(t, nil)
		edits := []struct {
			name string
			do   func()
		}{
			{"add without terms", func() { s.add(false) }},
			{"add", func() { s.add(true) }},
			{"delete", func() { delete(s.pages, s.some()) }},
			{"retag", func() { p := s.some(); s.pages[p] = s.source("Retagged "+p, true) }},
			{"rename", func() { p := s.some(); s.pages["moved/"+p] = s.pages[p]; delete(s.pages, p) }},
			{"redate", func() {
				p := s.some()
				s.pages[p] = dateLine.ReplaceAllString(s.pages[p], fmt.Sprintf("date = 2026-01-%02d", 1+s.rng.IntN(5)))
			}},
		}
		for step := range 30 {
			e := edits[s.rng.IntN(len(edits))]
			if step%5 == 0 {
				e = edits[0]
			}
			e.do()
			again := s.model(t, prev)
			fresh := s.model(t, nil)
			want, got := relatedOf(fresh), relatedOf(again)
			for path, rel := range want {
				if !slices.Equal(got[path], rel) {
					t.Fatalf("seed %d, step %d (%s): %s relates to %v with the previous model, %v from scratch", seed, step, e.name, path, got[path], rel)
				}
			}
			if len(got) != len(want) {
				t.Fatalf("seed %d, step %d (%s): %d pages have related pages with the previous model, %d from scratch", seed, step, e.name, len(got), len(want))
			}
			if e.name == "add without terms" {
				if kept := keptChoices(prev, again); kept < len(again.Regular())/2 {
					t.Errorf("seed %d, step %d: a page added without terms kept %d choices of %d", seed, step, kept, len(again.Regular()))
				}
			}
			prev = again
		}
	}
}

// keptChoices counts the pages of now whose related pages were taken over
// from prev's memo.
func keptChoices(prev, now *Site) int {
	kept := 0
	for path, mp := range now.relatedMemo.pages {
		if prev.relatedMemo != nil && prev.relatedMemo.pages[path] == mp {
			kept++
		}
	}
	return kept
}

func TestSameOrder(t *testing.T) {
	for _, c := range []struct {
		a, b []string
		want bool
	}{
		{nil, nil, true},
		{[]string{"a", "b"}, []string{"a", "b"}, true},
		{[]string{"a", "b"}, []string{"x", "a", "y", "b"}, true},
		{[]string{"a", "z", "b"}, []string{"a", "b"}, true},
		{[]string{"a", "b"}, []string{"b", "a"}, false},
		{[]string{"a", "b", "c"}, []string{"a", "c", "b", "x"}, false},
	} {
		if got := sameOrder(c.a, c.b); got != c.want {
			t.Errorf("sameOrder(%v, %v) = %v; want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestRelatedMemoTieOrder checks that a page's choice is made again when
// two of its candidates that tie swap places in the recent order,
// although the pages each of its terms scans stay the same.
func TestRelatedMemoTieOrder(t *testing.T) {
	s := &memoSite{pages: map[string]string{
		"p.md": "+++\ntitle = \"P\"\ndate = 2026-01-10\ntags = [\"x\", \"y\"]\n+++\n",
		"a.md": "+++\ntitle = \"A\"\ndate = 2026-01-05\ntags = [\"x\"]\n+++\n",
		"b.md": "+++\ntitle = \"B\"\ndate = 2026-01-04\ntags = [\"y\"]\n+++\n",
	}}
	prev := s.model(t, nil)
	if got := relatedOf(prev)["p.md"]; !slices.Equal(got, []string{"a.md", "b.md"}) {
		t.Fatalf("before: p relates to %v; want [a.md b.md] (a tie, the newer first)", got)
	}
	s.pages["a.md"] = "+++\ntitle = \"A\"\ndate = 2026-01-03\ntags = [\"x\"]\n+++\n"
	if got := relatedOf(s.model(t, prev))["p.md"]; !slices.Equal(got, []string{"b.md", "a.md"}) {
		t.Errorf("after a is dated older than b: p relates to %v; want [b.md a.md]", got)
	}
}

// TestRelatedMemoWeightsReorder adds pages without terms until the page
// count reorders a page's choice: a candidate sharing one rare term
// overtakes candidates sharing two common ones (the weights grow with
// the page count, a common term's faster). Built with the previous model,
// every step must relate as a build from scratch.
func TestRelatedMemoWeightsReorder(t *testing.T) {
	s := &memoSite{pages: map[string]string{
		"p.md": "+++\ntitle = \"P\"\ndate = 2026-01-10\ntags = [\"rare\", \"common\", \"usual\"]\n+++\n",
		"a.md": "+++\ntitle = \"A\"\ndate = 2026-01-01\ntags = [\"rare\"]\n+++\n",
	}}
	for i := range 18 {
		s.pages[fmt.Sprintf("c%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"C%02d\"\ndate = 2026-01-05\ntags = [\"common\", \"usual\"]\n+++\n", i)
	}
	filler := 0
	fill := func(n int) {
		for range n {
			filler++
			s.pages[fmt.Sprintf("f/%04d.md", filler)] = fmt.Sprintf("+++\ntitle = \"F%04d\"\ndate = 2026-01-02\n+++\n", filler)
		}
	}
	prev := s.model(t, nil)
	first := relatedOf(prev)["p.md"]
	reordered := false
	for step := range 40 {
		fill(10)
		again, fresh := s.model(t, prev), s.model(t, nil)
		want, got := relatedOf(fresh)["p.md"], relatedOf(again)["p.md"]
		if !slices.Equal(got, want) {
			t.Fatalf("step %d (%d pages): p relates to %v with the previous model, %v from scratch", step, len(s.pages), got, want)
		}
		reordered = reordered || !slices.Equal(want, first)
		prev = again
	}
	if !reordered {
		t.Errorf("p relates to %v throughout: the page count never reordered its choice", first)
	}
}

// TestSubsetScores checks that the table of mask scores holds exactly the
// sums maskScore makes, as relate sums them.
func TestSubsetScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var table []float64
	for n := range maxMemoTerms + 1 {
		weights := make([]float64, n)
		for k := range weights {
			weights[k] = rng.Float64() * 10
		}
		scores := subsetScores(weights, &table)
		for m := range uint64(1) << n {
			if scores[m] != maskScore(m, weights) {
				t.Fatalf("%d terms, mask %b: table %v, sum %v", n, m, scores[m], maskScore(m, weights))
			}
		}
	}
}

// TestRelatedMemoOnlyWhenFollowed checks that a model no build follows
// (a one-off build) keeps nothing of how it related its pages.
func TestRelatedMemoOnlyWhenFollowed(t *testing.T) {
	s := newMemoSite(1, 50)
	tree, cfg := &content.Tree{}, config.Default()
	for path, src := range s.pages {
		pg, _ := content.Parse(path, []byte(src), cfg)
		tree.Pages = append(tree.Pages, pg)
	}
	alone, _ := New(tree, cfg, Options{})
	followed, _ := New(tree, cfg, Options{Followed: true})
	alone.relating.Wait()
	followed.relating.Wait()
	if alone.relatedMemo != nil {
		t.Error("a model no build follows keeps its related pages' memo")
	}
	if followed.relatedMemo == nil || len(followed.relatedMemo.pages) == 0 {
		t.Error("a followed model keeps no memo of its related pages")
	}
}
