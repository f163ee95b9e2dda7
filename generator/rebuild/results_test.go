package rebuild

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// TestRebuildRefreshesResultsPage edits a result of a sample case study
// and its title in the preview: the results page, results.csv and
// results.json then hold the new figures, as a full build writes them.
func TestRebuildRefreshesResultsPage(t *testing.T) {
	root := copySample(t)
	dest := filepath.Join(t.TempDir(), "preview")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true, Quiet: true})
	rebuild(t, b)
	rel := "content/case-studies/northwind-analytics.md"
	file := filepath.Join(root, rel)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range [][2]string{{"after = 31.0", "after = 44.0"}, {`title = "Northwind Analytics:`, `title = "Northwind Analytics (edited):`}} {
		if !bytes.Contains(src, []byte(edit[0])) {
			t.Fatalf("%s lacks %q: the sample changed", rel, edit[0])
		}
		src = bytes.Replace(src, []byte(edit[0]), []byte(edit[1]), 1)
	}
	writeFile(t, file, src)
	rebuild(t, b, rel)
	for name, want := range map[string]string{
		"case-studies/results/index.html": "Northwind Analytics (edited):",
		"case-studies/results.csv":        "MQL to SQL conversion,%,18,44,false,+26 pts",
		"case-studies/results.json":       `"change": "+26 pts"`,
	} {
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil || !bytes.Contains(got, []byte(want)) {
			t.Errorf("preview's %s lacks %q after the edit (%v)", name, want, err)
		}
	}
	full := filepath.Join(t.TempDir(), "full")
	if _, err := pipeline.Build(context.Background(), pipeline.Options{Source: root, Destination: full, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	compareOutputs(t, rel, readTree(t, full), readTree(t, dest))
}
