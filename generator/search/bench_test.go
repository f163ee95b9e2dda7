package search

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// benchDocs makes n pages of about 1000 Zipf-distributed words each.
func benchDocs(n int) []Doc {
	rng := rand.New(rand.NewSource(3))
	zipf := rand.NewZipf(rng, 1.1, 2, 15000)
	vocab := make([]string, 15001)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("%sing%d", strings.Repeat("w", 1+i%5), i)
	}
	docs := make([]Doc, n)
	for i := range docs {
		var secs []Section
		for s := range 8 {
			var b strings.Builder
			for range 125 {
				b.WriteString(vocab[zipf.Uint64()])
				b.WriteByte(' ')
			}
			secs = append(secs, Section{ID: fmt.Sprintf("s%d", s), Title: "Section heading words", Level: 2, Text: b.String()})
		}
		docs[i] = Doc{URL: fmt.Sprintf("/p/%d/", i), Title: "A page title here", TypeTitle: "Guide",
			Tags: []string{"tag"}, Teams: []string{"Sales"}, Sections: secs}
	}
	return docs
}

func BenchmarkBuild1k(b *testing.B) {
	docs := benchDocs(1000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(docs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild10k(b *testing.B) {
	docs := benchDocs(10000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(docs); err != nil {
			b.Fatal(err)
		}
	}
}
