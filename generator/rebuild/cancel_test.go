package rebuild

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// A build whose context is cancelled (the preview saw the next change, or
// is stopping) publishes nothing, leaves no staging folder, and the next
// build with the cancelled build's changes brings the output up to date.
func TestCancelledBuildsPublishNothing(t *testing.T) {
	root := newSite(t, typedSite)
	dest := filepath.Join(root, "public")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Loaded is the hook between the input and render stages: a change
	// arriving there cancels the full build.
	cancelOnLoad := false
	opts := pipeline.Options{Source: root, Destination: dest, InPlace: true, Loaded: func(int) {
		if cancelOnLoad {
			cancel()
		}
	}}
	b := newBuilder(t, opts)
	rebuild(t, b)
	b.index.Wait()
	before := readTree(t, dest)

	page := filepath.Join(root, "content/playbooks/a-first.md")
	src, _ := os.ReadFile(page)
	// A front matter edit takes a full build; a body edit a partial one.
	os.WriteFile(page, []byte(strings.Replace(string(src), "Text.", "Stale marker text.", 1)), 0o644)
	cancelOnLoad = true
	if _, err := b.Build(ctx, []string{"config.toml"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("full build cancelled while loading returned %v; want context.Canceled", err)
	}
	if _, err := b.Build(ctx, []string{"content/playbooks/a-first.md"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("partial build under a cancelled context returned %v; want context.Canceled", err)
	}
	if after := readTree(t, dest); !maps.EqualFunc(before, after, slices.Equal) {
		t.Error("a cancelled build changed the output")
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".staging-") {
			t.Errorf("a cancelled build left %s", e.Name())
		}
	}

	cancelOnLoad = false
	rebuild(t, b, "config.toml", "content/playbooks/a-first.md")
	mustContain(t, dest, "playbooks/a-first/index.html", "Stale marker text.")
}
