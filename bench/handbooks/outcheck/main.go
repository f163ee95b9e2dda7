// Command outcheck reads a site that playbook built and reports what a reader
// would trip over: internal links and images that lead nowhere, #fragments
// with no matching id on their page, and markup meant for another platform
// that reached the page as text (Hugo shortcodes, Liquid/GitBook tags,
// escaped raw HTML, block attributes, emoji shortcodes).
//
// usage: outcheck [-base /sub/path/] [-list N] PUBLIC_DIR
//
// It prints one summary line per kind with a count, then up to N examples
// of each, and exits 1 when anything was found.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// rawMarkup names text patterns that mean markup was shown instead of rendered.
var rawMarkup = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"hugo shortcode", regexp.MustCompile(`\{\{[<%]`)},
	{"liquid/gitbook tag", regexp.MustCompile(`\{%-?\s*[a-z]`)},
	{"escaped raw html", regexp.MustCompile(`(?i)<(details|summary|br|sup|sub|kbd|img|a|table|div|span|iframe|p|b|i|strong|em|u|center|font)[\s>/]`)},
	{"block attribute", regexp.MustCompile(`\{\s*[.#][A-Za-z][^}]*\}`)},
	{"emoji shortcode", regexp.MustCompile(`(^|\s):[a-z0-9_+-]{2,}:(\s|$|[.,!?])`)},
}

// finding is one problem on one page.
type finding struct{ page, detail string }

type page struct {
	ids   map[string]bool
	refs  []string
	texts []string
}

func main() {
	base := flag.String("base", "/", "the site's base path (the path of baseURL)")
	list := flag.Int("list", 20, "examples to print per kind")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: outcheck [-base /sub/] [-list N] PUBLIC_DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	pages, err := readSite(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	found := map[string][]finding{}
	checkLinks(dir, *base, pages, found)
	checkText(pages, found)
	os.Exit(report(len(pages), found, *list))
}

// readSite parses every HTML file of dir except redirect pages.
func readSite(dir string) (map[string]*page, error) {
	pages := map[string]*page{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		pg := &page{ids: map[string]bool{}}
		walk(doc, pg, false)
		pages[filepath.ToSlash(rel)] = pg
		return nil
	})
	return pages, err
}

// walk collects ids, href/src values and visible text (outside code, pre,
// script and style, where markup-looking text is expected).
func walk(n *html.Node, pg *page, inCode bool) {
	switch n.Type {
	case html.ElementNode:
		for _, a := range n.Attr {
			switch a.Key {
			case "id":
				pg.ids[a.Val] = true
			case "name":
				if n.Data == "a" {
					pg.ids[a.Val] = true
				}
			case "href", "src":
				if n.Data != "link" || a.Key == "href" {
					pg.refs = append(pg.refs, a.Val)
				}
			}
		}
		switch n.Data {
		case "code", "pre", "script", "style", "textarea", "template", "kbd", "samp", "noscript":
			inCode = true
		}
	case html.TextNode:
		if !inCode {
			pg.texts = append(pg.texts, n.Data)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, pg, inCode)
	}
}

// checkLinks records internal references whose file or fragment is missing.
func checkLinks(dir, base string, pages map[string]*page, found map[string][]finding) {
	for name, pg := range pages {
		for _, ref := range pg.refs {
			target, frag, ok := localTarget(base, name, ref)
			if !ok {
				continue
			}
			if target == "" {
				found["link outside base path"] = append(found["link outside base path"], finding{name, ref})
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
				found["dead internal link"] = append(found["dead internal link"], finding{name, ref})
				continue
			}
			if t, isPage := pages[target]; frag != "" && isPage && !t.ids[frag] && !t.ids[unescape(frag)] {
				found["missing fragment"] = append(found["missing fragment"], finding{name, ref})
			}
		}
	}
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// localTarget maps ref on page name to the output file it names; ok=false
// for external links and target "" for internal links outside base.
func localTarget(base, name, ref string) (target, frag string, ok bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(ref, "//") {
		return "", "", false
	}
	p := u.Path
	switch {
	case p == "":
		p = base + strings.TrimSuffix(name, "index.html")
	case !strings.HasPrefix(p, "/"):
		trail := strings.HasSuffix(p, "/")
		p = path.Join(base+path.Dir(name), p)
		if trail {
			p += "/"
		}
	case !strings.HasPrefix(p, base) && p+"/" != base:
		return "", "", true
	}
	rel := strings.TrimPrefix(p, strings.TrimSuffix(base, "/"))
	rel = strings.TrimPrefix(rel, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel, u.Fragment, true
}

// checkText records visible text that holds markup of another platform.
func checkText(pages map[string]*page, found map[string][]finding) {
	for name, pg := range pages {
		for _, t := range pg.texts {
			for _, m := range rawMarkup {
				if loc := m.re.FindStringIndex(t); loc != nil {
					found[m.kind] = append(found[m.kind], finding{name, excerpt(t, loc[0])})
				}
			}
		}
	}
}

func excerpt(s string, at int) string {
	lo, hi := max(0, at-20), min(len(s), at+50)
	return strings.Join(strings.Fields(s[lo:hi]), " ")
}

// report prints the summary and examples and returns the exit code.
func report(n int, found map[string][]finding, list int) int {
	kinds := make([]string, 0, len(found))
	for k := range found {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Printf("html pages: %d\n", n)
	for _, k := range kinds {
		fs := found[k]
		sort.Slice(fs, func(i, j int) bool { return fs[i].page+fs[i].detail < fs[j].page+fs[j].detail })
		pagesWith := map[string]bool{}
		for _, f := range fs {
			pagesWith[f.page] = true
		}
		fmt.Printf("%s: %d on %d pages\n", k, len(fs), len(pagesWith))
		for i, f := range fs {
			if i == list {
				fmt.Printf("    … %d more\n", len(fs)-list)
				break
			}
			fmt.Printf("    %s: %s\n", f.page, f.detail)
		}
	}
	if len(found) == 0 {
		fmt.Println("no dead links, missing fragments or raw markup found")
		return 0
	}
	return 1
}
