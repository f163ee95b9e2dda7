package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

// snapshot returns every file below dir with its bytes (missing dir: empty).
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	return out
}

// noStaging fails when a staging folder is left beside dest.
func noStaging(t testing.TB, dest string) {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*.staging-*"))
	if len(m) > 0 {
		t.Fatalf("staging folders left: %v", m)
	}
}

// build runs one full build of files into dest with ops and commits it.
func build(t testing.TB, dest string, ops fsOps, files map[string]string) error {
	t.Helper()
	w, err := begin(dest, false, ops)
	if err != nil {
		return err
	}
	for p, data := range files {
		if err := w.WriteFile(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	_, err = w.Commit()
	return err
}

// failingRename fails the n-th rename (0-based) and counts them all.
func failingRename(n int, count *int) func(string, string) error {
	return func(from, to string) error {
		i := *count
		*count++
		if i == n {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EXDEV}
		}
		return os.Rename(from, to)
	}
}

// previousSite makes dest with an earlier build and hand-placed files.
func previousSite(t *testing.T) (dest string, before map[string]string) {
	t.Helper()
	dest = filepath.Join(t.TempDir(), "public")
	if err := build(t, dest, realOps, map[string]string{"index.html": "1", "old/index.html": "old", "css/a.css": "a"}); err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string]string{"a_keep.txt": "mine", "vendor/lib.js": "lib", "css/extra.css": "x", "deep/er/f.txt": "f"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dest, p)), 0o755)
		os.WriteFile(filepath.Join(dest, p), []byte(data), 0o644)
	}
	return dest, snapshot(t, dest)
}

func TestFailedMoveAtEveryStepRestores(t *testing.T) {
	for n := 0; ; n++ {
		dest, before := previousSite(t)
		count := 0
		ops := realOps
		ops.rename = failingRename(n, &count)
		err := build(t, dest, ops, map[string]string{"index.html": "2", "css/a.css": "b"})
		if err == nil {
			if n < 4 {
				t.Fatalf("only %d renames; want one per hand-placed file and two for the swap", n)
			}
			return // n passed the last rename: every step was tried
		}
		if !errors.Is(err, syscall.EXDEV) {
			t.Errorf("rename %d: error %v does not wrap the cause", n, err)
		}
		if got := snapshot(t, dest); !reflect.DeepEqual(got, before) {
			t.Fatalf("rename %d failed: destination changed\n got %v\nwant %v", n, got, before)
		}
		noStaging(t, dest)
	}
}

func TestPreflightRefusesBeforeMoving(t *testing.T) {
	cases := map[string]func(ops *fsOps, dest string){
		"read-only folder": func(ops *fsOps, dest string) {
			ops.writable = func(dir string, _ fs.FileInfo) error {
				if dir == filepath.Join(dest, "vendor") {
					return &os.PathError{Op: "write", Path: dir, Err: syscall.EACCES}
				}
				return nil
			}
		},
		"mount point": func(ops *fsOps, dest string) {
			ops.device = func(fi fs.FileInfo) (uint64, bool) {
				if fi.Name() == "er" { // dest/deep/er
					return 2, true
				}
				return 1, true
			}
		},
	}
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			dest, before := previousSite(t)
			renames := 0
			ops := realOps
			ops.rename = failingRename(-1, &renames)
			setup(&ops, dest)
			err := build(t, dest, ops, map[string]string{"index.html": "2"})
			if !errors.Is(err, ErrCannotPublish) {
				t.Fatalf("err = %v; want ErrCannotPublish", err)
			}
			if renames != 0 {
				t.Errorf("%d renames before the check failed; want none", renames)
			}
			if got := snapshot(t, dest); !reflect.DeepEqual(got, before) {
				t.Errorf("destination changed:\n got %v\nwant %v", got, before)
			}
			noStaging(t, dest)
		})
	}
}

func TestRealReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write anywhere; TestPreflightRefusesBeforeMoving covers this")
	}
	dest, before := previousSite(t)
	os.Chmod(filepath.Join(dest, "vendor"), 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Join(dest, "vendor"), 0o755) })
	err := build(t, dest, realOps, map[string]string{"index.html": "2"})
	if !errors.Is(err, ErrCannotPublish) || !strings.Contains(err.Error(), "vendor") {
		t.Fatalf("err = %v; want ErrCannotPublish naming vendor", err)
	}
	if got := snapshot(t, dest); !reflect.DeepEqual(got, before) {
		t.Errorf("destination changed:\n got %v\nwant %v", got, before)
	}
	noStaging(t, dest)
}

