package gitinfo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseNewestWins(t *testing.T) {
	log := "\x1e200\x1fAda\n\ncontent/a.md\ncontent/b.md\n\x1e100\x1fBo\n\ncontent/a.md\ncontent/c.md\n"
	got, err := Parse(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Info{
		"content/a.md": {time.Unix(200, 0).UTC(), "Ada", time.Unix(100, 0).UTC()},
		"content/b.md": {time.Unix(200, 0).UTC(), "Ada", time.Unix(200, 0).UTC()},
		"content/c.md": {time.Unix(100, 0).UTC(), "Bo", time.Unix(100, 0).UTC()},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %+v, want %+v", k, got[k], w)
		}
	}
}

func TestParseBadDate(t *testing.T) {
	if _, err := Parse(strings.NewReader("\x1enope\x1fAda\n")); err == nil {
		t.Fatal("want an error for a bad date")
	}
}

func TestLoadNotARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	m, note, err := Load(context.Background(), t.TempDir())
	if err != nil || m != nil || note == "" {
		t.Fatalf("got %v, %q, %v; want no map, a note and no error", m, note, err)
	}
}

func TestLoadRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	git := func(date string, args ...string) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Ada", "GIT_AUTHOR_EMAIL=a@example.com",
			"GIT_COMMITTER_NAME=Ada", "GIT_COMMITTER_EMAIL=a@example.com",
			"GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("", "init", "-q")
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(site, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/old.md")
	write("content/new.md")
	git("2020-01-02T00:00:00Z", "add", ".")
	git("2020-01-02T00:00:00Z", "commit", "-q", "-m", "first")
	write("content/new.md")
	os.WriteFile(filepath.Join(site, "content/new.md"), []byte("changed"), 0o644)
	git("2024-05-06T00:00:00Z", "commit", "-q", "-am", "second")
	m, note, err := Load(context.Background(), site)
	if err != nil || note != "" {
		t.Fatalf("Load: %q, %v", note, err)
	}
	if got := m["content/old.md"].Changed.Format("2006-01-02"); got != "2020-01-02" {
		t.Errorf("old.md changed %s, want 2020-01-02", got)
	}
	if got := m["content/new.md"].Changed.Format("2006-01-02"); got != "2024-05-06" {
		t.Errorf("new.md changed %s, want 2024-05-06", got)
	}
	if got := m["content/new.md"].Created.Format("2006-01-02"); got != "2020-01-02" {
		t.Errorf("new.md created %s, want 2020-01-02", got)
	}
}

// FuzzParse: any output is read without panicking, and every path it
// returns came from a line of the input.
func FuzzParse(f *testing.F) {
	f.Add("\x1e200\x1fAda\n\ncontent/a.md\n")
	f.Add("\x1e1\x1f\n\x1e2\x1fB\nx\n\n")
	f.Fuzz(func(t *testing.T, log string) {
		m, err := Parse(strings.NewReader(log))
		if err != nil {
			return
		}
		for p := range m {
			if p == "" || !strings.Contains(log, p) {
				t.Errorf("path %q is not in the input", p)
			}
		}
	})
}
