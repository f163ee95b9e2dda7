package search

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/playbookhq/playbook/generator/diag"
)

// Paths of the index files, relative to the site root. Only the manifest
// has a fixed name; every other file is named after its content.
const (
	Dir          = "search/"
	ManifestPath = Dir + "manifest.json"
	shardDir     = Dir + "s/"
	pageDir      = Dir + "p/"
	fragmentDir  = Dir + "f/"
	facetDir     = Dir + "facets/"
)

// pagesPerChunk is how many pages one page table file covers.
const pagesPerChunk = 256

// FormatVersion changes whenever a file format changes.
const FormatVersion = 1

// Manifest is the small file the browser reads first.
type Manifest struct {
	Version int         `json:"v"`
	Docs    int         `json:"n"`
	Chunk   int         `json:"chunk"`  // pages per page-table file
	Shards  [][3]string `json:"shards"` // [lowest key, highest key, file hash]
	Pages   []string    `json:"pages"`  // page-table file hashes
	Facets  string      `json:"facets"` // facet file hash
}

// Build indexes docs and returns the files to write. Deterministic: same
// docs (in any order) → byte-identical files. Pages are numbered in URL
// order.
func Build(docs []Doc) ([]File, error) {
	sorted, err := sortDocs(docs)
	if err != nil {
		return nil, err
	}
	frags := make(chan fragResult, 1)
	go func() {
		data, err := encodeFragments(sorted)
		frags <- fragResult{data, err}
	}()
	pages, vocabs := analyzeAll(sorted)
	terms := merge(pages, vocabs)
	shards := shardTerms(terms)
	fr := <-frags
	if fr.err != nil {
		return nil, fmt.Errorf("search: encode page fragment: %w", fr.err)
	}
	return assemble(len(sorted), shards, fr.data, encodeFacets(sorted))
}

type fragResult struct {
	data [][]byte
	err  error
}

// sortDocs orders the docs by URL and rejects duplicate URLs.
func sortDocs(docs []Doc) ([]*Doc, error) {
	out := make([]*Doc, len(docs))
	for i := range docs {
		out[i] = &docs[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	var errs diag.List
	for i := 1; i < len(out); i++ {
		if out[i].URL == out[i-1].URL {
			errs = append(errs, diag.Errorf(diag.Pos{}, "search: two pages have the URL %q", out[i].URL))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// assemble names every file and writes the manifest.
func assemble(n int, shards []shard, frags [][]byte, facets []byte) ([]File, error) {
	m := Manifest{Version: FormatVersion, Docs: n, Chunk: pagesPerChunk, Shards: [][3]string{}, Pages: []string{}}
	var files []File
	for _, s := range shards {
		m.Shards = append(m.Shards, [3]string{s.lo, s.hi, s.name})
		files = append(files, File{Path: shardDir + s.name + ".bin", Data: s.data})
	}
	seen := map[string]bool{}
	var table []byte
	for i, f := range frags {
		name := contentHash(f)
		raw, _ := hex.DecodeString(name)
		table = append(table, raw...)
		if !seen[name] {
			seen[name] = true
			files = append(files, File{Path: fragmentDir + name + ".bin", Data: f})
		}
		if (i+1)%pagesPerChunk == 0 || i == len(frags)-1 {
			h := contentHash(table)
			m.Pages = append(m.Pages, h)
			if !seen[h] {
				seen[h] = true
				files = append(files, File{Path: pageDir + h + ".bin", Data: table})
			}
			table = nil
		}
	}
	m.Facets = contentHash(facets)
	files = append(files, File{Path: facetDir + m.Facets + ".bin", Data: facets})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("search: encode manifest: %w", err)
	}
	files = append(files, File{Path: ManifestPath, Data: b.Bytes()})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}
