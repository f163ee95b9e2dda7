package diag

import (
	"errors"
	"io/fs"
	"testing"
)

func TestListFormatsSortedWithPositions(t *testing.T) {
	l := List{
		Warnf(Pos{File: "b.md", Line: 2, Col: 5}, "broken link"),
		Errorf(Pos{File: "a.md", Line: 10}, "missing %q", "title"),
		Errorf(Pos{}, "no position"),
	}
	want := "no position\na.md:10: missing \"title\"\nb.md:2:5: warning: broken link"
	if got := l.Error(); got != want {
		t.Errorf("List.Error() = %q; want %q", got, want)
	}
	if !l.HasErrors() || len(l.Errors()) != 2 || len(l.Warnings()) != 1 {
		t.Errorf("counts wrong: errors %d warnings %d", len(l.Errors()), len(l.Warnings()))
	}
	if s := l.Strict(); len(s.Warnings()) != 0 || l[0].Severity != Warning {
		t.Error("Strict must turn warnings into errors without changing the original")
	}
}

func TestErrorfWraps(t *testing.T) {
	d := Errorf(Pos{File: "x"}, "reading: %w", fs.ErrNotExist)
	if !errors.Is(d, fs.ErrNotExist) {
		t.Errorf("Errorf(%%w) does not unwrap to its cause")
	}
	var c Collector
	c.Add(d, nil)
	if len(c.List()) != 1 {
		t.Errorf("Collector kept %d diagnostics; want 1", len(c.List()))
	}
}