func TestHandPlacedFileIsNeverOverwritten(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		t.Run(fmt.Sprint("inPlace=", inPlace), func(t *testing.T) {
			dest, before := previousSite(t)
			w, err := Begin(dest, inPlace)
			if err != nil {
				t.Fatal(err)
			}
			writeAll(t, w, map[string]string{"index.html": "2", "a_keep.txt": "page"})
			if _, err := w.Commit(); !errors.Is(err, ErrOverwrite) || !strings.Contains(err.Error(), "a_keep.txt") {
				t.Fatalf("err = %v; want ErrOverwrite naming a_keep.txt", err)
			}
			if got := snapshot(t, dest); !reflect.DeepEqual(got, before) {
				t.Errorf("destination changed:\n got %v\nwant %v", got, before)
			}
			noStaging(t, dest)
		})
	}
}

func TestHandPlacedFileInTheWayOfAFolder(t *testing.T) {
	dest, before := previousSite(t)
	// The build makes a_keep.txt/index.html: the hand-placed file is in its way.
	err := build(t, dest, realOps, map[string]string{"a_keep.txt/index.html": "page"})
	if !errors.Is(err, ErrOverwrite) {
		t.Fatalf("err = %v; want ErrOverwrite", err)
	}
	if got := snapshot(t, dest); !reflect.DeepEqual(got, before) {
		t.Errorf("destination changed:\n got %v\nwant %v", got, before)
	}
	noStaging(t, dest)
}

func TestSymlinkedDestinationPublishesIntoTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "www")
	link := filepath.Join(dir, "public")
	os.Mkdir(target, 0o755)
	if err := os.Symlink("www", link); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if err := build(t, link, realOps, map[string]string{"index.html": fmt.Sprint(i)}); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("build %d: the link was replaced", i)
		}
		if got, _ := os.ReadFile(filepath.Join(target, "index.html")); string(got) != fmt.Sprint(i) {
			t.Errorf("build %d: target index.html = %q", i, got)
		}
		noStaging(t, link)
		noStaging(t, target)
	}
	os.Remove(target)
	os.RemoveAll(target)
	if err := build(t, link, realOps, map[string]string{"index.html": "x"}); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("dangling link: err = %v; want a refusal naming the symbolic link", err)
	}
	noStaging(t, link)
}

// TestInPlaceFailedMoveAtEveryStepRestores makes each rename of an
// in-place commit (the live preview's) fail in turn: the destination must
// be as it was, replaced files back and new files and folders gone. A
// replaced file is kept aside as a hard link (one rename per file), or,
// where hard links fail, moved aside (two renames per replaced file).
func TestInPlaceFailedMoveAtEveryStepRestores(t *testing.T) {
	noLinks := func(_, _ string) error { return syscall.EPERM }
	for _, c := range []struct {
		name    string
		link    func(from, to string) error
		renames int
	}{{"hard links", os.Link, 3}, {"no hard links", noLinks, 5}} {
		t.Run(c.name, func(t *testing.T) {
			for n := 0; ; n++ {
				dest, before := previousSite(t)
				count := 0
				ops := realOps
				ops.rename = failingRename(n, &count)
				ops.link = c.link
				w, err := begin(dest, true, ops)
				if err != nil {
					t.Fatal(err)
				}
				writeAll(t, w, map[string]string{"index.html": "2", "css/a.css": "b", "new/deeper/index.html": "new"})
				if _, err = w.Commit(); err == nil {
					if n != c.renames {
						t.Fatalf("%d renames; want %d", n, c.renames)
					}
					if got := snapshot(t, dest); got["index.html"] != "2" || got["new/deeper/index.html"] != "new" || got["a_keep.txt"] != "mine" {
						t.Errorf("after the commit: %v", got)
					}
					return
				}
				if !errors.Is(err, syscall.EXDEV) {
					t.Errorf("rename %d: error %v does not wrap the cause", n, err)
				}
				if got := snapshot(t, dest); !reflect.DeepEqual(got, before) {
					t.Fatalf("rename %d failed: destination changed\n got %v\nwant %v", n, got, before)
				}
				if _, err := os.Stat(filepath.Join(dest, "new")); err == nil {
					t.Errorf("rename %d failed: the folder made for a new file is left", n)
				}
				noStaging(t, dest)
			}
		})
	}
}

// TestNoForeignStillKeepsHandPlacedFiles checks a writer for the
// preview's own folder: it lists no hand-placed files, and its in-place
// commit still refuses to replace one, leaving the folder as it was.
func TestNoForeignStillKeepsHandPlacedFiles(t *testing.T) {
	dest, before := previousSite(t)
	w, err := begin(dest, true, realOps)
	if err != nil {
		t.Fatal(err)
	}
	w.NoForeign()
	if foreign, err := w.Foreign(); err != nil || len(foreign) != 0 {
		t.Errorf("Foreign() = %v, %v; want none", foreign, err)
	}
	writeAll(t, w, map[string]string{"index.html": "2", "a_keep.txt": "overwritten"})
	if _, err := w.Commit(); !errors.Is(err, ErrOverwrite) {
		t.Fatalf("commit over a hand-placed file: %v", err)
	}
	if got := snapshot(t, dest); !reflect.DeepEqual(got, before) {
		t.Errorf("destination changed:\n got %v\nwant %v", got, before)
	}
	noStaging(t, dest)
}
