package rebuild

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// buildFails rebuilds after changed and wants an error mentioning want,
// with the published file rel as it was.
func buildFails(t *testing.T, b *Builder, dest, rel, want string, changed ...string) {
	t.Helper()
	before, _ := os.ReadFile(filepath.Join(dest, rel))
	res, err := b.Build(context.Background(), changed)
	if err == nil {
		t.Fatalf("Build(%v) succeeded; want a collision", changed)
	}
	var msgs []string
	for _, d := range res.Diagnostics {
		msgs = append(msgs, d.Error())
	}
	if all := strings.Join(msgs, "\n"); !strings.Contains(all, want) {
		t.Errorf("Build(%v): diagnostics\n%s\nwant one containing %q", changed, all, want)
	}
	if after, _ := os.ReadFile(filepath.Join(dest, rel)); string(after) != string(before) {
		t.Errorf("Build(%v) changed %s", changed, rel)
	}
}

// TestRebuildsClaimOutputPaths checks that the preview claims output
// paths again on each kind of rebuild: a static file or a setting that
// collides is an error (the published file stays), and partial rebuilds of
// a site without collisions find none.
func TestRebuildsClaimOutputPaths(t *testing.T) {
	root := newSite(t, typedSite+`
-- static/files/checklist.txt --
first
`)
	dest := filepath.Join(root, "public")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true})
	rebuild(t, b)

	// Partial rebuilds: a body edit and a static file edit claim no collision.
	page := filepath.Join(root, "content/playbooks/a-first.md")
	src, _ := os.ReadFile(page)
	writeFile(t, page, append(src, "More text.\n"...))
	if res := rebuild(t, b, "content/playbooks/a-first.md"); !res.Partial {
		t.Error("a body edit took a full build")
	}
	writeFile(t, filepath.Join(root, "static/files/checklist.txt"), []byte("second"))
	if res := rebuild(t, b, "static/files/checklist.txt"); !res.Partial {
		t.Error("a static file edit took a full build")
	}

	// A new static file at a page's output path.
	clash := filepath.Join(root, "static/playbooks/a-first/index.html")
	writeFile(t, clash, []byte("static"))
	buildFails(t, b, dest, "playbooks/a-first/index.html", "collides with static file static/playbooks/a-first/index.html", "static/playbooks/a-first/index.html")
	os.RemoveAll(filepath.Join(root, "static/playbooks"))
	rebuild(t, b, "static/playbooks/a-first/index.html")

	// A url setting that takes the theme's stylesheet.
	writeFile(t, page, []byte(strings.Replace(string(src), "weight = 1\n", "weight = 1\nurl = \"/css/main.css\"\n", 1)))
	buildFails(t, b, dest, "css/main.css", `url "/css/main.css" collides with theme file`, "content/playbooks/a-first.md")

	// A url setting that takes a hand-placed file: the file stays.
	writeFile(t, filepath.Join(dest, "notes.txt"), []byte("mine"))
	writeFile(t, page, []byte(strings.Replace(string(src), "weight = 1\n", "weight = 1\nurl = \"/notes.txt\"\n", 1)))
	buildFails(t, b, dest, "notes.txt", "collides with hand-placed file", "content/playbooks/a-first.md")
	writeFile(t, page, src)
	rebuild(t, b, "content/playbooks/a-first.md")
	mustContain(t, dest, "notes.txt", "mine")
}
