package content

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/internal/parallel"
)

// Dir is the folder below the site root that holds the content.
const Dir = layout.Content

// Tree is everything found below content/.
type Tree struct {
	Pages []*Page  // sorted by Path
	Files []string // non-Markdown files (slash paths below content/), sorted
	// Redirects are the old paths that GitBook's settings send to a page.
	Redirects []Redirect
	// Failed lists the Markdown files (slash paths below content/) that
	// could not be read or parsed: their errors are reported, and the
	// site model still counts them, so that a folder whose only page
	// failed is not mistaken for a page bundle.
	Failed []string
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

// Put stores a parsed page. A page that inherited values from a cascade
// is not stored: the cache holds pages as their files alone make them, so
// that a changed cascade reaches them.
func (c *Cache) Put(pg *Page) { c.put(pg) }

func (c *Cache) put(pg *Page) {
	if c == nil || len(pg.inherited.Values) > 0 {
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
	// Changed, when not nil, lists the only content paths (below
	// content/, slash-separated) whose files may differ from the pages in
	// Cache: the live preview's file watcher knows. Every other cached
	// page is taken as it is, without reading its file.
	Changed []string
}

// Load walks content/ in site and parses every Markdown file on all cores,
// starting as soon as the walk finds it. A missing content/ folder is an
// empty site.
func Load(site fs.FS, cfg *config.Config, opts Options) (*Tree, diag.List) {
	tree := &Tree{}
	parsed := make(chan walked, 64)
	found := make(chan walked, 64)
	var col diag.Collector
	unread := opts.unread()
	parallel.Drain(found, func(f walked) {
		if f.page = unread(f.rel); f.page == nil {
			f.page = loadOne(site, f.rel, cfg, opts.Cache, &col)
		}
		if f.page != nil && opts.DropBodies {
			f.page.dropBody()
		}
		parsed <- f
	}, func() { close(parsed) })
	walkErr := make(chan error, 1)
	go func() {
		walkErr <- walkContent(site, tree, found)
		close(found)
	}()
	var all []walked
	for f := range parsed {
		if f.page != nil {
			all = append(all, f)
		} else {
			tree.Failed = append(tree.Failed, f.rel)
		}
	}
	err := <-walkErr
	if errors.Is(err, fs.ErrNotExist) {
		return &Tree{}, nil
	}
	if err != nil {
		return tree, diag.List{diag.Errorf(diag.Pos{File: Dir}, "reading content: %w", err)}
	}
	// Pages come back in the order they were parsed: put them in walk order.
	sort.Slice(all, func(i, j int) bool { return all[i].seq < all[j].seq })
	for _, f := range all {
		tree.Pages = append(tree.Pages, f.page)
	}
	sort.Strings(tree.Files)
	sort.Strings(tree.Failed)
	redirects, diags := loadRedirects(site)
	tree.Redirects = redirects
	col.AddList(diags)
	pages, diags := applyCascade(site, tree.Pages, cfg)
	tree.Pages = pages
	col.AddList(diags)
	return tree, col.List()
}

// walked is one Markdown file found by the walk, numbered in walk order.
type walked struct {
	seq  int
	rel  string
	page *Page
}

// walkContent sends the Markdown files below content/ to found and lists
// the other files in tree.
func walkContent(site fs.FS, tree *Tree, found chan<- walked) error {
	seq := 0
	return fs.WalkDir(site, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, Dir), "/")
		if rel != "" && ignored(d.Name()) && !keptHidden(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if strings.EqualFold(path.Ext(rel), ".md") && !strings.HasPrefix(rel, GitBookAssets+"/") {
			found <- walked{seq: seq, rel: rel}
			seq++
		} else {
			tree.Files = append(tree.Files, rel)
		}
		return nil
	})
}

// ignored reports files and folders that are never content: dotfiles and editor leftovers.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasPrefix(name, "#") || name == "4913"
}

// readPage reads a page whose size is at most max bytes (no limit when
// max is 0); a larger one is refused before it is read.
func readPage(site fs.FS, name string, max int) ([]byte, *diag.Diagnostic) {
	f, err := site.Open(name)
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: name}, "reading page: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: name}, "reading page: %w", err)
	}
	if max > 0 && info.Size() > int64(max) {
		return nil, tooLarge(name, info.Size(), max)
	}
	src := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			return src, nil
		}
		if err != nil {
			return nil, diag.Errorf(diag.Pos{File: name}, "reading page: %w", err)
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
	}
}

// tooLarge is the error of a page over the size limit.
func tooLarge(name string, size int64, max int) *diag.Diagnostic {
	return diag.Errorf(diag.Pos{File: name, Line: 1}, "the page is %d bytes, over the limit of %d bytes (maxPageSize in config.toml)", size, max)
}

// unread returns the cached page of a content path that Changed does
// not list (nil when its file must be read).
func (o Options) unread() func(rel string) *Page {
	if o.Changed == nil || o.Cache == nil {
		return func(string) *Page { return nil }
	}
	changed := make(map[string]bool, len(o.Changed))
	for _, p := range o.Changed {
		changed[p] = true
	}
	return func(rel string) *Page {
		if changed[rel] {
			return nil
		}
		o.Cache.mu.Lock()
		defer o.Cache.mu.Unlock()
		return o.Cache.pages[rel]
	}
}

func loadOne(site fs.FS, rel string, cfg *config.Config, cache *Cache, col *diag.Collector) *Page {
	src, d := readPage(site, Dir+"/"+rel, cfg.MaxPageSize)
	if d != nil {
		col.Add(d)
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
