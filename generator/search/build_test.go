package search

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// filler returns n words of neutral body text.
func filler(n int) string {
	words := []string{"team", "review", "weekly", "notes", "customer", "account", "plan", "owner"}
	var b strings.Builder
	for i := range n {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	return b.String()
}

func page(url, title string, sections ...Section) Doc {
	return Doc{URL: url, Title: title, Type: "guide", TypeTitle: "Guide", Sections: sections}
}

func body(text string) Section { return Section{Text: text} }

func mustBuild(t testing.TB, docs []Doc) *index {
	t.Helper()
	files, err := Build(docs)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return openIndex(t, files)
}

func TestRankingFieldWeights(t *testing.T) {
	docs := []Doc{
		page("/body/", "Body page", body(filler(40)+" orbit "+filler(40))),
		page("/title/", "Orbit planning", body(filler(80)+" orbit")),
		page("/heading/", "Heading page", Section{ID: "orbit", Title: "The orbit review", Level: 2, Text: filler(80)}),
		page("/tag/", "Tag page", body(filler(81))),
		page("/none/", "Nothing here", body(filler(81))),
	}
	docs[3].Tags = []string{"Orbit"}
	ix := mustBuild(t, docs)
	got := ix.search("orbit")
	want := []string{"/title/", "/heading/", "/tag/", "/body/"}
	if !slices.Equal(got, want) {
		t.Errorf("search(%q) = %q; want %q", "orbit", got, want)
	}
}

func TestSearchMatching(t *testing.T) {
	docs := []Doc{
		page("/a/", "Lead scoring handbook", body("How marketing scores leads before the handoff.")),
		page("/b/", "Café meetings", body("Meet at the café every Monday.")),
		page("/c/", "営業チームとの合意", body("マーケティングと営業の連携。")),
		page("/d/", "Lead routing", body("Routing rules for inbound leads.")),
	}
	ix := mustBuild(t, docs)
	tests := []struct {
		q    string
		want []string
	}{
		{"lead", []string{"/a/", "/d/"}},
		{"leads scoring", []string{"/a/"}},
		{"Lead AND nothing", nil},
		{"cafe", []string{"/b/"}},
		{"CAFÉ", []string{"/b/"}},
		{"営業", []string{"/c/"}},
		{"チーム", []string{"/c/"}},
		{"マーケティング", []string{"/c/"}},
		{"the", nil},
	}
	for _, tt := range tests {
		got := ix.search(tt.q)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("search(%q) = %q; want %q", tt.q, got, tt.want)
		}
	}
}

// bigCorpus makes n pages with a shared vocabulary plus one unique word each.
func bigCorpus(n int) []Doc {
	rng := rand.New(rand.NewSource(1))
	docs := make([]Doc, n)
	for i := range docs {
		var b strings.Builder
		for range 200 {
			fmt.Fprintf(&b, "w%d ", rng.Intn(3000))
		}
		fmt.Fprintf(&b, "unique%05d", i)
		docs[i] = page(fmt.Sprintf("/p/%05d/", i), fmt.Sprintf("Page %d", i), body(b.String()))
		docs[i].Tags = []string{fmt.Sprintf("tag%d", i%7)}
		docs[i].Teams = []string{"Sales"}
	}
	return docs
}

func TestShardLookup(t *testing.T) {
	ix := mustBuild(t, bigCorpus(1500))
	if n := len(ix.manifest.Shards); n < 10 {
		t.Fatalf("got %d shards; want at least 10 for 1500 pages", n)
	}
	for i, s := range ix.manifest.Shards[1:] {
		if prev := ix.manifest.Shards[i]; prev[1] > s[0] {
			t.Errorf("shard %d range %q..%q overlaps the next %q..%q", i, prev[0], prev[1], s[0], s[1])
		}
	}
	for _, id := range []int{0, 777, 1499} {
		q := fmt.Sprintf("unique%05d", id)
		got := ix.search(q)
		want := []string{fmt.Sprintf("/p/%05d/", id)}
		if !slices.Equal(got, want) {
			t.Errorf("search(%q) = %q; want %q", q, got, want)
		}
	}
	if n := ix.fetchedShards(); n > 3 {
		t.Errorf("three one-word queries read %d shards; want at most 3", n)
	}
}

func TestDeterministic(t *testing.T) {
	docs := bigCorpus(600)
	a, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(docs)
	rand.New(rand.NewSource(7)).Shuffle(len(shuffled), func(i, j int) {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	})
	b, err := Build(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "Build of the shuffled docs", b, a)
}

// sameFiles fails unless got holds the paths and bytes of want, in order.
func sameFiles(t *testing.T, what string, got, want []File) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s gave %d files; want %d", what, len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Fatalf("%s: file %d is %s; want %s (or the bytes differ)", what, i, got[i].Path, want[i].Path)
		}
	}
}

func TestDuplicateURL(t *testing.T) {
	_, err := Build([]Doc{page("/a/", "One"), page("/a/", "Two")})
	var list diag.List
	if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Msg, `"/a/"`) {
		t.Errorf("Build(duplicate URLs) error = %v; want one diagnostic naming /a/", err)
	}
}

