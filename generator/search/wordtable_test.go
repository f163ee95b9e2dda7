package search

import (
	"fmt"
	"testing"
)

// TestWordTableMatchesAMap stores enough words to grow the table several
// times and checks every one, and some absent ones, against a map.
func TestWordTableMatchesAMap(t *testing.T) {
	tab := newWordTable()
	want := map[string]uint32{}
	for i := range 20000 {
		w := fmt.Sprintf("w%x", i*7919)
		if _, ok := tab.get([]byte(w)); ok {
			t.Fatalf("get(%q) found a word never stored", w)
		}
		tab.put([]byte(w), uint32(i))
		want[w] = uint32(i)
	}
	for w, id := range want {
		if got, ok := tab.get([]byte(w)); !ok || got != id {
			t.Fatalf("get(%q) = %d, %v; want %d, true", w, got, ok, id)
		}
	}
	for _, w := range []string{"absent", "w", "w0x", "W0", "w0-and-more"} {
		if _, ok := tab.get([]byte(w)); ok {
			t.Errorf("get(%q) found a word never stored", w)
		}
	}
}

// BenchmarkVocabLookup looks up Zipf-distributed words, most of them
// already known, as the tokenizer does.
func BenchmarkVocabLookup(b *testing.B) {
	docs := benchDocs(20)
	var words [][]byte
	for _, d := range docs {
		for _, s := range d.Sections {
			Tokenize(s.Text, func(w []byte, _ bool) { words = append(words, append([]byte(nil), w...)) })
		}
	}
	v := newVocab()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			v.lookup(w, false)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
