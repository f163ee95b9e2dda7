package rebuild

import (
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// TestRebuildReadsEveryPageReportedSinceTheLastGoodBuild checks that a
// full rebuild, which reads only the pages its watcher reported, still
// reads a page reported to an earlier build that failed: the page's
// error stays until the page is fixed, and the fix is seen.
func TestRebuildReadsEveryPageReportedSinceTheLastGoodBuild(t *testing.T) {
	root := newSite(t, `
-- config.toml --
title = "Hub"
-- content/notes/a.md --
+++
title = "Page A"
+++
A's text.
-- content/notes/b.md --
+++
title = "Page B"
+++
B's text.
`)
	dest := filepath.Join(root, "public")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true, Private: true})
	rebuild(t, b)

	// A's front matter breaks: the build fails and A keeps its last page.
	writeFile(t, filepath.Join(root, "content/notes/a.md"), []byte("+++\ntitle = \"Page A\nbroken\n+++\nA's text.\n"))
	buildFails(t, b, dest, "notes/a/index.html", "content/notes/a.md:", "content/notes/a.md")
	// Only B is reported next: A is still broken, and must be read again.
	writeFile(t, filepath.Join(root, "content/notes/b.md"), []byte("+++\ntitle = \"Page B, retitled\"\n+++\nB's text.\n"))
	buildFails(t, b, dest, "notes/b/index.html", "content/notes/a.md:", "content/notes/b.md")
	// A is fixed and retitled; B's new title comes with it.
	writeFile(t, filepath.Join(root, "content/notes/a.md"), []byte("+++\ntitle = \"Page A, fixed\"\n+++\nA's text.\n"))
	rebuild(t, b, "content/notes/a.md")
	mustContain(t, dest, "notes/a/index.html", "Page A, fixed")
	mustContain(t, dest, "notes/b/index.html", "Page B, retitled")

	// A file changed without being reported is not read again (the
	// watcher reports every save); one that is reported is.
	writeFile(t, filepath.Join(root, "content/notes/a.md"), []byte("+++\ntitle = \"Page A, unreported\"\n+++\nA's text.\n"))
	writeFile(t, filepath.Join(root, "content/notes/b.md"), []byte("+++\ntitle = \"Page B, reported\"\n+++\nB's text.\n"))
	rebuild(t, b, "content/notes/b.md")
	mustContain(t, dest, "notes/b/index.html", "Page B, reported")
	mustContain(t, dest, "notes/a/index.html", "Page A, fixed")
	// A rebuild of everything (nil: events were lost) reads every page.
	rebuild(t, b)
	mustContain(t, dest, "notes/a/index.html", "Page A, unreported")
}
