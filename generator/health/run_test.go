package health

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Run checks a site end to end: the build's broken link and the checks'
// own findings land in one report, sorted by kind.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("config.toml", "[health]\nreviewEvery = \"30d\"\n")
	write("content/a.md", "+++\ntitle = \"A\"\nowner = \"Ana\"\nreviewed = 2026-01-01\n+++\nSee [gone](/gone/).\n")
	r, err := Run(context.Background(), RunOptions{Source: dir, Now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []Kind
	for _, f := range r.Findings {
		kinds = append(kinds, f.Kind)
	}
	want := []Kind{BrokenLink, ReviewOverdue}
	if len(kinds) != len(want) || kinds[0] != want[0] || kinds[1] != want[1] {
		t.Fatalf("kinds %v, want %v (findings %+v)", kinds, want, r.Findings)
	}
	if f := r.Findings[0]; f.File != "content/a.md" || f.Line != 6 || f.Owner != "Ana" || f.URL != "/a/" {
		t.Errorf("broken link finding %+v", f)
	}
	if r.Fails("error") || !r.Fails("warning") {
		t.Errorf("two warnings: want failing on warning only")
	}
}
