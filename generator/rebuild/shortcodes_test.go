package rebuild

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// A body edit on a page with shortcodes stays a body edit (only that page
// and its lists are written), and a changed shortcode template is seen by
// the next build.
func TestShortcodesInRebuilds(t *testing.T) {
	root := newSite(t, `
-- layouts/shortcodes/box.html --
<div class="box">{{ .Get 0 }} on {{ .Page.Title }}</div>
-- content/notes/a.md --
+++
title = "Alpha"
+++
{{< box "first" >}}

Version {{< param release >}}.
-- content/notes/b.md --
+++
title = "Beta"
+++
Other page.
-- config.toml --
title = "T"
[params]
release = "7.1"
`)
	dest := filepath.Join(root, "public")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true})
	rebuild(t, b)
	b.index.Wait()
	mustContain(t, dest, "notes/a/index.html", `<div class="box">first on Alpha</div>`)
	mustContain(t, dest, "notes/a/index.html", `<p>Version 7.1.</p>`)

	page := filepath.Join(root, "content/notes/a.md")
	src, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(src), `"first"`, `"second"`, 1)), 0o644)
	res := rebuild(t, b, "content/notes/a.md")
	mustContain(t, dest, "notes/a/index.html", `<div class="box">second on Alpha</div>`)
	for _, f := range res.Written {
		if strings.HasPrefix(f, "notes/b/") {
			t.Errorf("body edit rewrote unrelated %s", f)
		}
	}

	os.WriteFile(filepath.Join(root, "layouts/shortcodes/box.html"), []byte(`<div class="box2">{{ .Get 0 }}</div>`), 0o644)
	rebuild(t, b, "layouts/shortcodes/box.html")
	mustContain(t, dest, "notes/a/index.html", `<div class="box2">second</div>`)
}
