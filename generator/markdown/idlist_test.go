package markdown

import (
	"bytes"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// scanIDs finds the id="…" attributes in rendered HTML: what link checks
// had to do before Markdown reported its ids.
func scanIDs(h []byte) map[string]bool {
	ids := map[string]bool{}
	marker := []byte(` id="`)
	for {
		i := bytes.Index(h, marker)
		if i < 0 {
			return ids
		}
		h = h[i+len(marker):]
		j := bytes.IndexByte(h, '"')
		if j < 0 {
			return ids
		}
		ids[html.UnescapeString(string(h[:j]))] = true
		h = h[j:]
	}
}

// TestIDsAreEveryWrittenID checks, on every golden case, that Result.IDs
// holds exactly the ids Markdown wrote into the HTML, and that with
// Anchors (raw HTML's) no id of the HTML is missing.
func TestIDsAreEveryWrittenID(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases found: %v", err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c := parseCaseOptions(t, string(ar.Comment))
		c.opts.Shortcodes = testTemplates(t, ar)
		res, err := New(c.opts).render(nil, section(ar, "input.md"), c.lineOffset, c.resolver, c.page)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		inHTML := scanIDs(res.HTML)
		reported := map[string]bool{}
		for _, id := range res.IDs {
			reported[id] = true
			if !inHTML[id] {
				t.Errorf("%s: IDs has %q, which the HTML does not", file, id)
			}
		}
		for _, id := range res.Anchors {
			reported[id] = true
		}
		for id := range inHTML {
			if !reported[id] {
				t.Errorf("%s: the HTML has id %q, which neither IDs nor Anchors report", file, strings.TrimSpace(id))
			}
		}
	}
}
