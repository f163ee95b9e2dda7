package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestSampleSiteBuildsByteIdentical builds the repository's sample site
// several times: every build must write the same files with the same bytes
// (map iteration or goroutine scheduling must never leak into the output;
// related pages once did, through a floating-point sum over a map).
func TestSampleSiteBuildsByteIdentical(t *testing.T) {
	const builds = 4
	var first map[string][]byte
	for i := range builds {
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), Options{Source: filepath.Join("..", ".."), Destination: dest, Quiet: true}); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		files := readTree(t, dest)
		if first == nil {
			first = files
			continue
		}
		for name, data := range files {
			if want, ok := first[name]; !ok {
				t.Errorf("build %d wrote %s, build 1 did not", i+1, name)
			} else if !bytes.Equal(data, want) {
				t.Errorf("build %d wrote %s differently from build 1", i+1, name)
			}
		}
		if len(files) != len(first) {
			t.Errorf("build %d wrote %d files, build 1 wrote %d", i+1, len(files), len(first))
		}
	}
}

// TestCancelledBuildLeavesDestination cancels a build of the sample site
// at once: the error says so and the previous output is left untouched.
func TestCancelledBuildLeavesDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	src := filepath.Join("..", "..")
	if _, err := Build(context.Background(), Options{Source: src, Destination: dest, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, Options{Source: src, Destination: dest, Quiet: true}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: err = %v; want context.Canceled", err)
	}
	after := readTree(t, dest)
	if len(after) != len(before) {
		t.Fatalf("cancelled build left %d files; want the %d of the previous build", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("cancelled build changed %s", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("next to the destination after a cancelled build: %d entries; want no staging folder left", len(entries))
	}
}
