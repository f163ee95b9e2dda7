package search

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
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

// BenchmarkWriteBuiltSite indexes the pages of a site playbook has built,
// read back from its fragments: set PLAYBOOK_BENCH_PUBLIC to the output
// folder (for example of the 10k-page corpus). Tags, teams and type fields
// are not in the fragments, so the index is slightly smaller than the real one.
func BenchmarkWriteBuiltSite(b *testing.B) {
	dir := os.Getenv("PLAYBOOK_BENCH_PUBLIC")
	if dir == "" {
		b.Skip("set PLAYBOOK_BENCH_PUBLIC to a folder playbook built")
	}
	docs := docsFromFragments(b, dir)
	b.ResetTimer()
	for b.Loop() {
		size := 0
		err := Write(docs, func(f File) error {
			size += len(f.Data)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(size)/1e6, "MB")
	}
	b.ReportMetric(float64(len(docs)), "pages")
}

// docsFromFragments rebuilds the Docs of a built site from its index.
func docsFromFragments(b *testing.B, dir string) []Doc {
	var m Manifest
	data, err := os.ReadFile(filepath.Join(dir, ManifestPath))
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	if err != nil {
		b.Fatal(err)
	}
	ix := &index{t: b, files: map[string][]byte{}, fetched: map[string]bool{}, manifest: m}
	docs := make([]Doc, m.Docs)
	for id := range docs {
		p := fragmentPath(m.Frags[id/m.Chunk], id)
		if ix.files[p], err = os.ReadFile(filepath.Join(dir, p)); err != nil {
			b.Fatal(err)
		}
		f := ix.fragment(uint32(id))
		d := Doc{URL: f.URL, Title: f.Title, TypeTitle: f.Type, SectionPath: f.Path, Description: f.Desc}
		for _, s := range f.Sections {
			d.Sections = append(d.Sections, Section{ID: s[0], Title: s[1], Text: s[2]})
		}
		docs[id] = d
		delete(ix.files, p)
	}
	return docs
}
