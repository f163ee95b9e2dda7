package content

import (
	"errors"
	"maps"
	"testing"
	"testing/fstest"

	"github.com/playbookhq/playbook/generator/config"
)

func TestLoadDropBodiesReadsThemAgain(t *testing.T) {
	site := fstest.MapFS{
		"content/guides/meetings.md": {Data: []byte("\xef\xbb\xbf+++\ntitle = \"Meetings\"\n+++\nJoint *meetings* work.\n")},
		"content/plain.md":           {Data: []byte("# Plain page\n\nNo front matter.\n")},
	}
	cfg := config.Default()
	tree, diags := Load(site, cfg, Options{DropBodies: true})
	if len(diags) > 0 {
		t.Fatalf("load: %v", diags)
	}
	want := map[string]string{
		"guides/meetings.md": "Joint *meetings* work.\n",
		"plain.md":           "# Plain page\n\nNo front matter.\n",
	}
	for _, p := range tree.Pages {
		if p.Body != nil {
			t.Errorf("%s: body kept in memory", p.Path)
		}
		body, err := p.ReadBody(site)
		if err != nil || string(body) != want[p.Path] {
			t.Errorf("%s: ReadBody = %q, %v; want %q", p.Path, body, err, want[p.Path])
		}
	}
	if tree.Pages[1].Meta.Title != "Plain page" {
		t.Errorf("title from the dropped body's H1 = %q", tree.Pages[1].Meta.Title)
	}

	site["content/plain.md"].Data = []byte("# Plain page\n\nEdited meanwhile.\n")
	for _, p := range tree.Pages {
		if p.Path != "plain.md" {
			continue
		}
		if _, err := p.ReadBody(site); !errors.Is(err, ErrChanged) {
			t.Errorf("ReadBody of a file changed after loading: err = %v, want ErrChanged", err)
		}
	}
}

func TestLoadKeepsBodiesByDefault(t *testing.T) {
	site := fstest.MapFS{"content/a.md": {Data: []byte("Body.\n")}}
	tree, _ := Load(site, config.Default(), Options{})
	body, err := tree.Pages[0].ReadBody(fstest.MapFS{})
	if err != nil || string(body) != "Body.\n" {
		t.Errorf("ReadBody = %q, %v; want the body kept in memory", body, err)
	}
}

// TestLoadChangedReadsOnlyTheListedPages checks Options.Changed: a cached
// page whose path is not listed is taken as it was (its file is not
// read), a listed one and a new file are read, and nil reads every file.
func TestLoadChangedReadsOnlyTheListedPages(t *testing.T) {
	site := fstest.MapFS{
		"content/a.md": {Data: []byte("+++\ntitle = \"A\"\n+++\nFirst.\n")},
		"content/b.md": {Data: []byte("+++\ntitle = \"B\"\n+++\nSecond.\n")},
	}
	cfg := config.Default()
	cache := NewCache()
	if _, diags := Load(site, cfg, Options{Cache: cache}); len(diags) > 0 {
		t.Fatal(diags)
	}
	titles := func(opts Options) map[string]string {
		t.Helper()
		opts.Cache = cache
		tree, diags := Load(site, cfg, opts)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		got := map[string]string{}
		for _, p := range tree.Pages {
			got[p.Path] = p.Meta.Title
		}
		return got
	}
	site["content/a.md"].Data = []byte("+++\ntitle = \"A2\"\n+++\nFirst.\n")
	site["content/b.md"].Data = []byte("+++\ntitle = \"B2\"\n+++\nSecond.\n")
	site["content/c.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"C\"\n+++\nNew.\n")}
	got := titles(Options{Changed: []string{"a.md"}})
	if want := map[string]string{"a.md": "A2", "b.md": "B", "c.md": "C"}; !maps.Equal(got, want) {
		t.Errorf("with a.md changed: %v, want %v", got, want)
	}
	if got := titles(Options{}); got["b.md"] != "B2" {
		t.Errorf("without a list of changes, b.md was not read again: %v", got)
	}
}