func TestEmptyAndHostileInput(t *testing.T) {
	docs := []Doc{
		{URL: "/x/", Title: `<img src=x onerror=alert(1)>`},
		{URL: "/y/", Title: "\xff\xfe", Sections: []Section{{ID: "a", Title: "\x00", Text: strings.Repeat("é", 40000)}}},
	}
	ix := mustBuild(t, docs)
	if f := ix.fragment(0); f.Title != `<img src=x onerror=alert(1)>` {
		t.Errorf("fragment title = %q; want it kept literally", f.Title)
	}
	if f := ix.fragment(1); len(f.Sections[0][2]) > fragmentTextLimit {
		t.Errorf("fragment text is %d bytes; want at most %d", len(f.Sections[0][2]), fragmentTextLimit)
	}
	if got := ix.search("onerror"); !slices.Equal(got, []string{"/x/"}) {
		t.Errorf("search(onerror) = %q", got)
	}
	if _, err := Build(nil); err != nil {
		t.Errorf("Build(nil) = %v; want no error", err)
	}
}

// TestGolden pins the file layout and encodings of a small index.
func TestGolden(t *testing.T) {
	docs := []Doc{
		page("/guides/joint/", "Joint pipeline reviews", Section{Text: "Sales and marketing meet weekly."},
			Section{ID: "agenda", Title: "Agenda", Level: 2, Text: "Review leads and handoffs."}),
		{URL: "/cases/northwind/", Title: "Northwind doubles conversion", Type: "case-study", TypeTitle: "Case study",
			Teams: []string{"Sales", "Marketing"}, Tags: []string{"attribution"},
			Fields: map[string]string{"industry": "B2B software"}, SectionPath: []string{"Case studies"},
			Sections: []Section{{Text: "Résumé: 営業 aligned."}}},
	}
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	ix := openIndex(t, files)
	for _, f := range files {
		fmt.Fprintf(&b, "---------- %s (%d bytes) ----------\n", f.Path, len(f.Data))
		switch {
		case f.Path == ManifestPath:
			b.Write(f.Data)
		case strings.HasPrefix(f.Path, shardDir):
			terms, err := decodeShard(ix.read(f.Path, true))
			if err != nil {
				t.Fatal(err)
			}
			for _, tm := range terms {
				fmt.Fprintf(&b, "%s %q docs=%v scores=%v\n", tm.stem, tm.surfaces, tm.docs, tm.scores)
			}
		case strings.HasPrefix(f.Path, fragmentDir):
			b.Write(ix.read(f.Path, true))
			b.WriteByte('\n')
		}
	}
	compareGolden(t, filepath.Join("testdata", "golden.txt"), b.String())
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, got)
	}
}

// TestCodeIndexedNotShown: words that occur only in code blocks find the
// page, but the fragment (what excerpts are drawn from) holds prose only.
func TestCodeIndexedNotShown(t *testing.T) {
	docs := []Doc{
		page("/config/", "Routing settings",
			Section{Text: "Set the owner field.", Code: "lead_router.max_queue = 40"},
			Section{ID: "sync", Title: "Sync", Level: 2, Text: "Nightly sync.", Code: "crm sync --dry-run"}),
		page("/other/", "Other page", body("Nothing about routers here.")),
	}
	ix := mustBuild(t, docs)
	for _, q := range []string{"max_queue", "lead_router", "dry-run", "crm"} {
		if got := ix.search(q); !slices.Equal(got, []string{"/config/"}) {
			t.Errorf("search(%q) = %q; want [/config/]", q, got)
		}
	}
	f := ix.fragment(0)
	for _, s := range f.Sections {
		for _, code := range []string{"max_queue", "lead_router", "dry-run", "crm"} {
			if strings.Contains(s[2], code) {
				t.Errorf("fragment section %q text %q shows code %q", s[0], s[2], code)
			}
		}
	}
	if want := "Set the owner field."; f.Sections[0][2] != want {
		t.Errorf("fragment section 0 text = %q; want %q", f.Sections[0][2], want)
	}
}

// TestWriteStopsAtFirstError checks that Write returns emit's first
// error, not an error of the indexing it stopped (pages of a chunk never
// added), and hands over no manifest after it.
func TestWriteStopsAtFirstError(t *testing.T) {
	var docs []Doc
	for i := range 2000 {
		docs = append(docs, page(fmt.Sprintf("/p%05d/", i), fmt.Sprintf("Page %d about meetings and metrics", i)))
	}
	stopped := errors.New("dropped")
	calls := 0
	err := Write(docs, func(f File) error {
		calls++
		if f.Path == ManifestPath {
			t.Error("the manifest was handed over after an error")
		}
		if calls == 1 {
			return stopped
		}
		return nil
	})
	if !errors.Is(err, stopped) {
		t.Fatalf("Write = %v, want the emit error", err)
	}
}
