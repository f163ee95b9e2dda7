package rebuild

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/keycheck"
)

// keyedSite is a site whose pages show one another where the sidebar does
// not: a section of more pages than the sidebar lists inline (so the
// neighbours across a chunk's edge show each other only as previous and
// next), and a page in another section that links to one of them and
// shares its tag (so each shows the other as "Referenced by" and as a
// related page), and a subsection whose card the section's list shows.
func keyedSite(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("-- config.toml --\ntitle = \"Keys\"\nbaseURL = \"https://example.com/\"\n")
	for i := 1; i <= nav.Chunk+5; i++ {
		tags := ""
		if i == nav.Chunk+1 {
			tags = "tags = [\"shared\"]\n"
		}
		fmt.Fprintf(&b, "-- content/big/p%02d.md --\n+++\ntitle = \"Big page %02d\"\nweight = %d\n%s+++\n\nText of page %d.\n", i, i, i, tags, i)
	}
	b.WriteString("-- content/big/sub/_index.md --\n+++\ntitle = \"A subsection\"\n+++\n\nWhat the subsection holds.\n")
	b.WriteString("-- content/big/sub/inside.md --\n+++\ntitle = \"Inside\"\n+++\n\nText inside.\n")
	b.WriteString("-- content/other/x.md --\n+++\ntitle = \"The other page\"\ndescription = \"Points at a big page.\"\ntags = [\"shared\"]\n+++\n\nSee [the big page](../big/p41.md).\n")
	return newSite(t, b.String())
}

// TestPageKeysFollowWhatPagesShow retitles pages whose titles reach other
// pages only through their previous/next links, "Referenced by" lists and
// related cards, edits the first paragraph a term page's card shows and
// the description a section's card of its subsection shows, and checks that the preview then matches a full build.
// With pipeline.VerifyKeys a rebuild that kept a page whose view changed
// although its key did not fails; without it the pages are kept as the
// preview keeps them, and must still match (what kept list pages record
// of the cards they show included).
func TestPageKeysFollowWhatPagesShow(t *testing.T) {
	withAndWithoutVerifying(t, pageKeyEdits)
}

// withAndWithoutVerifying runs test with pipeline.VerifyKeys set, then
// without it: matched keys then keep files as in the preview, and what
// making the kept pages would have done (Deps) must be done all the same.
func withAndWithoutVerifying(t *testing.T, test func(t *testing.T)) {
	for _, verify := range []bool{true, false} {
		t.Run(fmt.Sprintf("verify=%v", verify), func(t *testing.T) {
			keycheck.Set(t, verify)
			test(t)
		})
	}
}

// pageKeyEdits makes the edits of TestPageKeysFollowWhatPagesShow.
func pageKeyEdits(t *testing.T) {
	root := keyedSite(t)
	dest := filepath.Join(t.TempDir(), "preview")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true, Quiet: true})
	rebuild(t, b)
	rebuild(t, b, replaceIn(t, root, "content/big/p03.md", "Text", "More text")...) // the rendered text is kept from here on
	edits := []struct {
		name, file, old, new, page, want string
	}{
		{"next", "content/big/p41.md", `"Big page 41"`, `"Big page forty-one"`, "big/p40/index.html", "Big page forty-one"},
		{"previous", "content/big/p40.md", `"Big page 40"`, `"Big page forty"`, "big/p41/index.html", "Big page forty"},
		{"referenced by", "content/other/x.md", `"The other page"`, `"The pointing page"`, "big/p41/index.html", "The pointing page"},
		{"subsection card", "content/big/sub/_index.md", "What the subsection holds.", "What the subsection keeps.", "big/index.html", "What the subsection keeps."},
		{"related", "content/big/p41.md", `"Big page forty-one"`, `"Big page 41, renamed"`, "other/x/index.html", "Big page 41, renamed"},
		{"subsection card, front matter", "content/big/sub/_index.md", "title = \"A subsection\"\n", "title = \"A subsection\"\ndescription = \"Its own words.\"\n", "big/index.html", "Its own words."},
		{"summary", "content/big/p41.md", "Text of page 41.", "A new first paragraph.", "tags/shared/index.html", "A new first paragraph."},
		{"title and summary", "content/big/p41.md", "title = \"Big page 41, renamed\"\n", "title = \"Big page 41\"\n", "tags/shared/index.html", "Big page 41<"},
	}
	for _, e := range edits {
		rebuild(t, b, replaceIn(t, root, e.file, e.old, e.new)...)
		b.index.Wait()
		if got := read(t, dest, e.page); !strings.Contains(got, e.want) {
			t.Errorf("after the %s edit, %s lacks %q", e.name, e.page, e.want)
		}
		want := filepath.Join(t.TempDir(), "full")
		if _, err := pipeline.Build(context.Background(), pipeline.Options{Source: root, Destination: want, Quiet: true}); err != nil {
			t.Fatal(err)
		}
		sameTrees(t, e.name, readTree(t, want), readTree(t, dest))
	}
}
