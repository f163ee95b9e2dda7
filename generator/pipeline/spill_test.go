package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestSpillKeepsEveryPage writes pages' HTML from many goroutines and reads
// each back intact, and leaves no file in the temporary folder.
func TestSpillKeepsEveryPage(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s := openSpill()
	if s == nil {
		t.Fatal("openSpill returned nil")
	}
	pages := make([][]byte, 200)
	spans := make([]spillSpan, len(pages))
	var wg sync.WaitGroup
	for i := range pages {
		pages[i] = bytes.Repeat([]byte(fmt.Sprintf("<p>page %d</p>", i)), i+1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ok bool
			if spans[i], ok = s.put(pages[i]); !ok {
				t.Errorf("put %d failed", i)
			}
		}()
	}
	wg.Wait()
	for i, want := range pages {
		got, err := s.get(spans[i])
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("page %d: got %d bytes (%v), want %d", i, len(got), err, len(want))
		}
	}
	s.Close()
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
