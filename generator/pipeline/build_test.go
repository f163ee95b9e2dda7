package pipeline

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/internal/sitetest"
	"github.com/rogpeppe/go-internal/txtar"
)

// buildSite writes a txtar archive into a temp dir and builds it.
func buildSite(t *testing.T, archive string, opts Options) (string, *Result, error) {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		writeFile(t, filepath.Join(root, f.Name), f.Data)
	}
	opts.Source = root
	if opts.Destination == "" {
		opts.Destination = filepath.Join(root, "public")
	}
	res, err := Build(context.Background(), opts)
	return opts.Destination, res, err
}

// Helpers shared with generator/rebuild's tests.
var (
	writeFile   = sitetest.WriteFile
	read        = sitetest.Read
	mustContain = sitetest.MustContain
	readTree    = sitetest.ReadTree
)

const typedSite = sitetest.TypedSite

func TestTypedSite(t *testing.T) {
	loaded := -1
	dest, res, err := buildSite(t, typedSite, Options{Loaded: func(n int) { loaded = n }})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if loaded != res.Pages || loaded == 0 {
		t.Errorf("Loaded reported %d pages; want the build's %d", loaded, res.Pages)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	if got := res.Stats.PagesByType; got["playbook"] != 2 || got["case-study"] != 1 {
		t.Errorf("PagesByType = %v; want 2 playbooks, 1 case study", got)
	}
	// Section lists follow weight; prev/next follow the list.
	list := read(t, dest, "playbooks/index.html")
	if i, j := strings.Index(list, "First play"), strings.Index(list, "Second play"); i < 0 || j < 0 || i > j {
		t.Errorf("playbooks list order: First at %d, Second at %d; want First before Second", i, j)
	}
	mustContain(t, dest, "playbooks/a-first/index.html", `href="/hub/playbooks/b-second/"`)
	// Links resolve under the subpath.
	mustContain(t, dest, "playbooks/b-second/index.html", `href="/hub/playbooks/a-first/"`)
	mustContain(t, dest, "case-studies/acme/index.html", `href="/hub/playbooks/a-first/#agenda"`, "5.6 pts", "80% less time", "(improved)", "Acme", `role="img"`)
	// Every case study's results in one table and two downloads.
	mustContain(t, dest, "case-studies/results/index.html", `href="/hub/case-studies/acme/"`, "Conversion", "&#43;5.6 pts", "80% less time")
	mustContain(t, dest, "case-studies/results.csv", "Acme doubles conversion,https://intranet.example.com/hub/case-studies/acme/,Acme,Software,Sales,Response time,hours,30,6,true,80% less time,-80,percent")
	mustContain(t, dest, "case-studies/results.json", `"median_change": "+5.6 pts"`)
	// Terms differing in case are one term.
	mustContain(t, dest, "teams/sales/index.html", "First play", "Second play", "Acme doubles conversion")
	mustContain(t, dest, "sitemap.xml", "<loc>https://intranet.example.com/hub/playbooks/a-first/</loc>")
	mustContain(t, dest, "index.xml", `<feed xmlns="http://www.w3.org/2005/Atom">`)
	if _, err := os.Stat(filepath.Join(dest, "search")); err != nil {
		t.Errorf("no search index: %v", err)
	}
}

func TestSameInputSameBytes(t *testing.T) {
	a, _, err := buildSite(t, typedSite, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := buildSite(t, typedSite, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	fs.WalkDir(os.DirFS(a), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		x, _ := os.ReadFile(filepath.Join(a, p))
		y, err := os.ReadFile(filepath.Join(b, p))
		if err != nil || string(x) != string(y) {
			t.Errorf("%s differs between two builds of the same input", p)
		}
		return nil
	})
	if files < 10 {
		t.Fatalf("only %d files built", files)
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	writeFile(t, filepath.Join(root, "content/a.md"), []byte("# A\n"))
	if _, err := Build(context.Background(), Options{Source: root, Destination: dest}); err != nil {
		t.Fatal(err)
	}
	before := read(t, dest, "a/index.html")
	writeFile(t, filepath.Join(root, "content/a.md"), []byte("+++\ntitle = \n+++\n"))
	writeFile(t, filepath.Join(root, "content/b.md"), []byte("---\ntitle: [\n---\n"))
	_, err := Build(context.Background(), Options{Source: root, Destination: dest})
	if err == nil || !IsBuildError(err) {
		t.Fatalf("Build with bad front matter: err = %v; want build errors", err)
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 2 {
		t.Errorf("got %d errors, want both files reported:\n%v", n, err)
	}
	if after := read(t, dest, "a/index.html"); after != before {
		t.Error("failed build changed the published output")
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.Contains(e.Name(), "staging") {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}

// A folder of plain Markdown (no front matter, index.md sections, relative
// .md links) builds with no errors and no broken links.
func TestPlainHandbook(t *testing.T) {
	root := t.TempDir()
	err := os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join("testdata", "handbook")))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Source: root, Destination: filepath.Join(root, "public"), Strict: true})
	if err != nil {
		t.Fatalf("handbook build: %v", err)
	}
	if res.Stats.PagesByType["page"] < 5 {
		t.Errorf("PagesByType = %v; want the handbook's pages", res.Stats.PagesByType)
	}
}

func TestPagination(t *testing.T) {
	dest, _, err := buildSite(t, strings.Replace(typedSite, `title = "Hub"`, "title = \"Hub\"\npaginate = 1", 1), Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, dest, "playbooks/index.html", "2 pages", "First play", `href="/hub/playbooks/page/2/" rel="next"`, `aria-current="page"`)
	mustContain(t, dest, "playbooks/page/2/index.html", "Second play", `rel="prev"`, "Page 2 of 2")
	if strings.Contains(read(t, dest, "playbooks/page/2/index.html"), "First play</a></h3>") {
		t.Error("page 2 repeats the first page's item")
	}
	mustContain(t, dest, "teams/sales/page/3/index.html", "Page 3 of 3")
}
