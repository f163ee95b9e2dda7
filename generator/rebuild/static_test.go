package rebuild

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// TestCopiedFileEdits checks that editing a file copied as it is (a static
// file, an image beside a page) copies it without a full build, and that
// a new one takes a full build.
func TestCopiedFileEdits(t *testing.T) {
	root := newSite(t, typedSite+`
-- static/files/checklist.txt --
first
-- content/guides/diagram.svg --
<svg/>
`)
	dest := filepath.Join(root, "public")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true})
	rebuild(t, b)

	writeFile(t, filepath.Join(root, "static/files/checklist.txt"), []byte("second"))
	res := rebuild(t, b, "static/files/checklist.txt")
	if !res.Partial {
		t.Error("a static file edit took a full build")
	}
	mustContain(t, dest, "files/checklist.txt", "second")

	writeFile(t, filepath.Join(root, "content/guides/diagram.svg"), []byte("<svg id='v2'/>"))
	if res := rebuild(t, b, "content/guides/diagram.svg"); !res.Partial {
		t.Error("an edit of a file beside the pages took a full build")
	}
	mustContain(t, dest, "guides/diagram.svg", "v2")

	writeFile(t, filepath.Join(root, "static/files/new.txt"), []byte("new"))
	if res := rebuild(t, b, "static/files/new.txt"); res.Partial {
		t.Error("a new static file was copied without a full build")
	}
	mustContain(t, dest, "files/new.txt", "new")

	os.Remove(filepath.Join(root, "static/files/new.txt"))
	if res := rebuild(t, b, "static/files/new.txt"); res.Partial {
		t.Error("a deleted static file took the partial path")
	}
	if _, err := os.Stat(filepath.Join(dest, "files/new.txt")); err == nil {
		t.Error("a deleted static file is still published")
	}
}
