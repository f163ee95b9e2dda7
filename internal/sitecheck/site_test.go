package sitecheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// basePath is where the sample site is served in these tests: a sub-path,
// so that every link must honour the site's BasePath.
const basePath = "/playbook/"

// buildSample builds the repository's sample site into a temporary folder
// and returns that folder.
func buildSample(t *testing.T) string {
	t.Helper()
	root, err := browsertest.ModuleRoot()
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	dir := t.TempDir()
	res, err := build.Build(t.Context(), build.Options{
		Source:      root,
		Destination: dir,
		BaseURL:     "http://127.0.0.1" + basePath,
		Quiet:       true,
	})
	if err != nil {
		t.Fatalf("build sample site: %v", err)
	}
	if res != nil && len(res.Diagnostics) > 0 {
		t.Logf("build diagnostics:\n%v", res.Diagnostics)
	}
	return dir
}

// htmlPages lists the HTML files of dir as slash paths relative to it.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("list pages: %v", err)
	}
	if len(pages) == 0 {
		t.Fatalf("the built site in %s has no HTML pages", dir)
	}
	sort.Strings(pages)
	return pages
}

// isRedirect reports whether the page is an alias (meta refresh) page,
// which navigates away as soon as it loads.
func isRedirect(t *testing.T, dir, page string) bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(b), `http-equiv="refresh"`)
}

// pageURL is the URL of page (a path such as "guides/x/index.html") under base.
func pageURL(base, page string) string {
	return base + strings.TrimSuffix(page, "index.html")
}
