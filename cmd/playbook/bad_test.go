package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// badCorpus is the folder of bad-input cases, from this package's folder.
const badCorpus = "../../testdata/bad"

// TestBadInputs runs every case of the bad-input corpus (testdata/bad,
// format in its README.md). Each case builds a small good site, breaks it
// and builds again; besides the case's own directives, every case checks the
// promises that hold for any input: no panic, no hang, no temporary folder
// left behind, hand-placed files kept, and on failure an unchanged public/
// and an error that says where.
func TestBadInputs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(badCorpus, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s (%v)", badCorpus, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, err := parseBadCase(ar)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			c.run(t)
		})
	}
}

// TestBadCorpusSize keeps the corpus from shrinking unnoticed: each failure
// class of issue #13 and the cases that passed before it stay covered.
func TestBadCorpusSize(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(badCorpus, "*.txtar"))
	const atLeast = 208
	if len(files) < atLeast {
		t.Errorf("testdata/bad has %d cases, want at least %d", len(files), atLeast)
	}
}

// defaultSite is written first in every case: a site that builds cleanly.
var defaultSite = map[string]string{
	"config.toml": "title = \"Bad input corpus\"\nbaseURL = \"/\"\n",
	"content/guides/ok.md": "+++\ntitle = \"A good guide\"\ndescription = \"It builds.\"\n+++\n\n" +
		"Shared goals keep sales and marketing on one scoreboard.\n",
}

// writeFiles writes files into dir, creating folders as needed.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
