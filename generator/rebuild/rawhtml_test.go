package rebuild

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// Ids and names written in raw HTML are link targets, in full builds and
// in rebuilds of the page that holds them.
func TestRawHTMLAnchorsInRebuilds(t *testing.T) {
	root := newSite(t, `
-- content/a.md --
# A

See [the old anchor](b.md#legacy) and [the span](b.md#kept).
-- content/b.md --
# B

<a name="legacy"></a>

Some <span id='kept'>text</span>.
`)
	b := newBuilder(t, pipeline.Options{Source: root, Destination: filepath.Join(root, "public"), InPlace: true})
	if res := rebuild(t, b); len(res.Diagnostics) > 0 {
		t.Fatalf("anchors in raw HTML not found: %v", res.Diagnostics)
	}
	b.index.Wait()

	page := filepath.Join(root, "content/b.md")
	writeFile(t, page, []byte("# B\n\n<a name=\"renamed\"></a>\n\nSome <span id='kept'>text</span>.\n"))
	res := rebuild(t, b, "content/b.md")
	if got := res.Diagnostics.Error(); !strings.Contains(got, `content/a.md:3:`) || !strings.Contains(got, `"legacy"`) || strings.Contains(got, `"kept"`) {
		t.Errorf("diagnostics after renaming the anchor = %v; want only the broken #legacy in a.md", res.Diagnostics)
	}

	writeFile(t, page, []byte("# B\n\n<div id=\"legacy\">\n\n<a name=\"kept\"></a>\n\n</div>\n"))
	if res := rebuild(t, b, "content/b.md"); len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics after moving the anchors = %v; want none", res.Diagnostics)
	}
	if _, err := os.Stat(filepath.Join(root, "public/b/index.html")); err != nil {
		t.Fatal(err)
	}
}
