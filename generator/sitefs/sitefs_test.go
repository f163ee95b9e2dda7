package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site makes a site root with content/a.md, a file outside it, and the
// links asked for (name → target, relative to the link's folder or absolute).
func site(t *testing.T, links map[string]string) (string, string) {
	t.Helper()
	top := t.TempDir()
	root := filepath.Join(top, "site")
	for _, d := range []string{"content/sub", "static"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	must(t, os.WriteFile(filepath.Join(root, "content/a.md"), []byte("a"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "content/sub/b.md"), []byte("b"), 0o644))
	secret := filepath.Join(top, "secret.txt")
	must(t, os.WriteFile(secret, []byte("secret"), 0o644))
	for name, target := range links {
		if target == "SECRET" {
			target = secret
		}
		must(t, os.Symlink(target, filepath.Join(root, name)))
	}
	return root, secret
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func walk(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	var files []string
	must(t, fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			if _, err := fs.ReadFile(fsys, p); err != nil {
				t.Errorf("reading %s: %v", p, err)
			}
			files = append(files, p)
		}
		return nil
	}))
	return files
}

func TestOutsideLinkRefused(t *testing.T) {
	root, secret := site(t, map[string]string{"content/leak.md": "SECRET", "static/pw.txt": "SECRET"})
	for _, follow := range []bool{false, true} {
		fsys := New(root)
		fsys.SetFollow(follow)
		files := walk(t, fsys)
		if strings.Contains(strings.Join(files, " "), "leak") || strings.Contains(strings.Join(files, " "), "pw.txt") {
			t.Errorf("follow=%v: walk lists a link out of the site: %v", follow, files)
		}
		if _, err := fs.ReadFile(fsys, "content/leak.md"); !errors.As(err, new(*LinkError)) {
			t.Errorf("follow=%v: opening the link: got %v, want a LinkError", follow, err)
		}
		d := fsys.Diagnostics()
		if len(d) != 2 || d[0].Error() != "content/leak.md: symlink points outside the site ("+secret+")" || d[1].Pos.File != "static/pw.txt" {
			t.Errorf("follow=%v: diagnostics %v", follow, d)
		}
	}
}

func TestInsideLinkNeedsOptIn(t *testing.T) {
	root, _ := site(t, map[string]string{"content/c.md": "a.md", "content/linked": "sub"})
	fsys := New(root)
	files := walk(t, fsys)
	if len(files) != 2 || len(fsys.Diagnostics()) != 2 {
		t.Errorf("without opt-in: files %v, diagnostics %v", files, fsys.Diagnostics())
	}
	if d := fsys.Diagnostics(); len(d) > 0 && !strings.Contains(d[0].Error(), "followSymlinks = true") {
		t.Errorf("the message does not say how to opt in: %v", d[0])
	}
	fsys = New(root)
	fsys.SetFollow(true)
	files = walk(t, fsys)
	want := "content/a.md content/c.md content/linked/b.md content/sub/b.md"
	if got := strings.Join(files, " "); got != want || len(fsys.Diagnostics()) != 0 {
		t.Errorf("with opt-in: files %q (want %q), diagnostics %v", got, want, fsys.Diagnostics())
	}
}

func TestLoopRefused(t *testing.T) {
	root, _ := site(t, map[string]string{"content/sub/up": ".."})
	fsys := New(root)
	fsys.SetFollow(true)
	walk(t, fsys)
	d := fsys.Diagnostics()
	if len(d) != 1 || !strings.Contains(d[0].Error(), "a loop") {
		t.Errorf("diagnostics %v, want one loop", d)
	}
}

func TestLinkedParentFolderRefused(t *testing.T) {
	top := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(top, "elsewhere"), 0o755))
	must(t, os.WriteFile(filepath.Join(top, "elsewhere/x.md"), []byte("x"), 0o644))
	root := filepath.Join(top, "site")
	must(t, os.MkdirAll(root, 0o755))
	must(t, os.Symlink(filepath.Join(top, "elsewhere"), filepath.Join(root, "content")))
	if _, err := fs.ReadFile(New(root), "content/x.md"); !errors.As(err, new(*LinkError)) {
		t.Errorf("reading through a linked folder out of the site: %v", err)
	}
}
