package search

import (
	"errors"
	"testing"
)

// TestWriteOrder checks that Write streams every file once, fragments
// before the manifest, and the manifest last, naming only files already
// written.
func TestWriteOrder(t *testing.T) {
	docs := bigCorpus(600)
	var paths []string
	seen := map[string]bool{}
	err := Write(docs, func(f File) error {
		if seen[f.Path] {
			t.Errorf("Write emitted %s twice", f.Path)
		}
		seen[f.Path] = true
		paths = append(paths, f.Path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if last := paths[len(paths)-1]; last != ManifestPath {
		t.Fatalf("last file = %s; want the manifest", last)
	}
	built, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(built) != len(paths) {
		t.Fatalf("Write emitted %d files, Build returned %d", len(paths), len(built))
	}
	ix := openIndex(t, built)
	for _, s := range ix.manifest.Shards {
		if !seen[shardDir+s[2]+".bin"] {
			t.Errorf("manifest names shard %s, which was not written", s[2])
		}
	}
	for id := range docs {
		if p := fragmentPath(ix.manifest.Frags[id/pagesPerChunk], id); !seen[p] {
			t.Errorf("fragment of page %d (%s) was not written", id, p)
		}
	}
}

// TestWriteStopsOnError checks that the first error of emit is returned
// and that the manifest is not written after it.
func TestWriteStopsOnError(t *testing.T) {
	boom := errors.New("disk full")
	calls := 0
	err := Write(bigCorpus(600), func(f File) error {
		calls++
		if f.Path == ManifestPath {
			t.Error("the manifest was written after an error")
		}
		if calls == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Write = %v; want %v", err, boom)
	}
	if calls != 3 {
		t.Errorf("emit was called %d times; want it to stop after the error (3)", calls)
	}
}

// TestFragmentFoldersCache checks that changing one page renames only its
// own chunk's folder: the others stay cached in browsers.
func TestFragmentFoldersCache(t *testing.T) {
	docs := bigCorpus(3 * pagesPerChunk)
	before := mustBuild(t, docs).manifest.Frags
	docs[pagesPerChunk+5].Title = "A changed title"
	after := mustBuild(t, docs).manifest.Frags
	if len(before) != 3 || len(after) != 3 {
		t.Fatalf("got %d and %d chunks; want 3", len(before), len(after))
	}
	for i, want := range []bool{false, true, false} {
		if changed := before[i] != after[i]; changed != want {
			t.Errorf("chunk %d changed = %v; want %v", i, changed, want)
		}
	}
	ix := mustBuild(t, docs)
	if got := ix.fragment(pagesPerChunk + 5).Title; got != "A changed title" {
		t.Errorf("fragment title = %q", got)
	}
}
