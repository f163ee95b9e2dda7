package rebuild

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// backlinksSection is a page's "Referenced by" list.
var backlinksSection = regexp.MustCompile(`(?s)<section class="backlinks".*?</section>`)

// backlinksOf returns the "Referenced by" list of an output page, "" when
// it has none.
func backlinksOf(t *testing.T, dest, rel string) string {
	t.Helper()
	return backlinksSection.FindString(read(t, dest, rel))
}

// TestBacklinksFollowBodyEdits checks that a body edit which adds or
// removes a link refreshes the "Referenced by" list of the page linked to,
// as a full build would write it, without self-links.
func TestBacklinksFollowBodyEdits(t *testing.T) {
	root := newSite(t, typedSite)
	dest := filepath.Join(root, "public")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true})
	rebuild(t, b)
	b.index.Wait()

	first := backlinksOf(t, dest, "playbooks/a-first/index.html")
	acme, second := strings.Index(first, ">Acme doubles conversion<"), strings.Index(first, `href="/hub/playbooks/b-second/"`)
	if acme < 0 || second < 0 || acme > second {
		t.Fatalf("a-first's backlinks, want Acme then the second playbook (by title):\n%s", first)
	}
	if got := backlinksOf(t, dest, "playbooks/b-second/index.html"); got != "" {
		t.Fatalf("nothing links to b-second yet, but it lists:\n%s", got)
	}

	page := filepath.Join(root, "content/playbooks/a-first.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	linked := strings.Replace(string(src), "Text.", "Text, then [the second](b-second.md) and [this one](a-first.md).", 1)
	writeFile(t, page, []byte(linked))
	res := rebuild(t, b, "content/playbooks/a-first.md")
	if !res.Partial {
		t.Fatal("a body edit took the full path; the test no longer covers the partial rebuild")
	}
	got := backlinksOf(t, dest, "playbooks/b-second/index.html")
	if !strings.Contains(got, `<a href="/hub/playbooks/a-first/">First play</a>`) {
		t.Errorf("after adding a link to b-second, its backlinks are:\n%s", got)
	}
	if strings.Contains(backlinksOf(t, dest, "playbooks/a-first/index.html"), `href="/hub/playbooks/a-first/"`) {
		t.Error("a-first lists itself as referring to itself")
	}
	sameAsFullBuild(t, root, dest)

	writeFile(t, page, src)
	rebuild(t, b, "content/playbooks/a-first.md")
	if got := backlinksOf(t, dest, "playbooks/b-second/index.html"); got != "" {
		t.Errorf("after removing the link to b-second, it still lists:\n%s", got)
	}
	sameAsFullBuild(t, root, dest)
}

// sameAsFullBuild checks that every page of dest has the "Referenced by"
// list a full build of root writes.
func sameAsFullBuild(t *testing.T, root, dest string) {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := pipeline.Build(t.Context(), pipeline.Options{Source: root, Destination: fresh, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	for rel, data := range readTree(t, fresh) {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		want := backlinksSection.FindString(string(data))
		if got := backlinksOf(t, dest, rel); got != want {
			t.Errorf("%s: the rebuilt page's backlinks\n%s\nwant (full build)\n%s", rel, got, want)
		}
	}
}
