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

// TestVocabRecentWords checks that lookups answered by the recent words
// agree with the table, for short, 16-byte, long and stop words whose
// slots collide again and again.
func TestVocabRecentWords(t *testing.T) {
	var words [][]byte
	for i := range 30000 {
		words = append(words, []byte(fmt.Sprintf("w%x", i*7919)))
	}
	words = append(words, []byte("the"), []byte("and"), []byte("abcdefghijklmnop"), []byte("abcdefghijklmnopq"), []byte("pipelines"))
	v, plain := newVocab(), newVocab()
	for round := range 3 {
		for _, w := range words {
			id, ok := v.lookup(w, false)
			wantID, wantOK := plain.lookupTable(w, false)
			if ok != wantOK || ok && id != wantID {
				t.Fatalf("round %d: lookup(%q) = %d, %v; the table says %d, %v", round, w, id, ok, wantID, wantOK)
			}
		}
	}
}
