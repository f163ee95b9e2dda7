package pagesource

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/gitinfo"
)

// git runs git in dir with a fixed author and date.
func git(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Dana Writer", "GIT_AUTHOR_EMAIL=dana@example.com",
		"GIT_COMMITTER_NAME=Dana Writer", "GIT_COMMITTER_EMAIL=dana@example.com",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadFindsEachFilesLastCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	content := filepath.Join(repo, "site", "content")
	git(t, repo, "2025-01-02T10:00:00Z", "init", "-q")
	write(t, filepath.Join(content, "a.md"), "first\n")
	write(t, filepath.Join(content, "guides", "b.md"), "first\n")
	git(t, repo, "2025-01-02T10:00:00Z", "add", ".")
	git(t, repo, "2025-01-02T10:00:00Z", "commit", "-q", "-m", "one")
	write(t, filepath.Join(content, "guides", "b.md"), "second\n")
	git(t, repo, "2025-03-04T12:00:00Z", "commit", "-q", "-am", "two")

	info, err := Load(t.Context(), content)
	if err != nil || info == nil {
		t.Fatalf("Load = %v, %v", info, err)
	}
	if info.Prefix != "site/content/" || info.Shallow {
		t.Errorf("prefix %q shallow %v", info.Prefix, info.Shallow)
	}
	a, okA := info.For("a.md")
	b, okB := info.For("guides/b.md")
	if !okA || !okB || len(info.files) != 2 {
		t.Fatalf("files: a %v b %v len %d", okA, okB, len(info.files))
	}
	if !a.Changed.Equal(time.Date(2025, 1, 2, 10, 0, 0, 0, time.UTC)) || a.Author != "Dana Writer" {
		t.Errorf("a.md = %+v", a)
	}
	if !b.Changed.Equal(time.Date(2025, 3, 4, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("guides/b.md = %+v, want the second commit", b)
	}
	s := info.Source("guides/b.md", "https://git.example.com/hb/-/edit/main/{path}", "")
	if s.Edit != "https://git.example.com/hb/-/edit/main/site/content/guides/b.md" ||
		s.History != "https://git.example.com/hb/-/commits/main/site/content/guides/b.md" || s.Commit == nil {
		t.Errorf("Source = %+v", s)
	}
}

func TestLoadOutsideARepository(t *testing.T) {
	info, err := Load(t.Context(), t.TempDir())
	if info != nil || err != nil {
		t.Errorf("Load outside a repository = %v, %v; want nil, nil", info, err)
	}
	s := info.Source("x.md", "https://github.com/o/r/edit/main/{path}", "")
	if s.Edit != "https://github.com/o/r/edit/main/content/x.md" || s.History != "https://github.com/o/r/commits/main/content/x.md" || s.Commit != nil {
		t.Errorf("Source without git = %+v", s)
	}
}

// A shallow clone's oldest commit is credited with every file it holds:
// those files get no date rather than a wrong one, and files changed
// since keep their last change but lose an added date at that commit.
func TestDropBoundary(t *testing.T) {
	files := map[string]gitinfo.Info{
		"new.md":   {Changed: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Author: "Ali", Created: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
		"added.md": {Changed: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Author: "Ali", Created: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)},
		"old.md":   {Changed: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Author: "Bo"},
		"old2.md":  {Changed: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Author: "Bo"},
	}
	dropBoundary(files)
	if _, ok := files["new.md"]; !ok || len(files) != 2 {
		t.Errorf("after dropBoundary: %v, want new.md and added.md only", files)
	}
	if !files["new.md"].Created.IsZero() || files["added.md"].Created.Month() != time.March {
		t.Errorf("added dates after dropBoundary: %v; want none for new.md, March for added.md", files)
	}
}
