package pipeline

import (
	"testing"

	"github.com/playbookhq/playbook/generator/diag"
)

// TestDedupe checks that diagnostics are dropped exactly when they print
// the same as one before them.
func TestDedupe(t *testing.T) {
	at := func(file string, line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }
	list := diag.List{
		diag.Errorf(at("a.md", 3, 2), "broken"),
		diag.Errorf(at("a.md", 3, 2), "broken"),  // the same
		diag.Warnf(at("a.md", 3, 2), "broken"),   // a warning prints otherwise
		diag.Errorf(at("a.md", 3, 0), "broken"),  // no column
		diag.Errorf(at("a.md", 3, -1), "broken"), // prints as no column
		diag.Errorf(at("a.md", 0, 7), "broken"),  // a column without a line does not print
		diag.Errorf(at("a.md", 0, 0), "broken"),  // the same as the one before
		diag.Errorf(at("", 4, 4), "broken"),      // no file: no position
		diag.Errorf(at("", 0, 0), "broken"),      // the same
		diag.Errorf(at("b.md", 3, 2), "broken"),  // another file
		diag.Errorf(at("a.md", 3, 2), "other"),   // another message
	}
	seen := map[string]bool{}
	var want []string
	for _, d := range list {
		if !seen[d.Error()] {
			seen[d.Error()] = true
			want = append(want, d.Error())
		}
	}
	got := dedupe(list)
	if len(got) != len(want) {
		t.Fatalf("dedupe kept %d diagnostics; want %d: %v", len(got), len(want), got)
	}
	for _, d := range got {
		if !seen[d.Error()] {
			t.Errorf("dedupe kept %q, which is not among %v", d.Error(), want)
		}
		delete(seen, d.Error())
	}
}
