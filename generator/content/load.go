package content

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
)

// Dir is the folder below the site root that holds the content.
const Dir = "content"

// Tree is everything found below content/.
type Tree struct {
	Pages []*Page  // sorted by Path
	Files []string // non-Markdown files (slash paths below content/), sorted
}

// Cache keeps parsed pages between builds, keyed by path and content hash.
type Cache struct {
	mu    sync.Mutex
	pages map[string]*Page
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{pages: map[string]*Page{}} }

func (c *Cache) get(p string, hash uint64) *Page {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if pg := c.pages[p]; pg != nil && pg.Hash == hash {
		return pg
	}
	return nil
}

// Put stores a parsed page.
func (c *Cache) Put(pg *Page) { c.put(pg) }

func (c *Cache) put(pg *Page) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.pages[pg.Path] = pg
	c.mu.Unlock()
}

// Options control Load.
type Options struct {
	// Cache, when set, hands out pages whose bytes are unchanged since an
	// earlier Load (the live preview) and keeps the new ones.
	Cache *Cache
	// DropBodies frees each page's Markdown as soon as its front matter is
	// read; Page.ReadBody reads it again when the page is rendered. A
	// one-off build then never holds the whole site's text at once.
	DropBodies bool
}

// Load walks content/ in site and parses every Markdown file on all cores.
// A missing content/ folder is an empty site.
func Load(site fs.FS, cfg *config.Config, opts Options) (*Tree, diag.List) {
	tree := &Tree{}
	var mdPaths []string
	err := fs.WalkDir(site, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, Dir), "/")
		if rel != "" && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if strings.EqualFold(path.Ext(rel), ".md") {
			mdPaths = append(mdPaths, rel)
		} else {
			tree.Files = append(tree.Files, rel)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return tree, nil
	}
	if err != nil {
		return tree, diag.List{diag.Errorf(diag.Pos{File: Dir}, "reading content: %w", err)}
	}
	pages, diags := parseAll(site, mdPaths, cfg, opts)
	tree.Pages = pages
	sort.Strings(tree.Files)
	return tree, diags
}

// ignored reports files and folders that are never content: dotfiles and editor leftovers.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasPrefix(name, "#") || name == "4913"
}

func parseAll(site fs.FS, paths []string, cfg *config.Config, opts Options) ([]*Page, diag.List) {
	pages := make([]*Page, len(paths))
	var col diag.Collector
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				pages[i] = loadOne(site, paths[i], cfg, opts.Cache, &col)
				if pages[i] != nil && opts.DropBodies {
					pages[i].dropBody()
				}
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	out := pages[:0]
	for _, p := range pages {
		if p != nil {
			out = append(out, p)
		}
	}
	return out, col.List()
}

func loadOne(site fs.FS, rel string, cfg *config.Config, cache *Cache, col *diag.Collector) *Page {
	src, err := fs.ReadFile(site, Dir+"/"+rel)
	if err != nil {
		col.Add(diag.Errorf(diag.Pos{File: Dir + "/" + rel}, "reading page: %w", err))
		return nil
	}
	h := hashBytes(src)
	if pg := cache.get(rel, h); pg != nil {
		return pg
	}
	pg, diags := Parse(rel, src, cfg)
	col.AddList(diags)
	if pg != nil && len(diags) == 0 {
		cache.put(pg)
	}
	return pg
}
