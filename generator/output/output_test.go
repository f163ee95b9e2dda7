package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func writeAll(t *testing.T, w *Writer, files map[string]string) {
	t.Helper()
	for p, data := range files {
		if err := w.WriteFile(p, []byte(data)); err != nil {
			t.Fatalf("WriteFile(%s): %v", p, err)
		}
	}
}

func TestStagedBuildsSwapAndClean(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, err := Begin(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, w, map[string]string{"index.html": "1", "old/index.html": "old"})
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("destination exists before Commit")
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o755 {
		t.Errorf("destination mode = %v; want 0755 so a web server can read it", fi.Mode().Perm())
	}
	// A hand-placed file survives; a file the new build no longer makes goes.
	os.WriteFile(filepath.Join(dest, "mine.txt"), []byte("keep"), 0o644)
	w, _ = Begin(dest, false)
	writeAll(t, w, map[string]string{"index.html": "2"})
	removed, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || removed[0] != "old/index.html" {
		t.Errorf("removed = %v; want [old/index.html]", removed)
	}
	for p, want := range map[string]string{"index.html": "2", "mine.txt": "keep"} {
		if got, _ := os.ReadFile(filepath.Join(dest, p)); string(got) != want {
			t.Errorf("%s = %q; want %q", p, got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "old/index.html")); err == nil {
		t.Error("stale file lingers")
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.staging-*"))
	if len(matches) != 0 {
		t.Errorf("staging leftovers: %v", matches)
	}
}

func TestAbortLeavesDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, _ := Begin(dest, false)
	writeAll(t, w, map[string]string{"index.html": "good"})
	w.Commit()
	w, _ = Begin(dest, false)
	writeAll(t, w, map[string]string{"index.html": "bad"})
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "good" {
		t.Errorf("index.html = %q after Abort; want the previous build", got)
	}
}

func TestRefusesForeignDestination(t *testing.T) {
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "thesis.docx"), []byte("x"), 0o644)
	if _, err := Begin(dest, false); !errors.Is(err, ErrForeign) {
		t.Fatalf("Begin(foreign) err = %v; want ErrForeign", err)
	}
	if _, err := Begin(dest, true); !errors.Is(err, ErrForeign) {
		t.Fatalf("Begin(foreign, in place) err = %v; want ErrForeign", err)
	}
}

func TestPathsStayInside(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, _ := Begin(dest, false)
	defer w.Abort()
	if err := w.WriteFile("../../escape.html", []byte("x")); err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	if got := w.Written(); len(got) != 1 || got[0] != "escape.html" {
		t.Errorf("Written = %v; want the path cleaned into the destination", got)
	}
}

func TestInPlaceReplacesAtomically(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, _ := Begin(dest, true)
	writeAll(t, w, map[string]string{"a/index.html": "1", "b.css": "x"})
	w.Commit()
	w, _ = Begin(dest, true)
	writeAll(t, w, map[string]string{"a/index.html": "2"})
	removed, _ := w.Commit()
	if got, _ := os.ReadFile(filepath.Join(dest, "a/index.html")); string(got) != "2" {
		t.Errorf("a/index.html = %q; want 2", got)
	}
	if len(removed) != 1 || removed[0] != "b.css" {
		t.Errorf("removed = %v; want [b.css]", removed)
	}
	tmps, _ := filepath.Glob(filepath.Join(dest, "a", ".tmp-*"))
	if len(tmps) != 0 {
		t.Errorf("temp files left: %v", tmps)
	}
}

func TestInPlaceAbortTouchesNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, _ := Begin(dest, true)
	writeAll(t, w, map[string]string{"a/index.html": "good"})
	w.Commit()
	w, _ = Begin(dest, true)
	writeAll(t, w, map[string]string{"a/index.html": "half"})
	w.Abort()
	if got, _ := os.ReadFile(filepath.Join(dest, "a/index.html")); string(got) != "good" {
		t.Errorf("a/index.html = %q after an aborted in-place build; want good", got)
	}
	// A partial build retains what it did not write.
	w, _ = Begin(dest, true)
	writeAll(t, w, map[string]string{"b/index.html": "new"})
	w.RetainPrevious()
	if removed, _ := w.Commit(); len(removed) != 0 {
		t.Errorf("partial build removed %v", removed)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "a/index.html")); string(got) != "good" {
		t.Errorf("a/index.html = %q after a partial build; want good", got)
	}
}

func TestPublishLastOrdersInPlaceCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, _ := Begin(dest, true)
	writeAll(t, w, map[string]string{"search/manifest.json": "m", "search/s/a.bin": "a", "z/index.html": "z"})
	w.PublishLast("search/manifest.json")
	written := w.publishOrder(w.Written())
	if len(written) != 3 || written[2] != "search/manifest.json" || written[0] != "search/s/a.bin" {
		t.Errorf("publish order = %v; want the manifest last", written)
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "search/manifest.json")); string(got) != "m" {
		t.Errorf("manifest = %q", got)
	}
}

// TestMarkerReadAgainWhenChanged checks that the marker's kept file list
// is used only while the marker is the one read or written: a marker
// changed since, by size or by time, is read again.
func TestMarkerReadAgainWhenChanged(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	w, err := Begin(dest, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"a.html", "b.html"} {
		if err := w.WriteFile(f, []byte(f)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readMarker(dest); !slices.Equal(got, []string{"a.html", "b.html"}) {
		t.Fatalf("marker after the build = %v", got)
	}
	marker := filepath.Join(dest, Marker)
	if err := os.WriteFile(marker, []byte("# by hand\na.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := readMarker(dest); !slices.Equal(got, []string{"a.html"}) {
		t.Errorf("marker rewritten to another size = %v; want [a.html]", got)
	}
	if err := os.WriteFile(marker, []byte("# by hand\nc.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(marker, later, later); err != nil {
		t.Fatal(err)
	}
	if got := readMarker(dest); !slices.Equal(got, []string{"c.html"}) {
		t.Errorf("marker rewritten to the same size at another time = %v; want [c.html]", got)
	}
}
