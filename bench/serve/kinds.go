package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// editKind is one kind of edit a writer makes: do makes it (round n),
// undo puts the site back, url and marker say where the change shows
// ("" marker: only the reload is waited for).
type editKind struct {
	name   string
	setup  func(b *bench) error // before the first edit, waited for and not measured (nil: none)
	clean  func(b *bench) error // after the last undo, likewise
	do     func(b *bench, n int) error
	undo   func(b *bench) error
	url    func(b *bench, n int) string
	marker func(n int) string
	gone   bool // the page at url is gone: served is a 404
}

// kinds are the edits measured by the kinds mode.
var kinds = []editKind{
	{name: "body", do: func(b *bench, n int) error { return b.edit(n) }, undo: restorePage,
		url: pageURL, marker: func(n int) string { return fmt.Sprintf("Edit marker %d.", n) }},
	{name: "title", do: func(b *bench, n int) error {
		return b.writePage(strings.Replace(string(b.original), `title = "`, fmt.Sprintf(`title = "Retitled %d `, n), 1))
	}, undo: restorePage, url: pageURL, marker: func(n int) string { return fmt.Sprintf("Retitled %d ", n) }},
	{name: "new tag", do: func(b *bench, n int) error {
		return b.writePage(withTag(string(b.original), fmt.Sprintf("bench-tag-%d", n)))
	},
		undo: restorePage, url: func(b *bench, n int) string { return b.url + fmt.Sprintf("tags/bench-tag-%d/", n) },
		marker: func(n int) string { return fmt.Sprintf("bench-tag-%d", n) }},
	{name: "new page", do: func(b *bench, n int) error {
		return writeNew(b, filepath.Join("content", "guides", fmt.Sprintf("bench-new-%d.md", n)), n)
	}, undo: func(b *bench) error { return removeGlob(b, "content/guides/bench-new-*.md") },
		url: func(b *bench, n int) string { return b.url + fmt.Sprintf("guides/bench-new-%d/", n) }, marker: newMarker},
	{name: "new folder", do: func(b *bench, n int) error {
		return writeNew(b, filepath.Join("content", fmt.Sprintf("bench-folder-%d", n), "page.md"), n)
	}, undo: func(b *bench) error { return removeGlob(b, "content/bench-folder-*") },
		url: func(b *bench, n int) string { return b.url + fmt.Sprintf("bench-folder-%d/page/", n) }, marker: newMarker},
	{name: "delete", do: func(b *bench, _ int) error { return os.Remove(filepath.Join(b.site, b.page)) }, undo: restorePage,
		url: pageURL, gone: true},
	{name: "rename", do: func(b *bench, _ int) error {
		return os.Rename(filepath.Join(b.site, b.page), filepath.Join(b.site, renamed(b.page)))
	}, undo: func(b *bench) error {
		_ = os.Remove(filepath.Join(b.site, renamed(b.page)))
		return restorePage(b)
	}, url: func(b *bench, _ int) string { return strings.TrimSuffix(b.pageURL, "/") + "-renamed/" },
		marker: func(int) string { return "-renamed/" }},
	{name: "static file", setup: func(b *bench) error {
		if err := os.MkdirAll(filepath.Join(b.site, "static"), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(b.site, "static", "bench.txt"), []byte("static 0\n"), 0o644)
	}, clean: func(b *bench) error { return os.Remove(filepath.Join(b.site, "static", "bench.txt")) },
		do: func(b *bench, n int) error {
			return os.WriteFile(filepath.Join(b.site, "static", "bench.txt"), fmt.Appendf(nil, "static %d\n", n), 0o644)
		}, undo: func(b *bench) error {
			return os.WriteFile(filepath.Join(b.site, "static", "bench.txt"), []byte("static 0\n"), 0o644)
		},
		url: func(b *bench, _ int) string { return b.url + "bench.txt" }, marker: func(n int) string { return fmt.Sprintf("static %d", n) }},
}

func pageURL(b *bench, _ int) string { return b.pageURL }

func newMarker(n int) string { return fmt.Sprintf("New page text %d.", n) }

