package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/playbookhq/playbook/internal/parallel"
	"sort"
	"strconv"
	"sync"
)

// Paths of the index files, relative to the site root. Only the manifest
// has a fixed name; every other file is named after its content (a
// fragment after the content of its chunk of pages).
const (
	Dir          = "search/"
	ManifestPath = Dir + "manifest.json"
	shardDir     = Dir + "s/"
	fragmentDir  = Dir + "f/"
	facetDir     = Dir + "facets/"
)

// pagesPerChunk is how many pages share one fragment folder name.
const pagesPerChunk = 256

// FormatVersion changes whenever a file format changes.
const FormatVersion = 2

// Manifest is the small file the browser reads first.
type Manifest struct {
	Version int         `json:"v"`
	Docs    int         `json:"n"`
	Chunk   int         `json:"chunk"`           // pages per fragment folder
	Shards  [][3]string `json:"shards"`          // [lowest key, highest key, file hash]
	Frags   []string    `json:"frags"`           // fragment folder per chunk of pages
	Facets  string      `json:"facets"`          // facet file hash
	Lists   []int       `json:"lists,omitempty"` // ids of list pages (Doc.List), ascending
}

// fragmentPath is where page id's fragment lives: the folder is named after
// the content of all fragments of its chunk, the file after the page id,
// so the browser needs nothing but the manifest to find it.
func fragmentPath(chunkHash string, id int) string {
	return fragmentDir + chunkHash + "/" + strconv.Itoa(id) + ".bin"
}

// Build indexes docs and returns the files to write, sorted by path.
// Deterministic: same docs (in any order) → byte-identical files. Pages
// are numbered in URL order. Write does the same without holding every
// file in memory.
func Build(docs []Doc) ([]File, error) {
	var files []File
	err := Write(docs, func(f File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// Write indexes docs and passes every file to emit as soon as it is ready:
// page fragments chunk by chunk while the terms are analysed, then the
// shards and facets, and the manifest last (so a reader never sees a
// manifest naming missing files). emit is called from one goroutine at a
// time; its first error stops the writing and is returned.
func Write(docs []Doc, emit func(File) error) error {
	urls := make([]string, len(docs))
	for i := range docs {
		urls[i] = docs[i].URL
	}
	var mu sync.Mutex
	// The first error stops the indexing too: a caller who drops the
	// index (the live preview, when an edit needs a full build) does not
	// wait for every remaining page to be analysed.
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var failed error // emit's first error
	ix, err := NewIndexer(urls, func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		err := emit(f)
		if err != nil && failed == nil {
			failed = err
			stop()
		}
		return err
	})
	if err != nil {
		return err
	}
	order := make([]int, len(docs)) // by doc id, i.e. URL order: chunks complete one after another
	for i := range docs {
		order[ix.ids[docs[i].URL]] = i
	}
	errs := make([]error, len(docs))
	parallel.For(ctx, len(docs), func(_, i int) { errs[i] = ix.Add(&docs[order[i]]) })
	if failed != nil { // every Add has returned: read without the lock
		return failed
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ix.Finish()
}

func encodeManifest(m Manifest) ([]byte, error) {
	if m.Shards == nil {
		m.Shards = [][3]string{}
	}
	if m.Frags == nil {
		m.Frags = []string{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("search: encode manifest: %w", err)
	}
	return b.Bytes(), nil
}
