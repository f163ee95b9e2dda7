package sitecheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	build "github.com/playbookhq/playbook/generator/pipeline"
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
	return buildSite(t, root)
}

// buildSampleWith builds a copy of the sample site whose config.toml has
// the top-level setting key = value (it must be there already), and
// returns the output folder.
func buildSampleWith(t *testing.T, key, value string) string {
	t.Helper()
	root, err := browsertest.ModuleRoot()
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	src := t.TempDir()
	for _, dir := range []string{"content", "static", "themes"} {
		if _, err := os.Stat(filepath.Join(root, dir)); err != nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(src, dir), os.DirFS(filepath.Join(root, dir))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	setting := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + ` *=.*$`)
	if !setting.Match(cfg) {
		t.Fatalf("the sample config.toml has no %s setting", key)
	}
	cfg = setting.ReplaceAll(cfg, []byte(key+" = "+value))
	if err := os.WriteFile(filepath.Join(src, "config.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return buildSite(t, src)
}

// buildSite builds the site at src into a temporary folder, served under
// basePath, and returns that folder.
func buildSite(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	res, err := build.Build(t.Context(), build.Options{
		Source:      src,
		Destination: dir,
		BaseURL:     "http://127.0.0.1" + basePath,
		Quiet:       true,
	})
	if err != nil {
		t.Fatalf("build %s: %v", src, err)
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
	return strings.Contains(readPage(t, dir, page), `http-equiv="refresh"`)
}

// readPage returns the text of page (a slash path) in dir.
func readPage(t *testing.T, dir, page string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pageURL is the URL of page (a path such as "guides/x/index.html") under base.
func pageURL(base, page string) string {
	return base + strings.TrimSuffix(page, "index.html")
}
