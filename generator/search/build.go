package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/playbookhq/playbook/generator/diag"
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
	Chunk   int         `json:"chunk"`  // pages per fragment folder
	Shards  [][3]string `json:"shards"` // [lowest key, highest key, file hash]
	Frags   []string    `json:"frags"`  // fragment folder per chunk of pages
	Facets  string      `json:"facets"` // facet file hash
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
// time; its first error stops the work and is returned.
func Write(docs []Doc, emit func(File) error) error {
	sorted, err := sortDocs(docs)
	if err != nil {
		return err
	}
	out := newSink()
	m := Manifest{Version: FormatVersion, Docs: len(sorted), Chunk: pagesPerChunk}
	var fragErr error
	done := make(chan struct{}, 2)
	go func() {
		m.Frags, fragErr = writeFragments(sorted, out)
		done <- struct{}{}
	}()
	go func() {
		m.Shards, m.Facets = writeTerms(sorted, out)
		done <- struct{}{}
	}()
	go func() {
		<-done
		<-done
		close(out.files)
	}()
	if err := out.drain(emit); err != nil {
		return err
	}
	if fragErr != nil {
		return fmt.Errorf("search: encode page fragment: %w", fragErr)
	}
	data, err := encodeManifest(m)
	if err != nil {
		return err
	}
	return emit(File{Path: ManifestPath, Data: data})
}

// writeTerms analyses, scores and shards the terms and sends the shard and
// facet files; it returns the manifest's shard table and facet hash.
func writeTerms(docs []*Doc, out *sink) ([][3]string, string) {
	pages, vocabs := analyzeAll(docs)
	shards := shardTerms(merge(pages, vocabs))
	table := make([][3]string, 0, len(shards))
	for _, s := range shards {
		table = append(table, [3]string{s.lo, s.hi, s.name})
		out.send(File{Path: shardDir + s.name + ".bin", Data: s.data})
	}
	facets := encodeFacets(docs)
	name := contentHash(facets)
	out.send(File{Path: facetDir + name + ".bin", Data: facets})
	return table, name
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