func restorePage(b *bench) error { return b.writePage(string(b.original)) }

func renamed(page string) string { return strings.TrimSuffix(page, ".md") + "-renamed.md" }

func (b *bench) writePage(s string) error {
	return os.WriteFile(filepath.Join(b.site, b.page), []byte(s), 0o644)
}

// withTag adds tag to a page's TOML front matter.
func withTag(src, tag string) string {
	if strings.Contains(src, "\ntags = [") {
		return strings.Replace(src, "\ntags = [", fmt.Sprintf("\ntags = [%q, ", tag), 1)
	}
	return strings.Replace(src, "+++\n", fmt.Sprintf("+++\ntags = [%q]\n", tag), 1)
}

func writeNew(b *bench, rel string, n int) error {
	path := filepath.Join(b.site, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	page := fmt.Sprintf("+++\ntitle = \"Bench page %d\"\ndescription = \"A page the benchmark adds.\"\n+++\n\nNew page text %d.\n", n, n)
	return os.WriteFile(path, []byte(page), 0o644)
}

func removeGlob(b *bench, pattern string) error {
	matches, _ := filepath.Glob(filepath.Join(b.site, filepath.FromSlash(pattern)))
	for _, m := range matches {
		if err := os.RemoveAll(m); err != nil {
			return err
		}
	}
	return nil
}

// kindsLatency makes each kind of edit n times and reports, per kind, the
// time from the save to the reload event, whether the change was served
// right after it, and the time from the save until it was (the server
// may wait for a page the build has not settled yet). The undo of each edit is waited for, unmeasured.
func (b *bench) kindsLatency(n int, settle time.Duration, only string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := b.events(ctx)
	if err != nil {
		return err
	}
	if name := <-events; name != "hello" {
		return fmt.Errorf("first event %q; want hello", name)
	}
	fmt.Printf("page %s, %d edits of each kind\n", b.page, n)
	for _, k := range kinds {
		if only != "" && !strings.Contains(","+only+",", ","+k.name+",") {
			continue
		}
		if err := b.step(k.setup, events, settle); err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		var took, served []time.Duration
		stale := 0
		for i := 1; i <= n; i++ {
			saved := time.Now()
			if err := k.do(b, i); err != nil {
				return fmt.Errorf("%s: %w", k.name, err)
			}
			if err := waitReload(events); err != nil {
				return fmt.Errorf("%s %d: %w", k.name, i, err)
			}
			took = append(took, time.Since(saved))
			if k.url != nil {
				if servedAs(k, b, i) {
					served = append(served, time.Since(saved))
				} else {
					stale++
				}
			}
			time.Sleep(settle)
			if err := k.undo(b); err != nil {
				return fmt.Errorf("undo %s: %w", k.name, err)
			}
			if err := waitReload(events); err != nil {
				return fmt.Errorf("undo %s %d: %w", k.name, i, err)
			}
			time.Sleep(settle)
		}
		if err := b.step(k.clean, events, settle); err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		fmt.Printf("%-12s save → reload event: %s; stale after the event: %d\n", k.name, summary(took), stale)
		if len(served) > 0 {
			fmt.Printf("%-12s save → changed page served: %s\n", "", summary(served))
		}
	}
	return nil
}

// step makes an unmeasured change and waits for its reload.
func (b *bench) step(change func(*bench) error, events <-chan string, settle time.Duration) error {
	if change == nil {
		return nil
	}
	if err := change(b); err != nil {
		return err
	}
	if err := waitReload(events); err != nil {
		return err
	}
	time.Sleep(settle)
	return nil
}

// servedAs reports whether edit n of kind k shows at its URL: a 404 for
// a page gone, else the page with its marker.
func servedAs(k editKind, b *bench, n int) bool {
	if k.gone {
		return goneAt(k.url(b, n))
	}
	return servedAt(k.url(b, n), k.marker(n))
}

// goneAt reports whether url is answered with a 404.
func goneAt(url string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusNotFound
}

// servedAt reports whether url is served with marker in it.
func servedAt(url, marker string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode == http.StatusOK && strings.Contains(string(body), marker)
}
