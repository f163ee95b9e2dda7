package markdown

import (
	"bytes"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzRender checks that no input makes rendering panic or fail, in safe and
// unsafe mode, and that safe mode never lets a raw tag through.
func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		if ar, err := txtar.ParseFile(file); err == nil {
			f.Add(section(ar, "input.md"), 3)
		}
	}
	f.Add([]byte(benchPage(1)), 0)
	f.Add([]byte("> [!NOTE]\n> [!NOTE]\n"), 0)
	f.Add([]byte("> [!NOTE]"), 0)
	f.Add([]byte("##\n# {#}\n"), 0)
	safe, unsafe := New(Options{DropLeadingH1: true}), New(Options{Unsafe: true})
	f.Fuzz(func(t *testing.T, src []byte, lineOffset int) {
		if lineOffset < 0 || lineOffset > 1<<20 {
			lineOffset = 0
		}
		res, err := safe.render(src, lineOffset, testResolver)
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if bytes.Contains(res.HTML, []byte("<script")) {
			t.Fatalf("safe mode emitted a script tag for %q", src)
		}
		checkResult(t, res, lineOffset, src)
		if _, err := unsafe.render(src, lineOffset, nil); err != nil {
			t.Fatalf("render unsafe: %v", err)
		}
	})
}

// checkResult asserts invariants that hold for any input.
func checkResult(t *testing.T, res *Result, lineOffset int, src []byte) {
	lines := bytes.Count(src, []byte("\n")) + 1
	for _, l := range res.Links {
		if l.Line <= lineOffset || l.Line > lineOffset+lines || l.Col < 1 {
			t.Fatalf("link %+v outside the body (offset %d, %d lines)", l, lineOffset, lines)
		}
	}
	seen := map[string]bool{}
	for _, h := range res.Headings {
		if seen[h.ID] && len(res.Diagnostics) == 0 {
			t.Fatalf("duplicate heading id %q without a warning", h.ID)
		}
		seen[h.ID] = true
	}
	if utf8.Valid(src) && !utf8.ValidString(res.Summary) {
		t.Fatalf("summary is not valid UTF-8: %q", res.Summary)
	}
}
