package search

import (
	"errors"
	"math/rand"
	"sort"
	"strings"
	"sync"
	"testing"
)

// indexConcurrently adds docs to a new Indexer from several goroutines in
// the given order and returns the files it emitted, sorted by path.
func indexConcurrently(t *testing.T, docs []Doc, order []int) []File {
	t.Helper()
	urls := make([]string, len(docs))
	for i := range docs {
		urls[i] = docs[i].URL
	}
	var (
		mu    sync.Mutex
		files []File
	)
	ix, err := NewIndexer(urls, func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := ix.Add(&docs[i]); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ix.Finish(); err != nil {
		t.Fatal(err)
	}
	if last := files[len(files)-1].Path; last != ManifestPath {
		t.Errorf("last file emitted = %s; want the manifest last", last)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}

// TestIndexerAnyOrderSameFiles adds pages in URL order, in random order and
// from several goroutines: the files must be those of Build.
func TestIndexerAnyOrderSameFiles(t *testing.T) {
	docs := bigCorpus(700) // three chunks of fragments
	want, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	order := rand.New(rand.NewSource(3)).Perm(len(docs))
	sameFiles(t, "Indexer", indexConcurrently(t, docs, order), want)
}

func TestIndexerEmitsAChunkOnceComplete(t *testing.T) {
	docs := bigCorpus(pagesPerChunk + 10)
	urls := make([]string, len(docs))
	for i := range docs {
		urls[i] = docs[i].URL
	}
	sort.Strings(urls)
	byURL := map[string]*Doc{}
	for i := range docs {
		byURL[docs[i].URL] = &docs[i]
	}
	emitted := 0
	ix, err := NewIndexer(urls, func(f File) error { emitted++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range urls[:pagesPerChunk] {
		if err := ix.Add(byURL[u]); err != nil {
			t.Fatal(err)
		}
		if i < pagesPerChunk-1 && emitted != 0 {
			t.Fatalf("%d files emitted after %d pages; want none before the chunk is complete", emitted, i+1)
		}
	}
	if emitted != pagesPerChunk {
		t.Errorf("%d files emitted once the first chunk was complete; want its %d fragments", emitted, pagesPerChunk)
	}
	if err := ix.Finish(); err == nil || !strings.Contains(err.Error(), "never added") {
		t.Errorf("Finish with 10 pages missing: err = %v; want an error naming pages never added", err)
	}
}

func TestIndexerErrors(t *testing.T) {
	if _, err := NewIndexer([]string{"/a/", "/a/"}, func(File) error { return nil }); err == nil {
		t.Error("NewIndexer accepted two pages with one URL")
	}
	ix, err := NewIndexer([]string{"/a/"}, func(File) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Add(&Doc{URL: "/b/"}); err == nil {
		t.Error("Add accepted a page that was not announced")
	}

	full := errors.New("disk full")
	calls := 0
	ix, err = NewIndexer([]string{"/a/", "/b/"}, func(File) error { calls++; return full })
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"/a/", "/b/"} {
		if err := ix.Add(&Doc{URL: u, Title: "Page"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Finish(); !errors.Is(err, full) {
		t.Errorf("Finish = %v; want the emit error", err)
	}
	if calls != 1 {
		t.Errorf("emit called %d times; want it to stop after its first error", calls)
	}
}
