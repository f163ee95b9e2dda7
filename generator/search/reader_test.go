package search

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
)

// index is a Go reader of the files Build writes, used by the tests to
// check what the browser will find. It decodes shards the same way
// search-engine.js does.
type index struct {
	t        testing.TB
	files    map[string][]byte
	manifest Manifest
	fetched  map[string]bool // files read so far, as a browser would fetch them
}

func openIndex(t testing.TB, files []File) *index {
	t.Helper()
	ix := &index{t: t, files: map[string][]byte{}, fetched: map[string]bool{}}
	for _, f := range files {
		ix.files[f.Path] = f.Data
	}
	if err := json.Unmarshal(ix.files[ManifestPath], &ix.manifest); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return ix
}

func (ix *index) read(path string, zipped bool) []byte {
	ix.t.Helper()
	data, ok := ix.files[path]
	if !ok {
		ix.t.Fatalf("missing file %s", path)
	}
	ix.fetched[path] = true
	if !zipped || len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data // stored plain; the browser checks the same magic bytes
	}
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		ix.t.Fatalf("%s: %v", path, err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		ix.t.Fatalf("%s: %v", path, err)
	}
	return out
}

// decoder reads what encoder wrote.
type decoder struct {
	buf []byte
	err error
}

func (d *decoder) uvarint() int {
	x, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.err = fmt.Errorf("bad varint")
		d.buf = nil
		return 0
	}
	d.buf = d.buf[n:]
	return int(x)
}

func (d *decoder) str() string {
	n := d.uvarint()
	if n > len(d.buf) {
		d.err = fmt.Errorf("string too long")
		d.buf = nil
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *decoder) suffix(prev string) string {
	n := d.uvarint()
	if n > len(prev) {
		d.err = fmt.Errorf("prefix too long")
		return ""
	}
	return prev[:n] + d.str()
}

func (d *decoder) docList() []uint32 {
	n := d.uvarint()
	out := make([]uint32, 0, min(n, len(d.buf)))
	last := 0
	for range n {
		last += d.uvarint()
		out = append(out, uint32(last))
	}
	return out
}

func decodeShard(data []byte) ([]*term, error) {
	d := &decoder{buf: data}
	n := d.uvarint()
	var out []*term
	prev := ""
	for range n {
		t := &term{stem: d.suffix(prev)}
		prev = t.stem
		for range d.uvarint() {
			t.surfaces = append(t.surfaces, d.suffix(t.stem))
		}
		t.docs = d.docList()
		if len(t.docs) > len(d.buf) {
			return nil, fmt.Errorf("scores cut short")
		}
		t.scores = append([]uint8(nil), d.buf[:len(t.docs)]...)
		d.buf = d.buf[len(t.docs):]
		if d.err != nil {
			return nil, d.err
		}
		out = append(out, t)
	}
	return out, d.err
}

// shardsFor returns the shard hashes whose key range holds word.
func (ix *index) shardsFor(word string) []string {
	var out []string
	for _, s := range ix.manifest.Shards {
		if s[0] <= word && word <= s[1] {
			out = append(out, s[2])
		}
	}
	return out
}

// lookup returns the term a folded query word matches exactly (by stem or
// by surface), fetching only the shards whose range holds it.
func (ix *index) lookup(word string) *term {
	stem := Stem(word)
	for _, key := range []string{word, stem} {
		for _, h := range ix.shardsFor(key) {
			terms, err := decodeShard(ix.read(shardDir+h+".bin", true))
			if err != nil {
				ix.t.Fatalf("shard %s: %v", h, err)
			}
			for _, t := range terms {
				if t.stem == stem {
					return t
				}
			}
		}
	}
	return nil
}

// search ANDs the words of q and returns page URLs, best first.
func (ix *index) search(q string) []string {
	var words []string
	Tokenize(q, func(w []byte, cjk bool) {
		if cjk || !IsStopWord(string(w)) {
			words = append(words, string(w))
		}
	})
	var score map[uint32]int
	for _, w := range words {
		t := ix.lookup(w)
		if t == nil {
			return nil
		}
		next := map[uint32]int{}
		for i, d := range t.docs {
			if old, ok := score[d]; ok || score == nil {
				next[d] = old + int(t.scores[i])
			}
		}
		score = next
	}
	ids := make([]uint32, 0, len(score))
	for d := range score {
		ids = append(ids, d)
	}
	sort.Slice(ids, func(i, j int) bool {
		if score[ids[i]] != score[ids[j]] {
			return score[ids[i]] > score[ids[j]]
		}
		return ids[i] < ids[j]
	})
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = ix.fragment(id).URL
	}
	return out
}

// fragment reads page id's fragment from the folder the manifest names
// for its chunk, as the browser does.
func (ix *index) fragment(id uint32) fragment {
	chunk := int(id) / ix.manifest.Chunk
	path := fragmentPath(ix.manifest.Frags[chunk], int(id))
	var f fragment
	if err := json.Unmarshal(ix.read(path, true), &f); err != nil {
		ix.t.Fatalf("fragment %s: %v", path, err)
	}
	return f
}

func (ix *index) fetchedShards() int {
	n := 0
	for p := range ix.fetched {
		if strings.HasPrefix(p, shardDir) {
			n++
		}
	}
	return n
}
