package search

import (
	"fmt"
	"sort"
	"sync"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/internal/parallel"
)

// Indexer builds the index while pages are still being rendered. Add
// reduces one page to its scoring postings and facet labels and encodes its
// fragment, so the page's text can be dropped right away; a chunk's
// fragments are emitted as soon as its last page is added (adding pages in
// URL order keeps about one chunk in memory). Finish writes the shards, the
// facets and, last, the manifest. Same pages → byte-identical files, in
// whatever order and from however many goroutines they are added.
type Indexer struct {
	ids  map[string]int // URL → doc id (pages are numbered in URL order)
	accs chan *accumulator

	vocabs []*vocab
	pages  []analyzed
	facets []Doc // per doc id: only the fields facets read

	mu     sync.Mutex // guards chunks, frags and err
	chunks []pendingChunk
	frags  []string // fragment folder per chunk
	emit   func(File) error
	err    error
}

// pendingChunk holds the fragments of one chunk until all of them are in.
type pendingChunk struct {
	frags   [][]byte
	missing int
}

// NewIndexer prepares an index of the pages with these URLs (site-absolute,
// base path included). emit receives every file; it may be called from
// several goroutines at once (Add writes a completed chunk's fragments
// without holding up other pages), and its first error stops the writing.
func NewIndexer(urls []string, emit func(File) error) (*Indexer, error) {
	sorted := append([]string(nil), urls...)
	sort.Strings(sorted)
	ix := &Indexer{ids: make(map[string]int, len(sorted)), emit: emit}
	var errs diag.List
	for i, u := range sorted {
		if i > 0 && u == sorted[i-1] {
			errs = append(errs, diag.Errorf(diag.Pos{}, "search: two pages have the URL %q", u))
		}
		ix.ids[u] = i
	}
	if len(errs) > 0 {
		return nil, errs
	}
	workers := parallel.Workers()
	ix.accs = make(chan *accumulator, workers)
	for w := range workers {
		v := newVocab()
		ix.vocabs = append(ix.vocabs, v)
		ix.accs <- &accumulator{v: v, worker: w}
	}
	ix.pages = make([]analyzed, len(sorted))
	ix.facets = make([]Doc, len(sorted))
	for lo := 0; lo < len(sorted); lo += pagesPerChunk {
		n := min(pagesPerChunk, len(sorted)-lo)
		ix.chunks = append(ix.chunks, pendingChunk{frags: make([][]byte, n), missing: n})
	}
	ix.frags = make([]string, len(ix.chunks))
	return ix, nil
}

// Add indexes one page; d.URL must be one of the URLs given to NewIndexer,
// and each page is added once. Safe for concurrent use. Add keeps none of
// d's section text.
func (ix *Indexer) Add(d *Doc) error {
	id, ok := ix.ids[d.URL]
	if !ok {
		return fmt.Errorf("search: page %q was not announced to the indexer", d.URL)
	}
	frag := encodeFragment(d)
	a := <-ix.accs
	a.doc(d)
	ix.pages[id] = a.take()
	ix.accs <- a
	ix.facets[id] = Doc{TypeTitle: d.TypeTitle, Tags: d.Tags, Teams: d.Teams, Facets: d.Facets, List: d.List}
	ix.addFragment(id, frag)
	return nil
}

// addFragment stores a page's fragment and, when that completes its chunk,
// emits the chunk's fragments. The files are written outside the lock, so
// other pages are added while a chunk is being written.
func (ix *Indexer) addFragment(id int, frag []byte) {
	files := ix.completeChunk(id, frag)
	for _, f := range files {
		if err := ix.emit(f); err != nil {
			ix.fail(err)
			return
		}
	}
}

// completeChunk stores a page's fragment and returns its chunk's files
// when it was the chunk's last missing page.
func (ix *Indexer) completeChunk(id int, frag []byte) []File {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	c := &ix.chunks[id/pagesPerChunk]
	if c.frags[id%pagesPerChunk] != nil {
		return nil // added twice: the first one counts
	}
	c.frags[id%pagesPerChunk] = frag
	c.missing--
	if c.missing > 0 || ix.err != nil {
		return nil
	}
	name := chunkHash(c.frags)
	ix.frags[id/pagesPerChunk] = name
	lo := id - id%pagesPerChunk
	files := make([]File, len(c.frags))
	for i, f := range c.frags {
		files[i] = File{Path: fragmentPath(name, lo+i), Data: f}
	}
	c.frags = nil
	return files
}

// fail records the first error of emit.
func (ix *Indexer) fail(err error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.err == nil {
		ix.err = err
	}
}

// send passes f to emit unless an earlier emit failed; ix.mu is held.
func (ix *Indexer) send(f File) {
	if ix.err == nil {
		ix.err = ix.emit(f)
	}
}

// Finish scores and writes the terms, the facets and the manifest. Every
// announced page must have been added.
func (ix *Indexer) Finish() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for i, c := range ix.chunks {
		if c.missing > 0 {
			return fmt.Errorf("search: %d pages of chunk %d were never added", c.missing, i)
		}
	}
	m := Manifest{Version: FormatVersion, Docs: len(ix.pages), Chunk: pagesPerChunk, Frags: ix.frags}
	for id := range ix.facets {
		if ix.facets[id].List {
			m.Lists = append(m.Lists, id)
		}
	}
	for _, s := range shardTerms(merge(ix.pages, ix.vocabs)) {
		m.Shards = append(m.Shards, [3]string{s.lo, s.hi, s.name})
		ix.send(File{Path: shardDir + s.name + ".bin", Data: s.data})
	}
	facets := make([]*Doc, len(ix.facets))
	for i := range ix.facets {
		facets[i] = &ix.facets[i]
	}
	data := encodeFacets(facets)
	m.Facets = contentHash(data)
	ix.send(File{Path: facetDir + m.Facets + ".bin", Data: data})
	manifest, err := encodeManifest(m)
	if err != nil {
		return err
	}
	ix.send(File{Path: ManifestPath, Data: manifest})
	return ix.err
}
