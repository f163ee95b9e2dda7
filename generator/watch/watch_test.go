package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// step is one editor or shell action on the watched tree, with the paths
// the watcher must then report.
type step struct {
	name string
	do   func(t *testing.T, root string)
	want []string
}

func write(t *testing.T, root, rel, body string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, root, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(root, from), filepath.Join(root, to)); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, root, rel string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(root, rel)); err != nil {
		t.Fatal(err)
	}
}

var editorSteps = []step{
	{"write in place", func(t *testing.T, r string) { write(t, r, "content/a.md", "v2") }, []string{"content/a.md"}},
	{"vim with backup", func(t *testing.T, r string) {
		write(t, r, "content/4913", "")
		remove(t, r, "content/4913")
		write(t, r, "content/.a.md.swp", "swap")
		rename(t, r, "content/a.md", "content/a.md~")
		write(t, r, "content/a.md", "v3")
		remove(t, r, "content/a.md~")
	}, []string{"content/a.md"}},
	{"JetBrains safe write", func(t *testing.T, r string) {
		write(t, r, "content/a.md___jb_tmp___", "v4")
		rename(t, r, "content/a.md", "content/a.md___jb_old___")
		rename(t, r, "content/a.md___jb_tmp___", "content/a.md")
		remove(t, r, "content/a.md___jb_old___")
	}, []string{"content/a.md"}},
	{"new folder with a page", func(t *testing.T, r string) { write(t, r, "content/new/deep/p.md", "x") }, []string{"content/new/deep/p.md"}},
	{"edit in the new folder", func(t *testing.T, r string) { write(t, r, "content/new/deep/p.md", "y") }, []string{"content/new/deep/p.md"}},
	{"folder moved in from outside", func(t *testing.T, r string) {
		outside := filepath.Join(filepath.Dir(r), "elsewhere")
		write(t, filepath.Dir(r), "elsewhere/sub/q.md", "q")
		if err := os.Rename(outside, filepath.Join(r, "content", "moved")); err != nil {
			t.Fatal(err)
		}
	}, []string{"content/moved/sub/q.md"}},
	{"edit in the moved-in folder", func(t *testing.T, r string) { write(t, r, "content/moved/sub/q.md", "q2") }, []string{"content/moved/sub/q.md"}},
	{"rename a folder", func(t *testing.T, r string) { rename(t, r, "content/moved", "content/renamed") }, []string{"content/moved", "content/renamed/sub/q.md"}},
	{"edit in the renamed folder", func(t *testing.T, r string) { write(t, r, "content/renamed/sub/q.md", "q3") }, []string{"content/renamed/sub/q.md"}},
	{"delete a page", func(t *testing.T, r string) { remove(t, r, "content/a.md") }, []string{"content/a.md"}},
	{"config saved by rename", func(t *testing.T, r string) {
		write(t, r, "config.toml.tmp", "title = 'b'")
		rename(t, r, "config.toml.tmp", "config.toml")
	}, []string{"config.toml"}},
	{"output folder is not watched", func(t *testing.T, r string) {
		write(t, r, "public/index.html", "x")
		write(t, r, "content/b.md", "marker")
	}, []string{"content/b.md"}},
}

func TestWatcherEditors(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll time.Duration
	}{{"fsnotify", 0}, {"poll", 20 * time.Millisecond}} {
		t.Run(mode.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "site")
			write(t, root, "content/a.md", "v1")
			write(t, root, "config.toml", "title = 'a'")
			w, err := New(Options{Root: root, Poll: mode.poll, OnError: func(err error) { t.Error(err) }})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			for _, s := range editorSteps {
				s.do(t, root)
				seen := waitFor(t, w, s.name, s.want)
				for _, p := range seen {
					if p != "content/moved" && ignoredPath(p, DefaultExclude) {
						t.Errorf("%s: reported ignored path %q", s.name, p)
					}
				}
			}
		})
	}
}

// waitFor reads batches until every wanted path has been reported and
// returns all paths seen. The deadline only guards against a hang.
func waitFor(t *testing.T, w *Watcher, name string, want []string) []string {
	t.Helper()
	var seen []string
	guard := time.After(time.Minute)
	for {
		missing := slices.DeleteFunc(slices.Clone(want), func(p string) bool { return slices.Contains(seen, p) })
		if len(missing) == 0 {
			return seen
		}
		select {
		case b := <-w.Batches():
			seen = append(seen, b.Paths...)
		case <-guard:
			t.Fatalf("%s: never reported %s; saw %s", name, strings.Join(missing, ", "), strings.Join(seen, ", "))
		}
	}
}
