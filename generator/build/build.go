// Package build runs the stages of playbook in order: configuration,
// content, site model, Markdown and templates, search index and output.
// A Builder keeps caches between builds for the live preview.
package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/pagesource"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// Version is playbook's version, shown by `playbook version` and in pages.
var Version = "0.1.0"

// Options say what to build and where.
type Options struct {
	Source      string // site root: config.toml, content/, static/, themes/
	Destination string // output folder
	BaseURL     string // overrides config baseURL when non-empty
	BuildDrafts bool
	Strict      bool // warnings fail the build
	Quiet       bool
	InPlace     bool // replace files inside Destination one by one instead of staging and swapping

	// Inspect, when set, makes the build an in-memory check that hands
	// the site to the Inspector and writes nothing (`playbook check`).
	Inspect Inspector
	// Extras adds pages and reader notices worked out from the model (the
	// health package's page and "Review due"); nil adds nothing.
	Extras Extras

	// Loaded, when set, is called once the content is loaded and before
	// anything is rendered, with the number of pages the build will make.
	Loaded func(pages int)
}

// Stats counts what a build made.
type Stats struct {
	PagesByType map[string]int // content pages by type
	Sections    int
	Terms       int
	Aliases     int
	Files       int // files written
	Removed     int // stale files of earlier builds removed
}

// Result reports a build.
type Result struct {
	Diagnostics diag.List
	Written     []string // output paths (slash, relative to Destination) written or removed
	CSSOnly     bool     // only stylesheets changed since the previous build
	Pages       int
	Stats       Stats
	Elapsed     time.Duration
	// PageURLs maps each page's source file to its URL (site path). Only
	// full builds of a Builder that rebuilds (the live preview) set it;
	// partial rebuilds leave it nil, the pages being the same.
	PageURLs map[string]string
}

// Build runs one full build.
func Build(ctx context.Context, opts Options) (*Result, error) {
	b := NewBuilder(opts)
	b.oneOff = true
	return b.Build(ctx, nil)
}

// Builder builds a site again and again, reusing what did not change.
type Builder struct {
	opts   Options
	cache  *content.Cache
	prev   map[string]uint64 // output path → hash of its bytes in the previous build
	last   *run              // the last successful build, for partial rebuilds
	index  sync.WaitGroup    // a search index still being written in the background
	oneOff bool              // no rebuild follows: memory can be freed as the build goes

	commitMu   sync.Mutex // one publisher at a time (partial builds, background index)
	indexMu    sync.Mutex
	indexNext  []search.Doc // docs waiting to be indexed in the background
	indexBusy  bool
	indexAsked time.Time // when the newest docs were handed over
}

// NewBuilder returns a Builder for opts.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts, cache: content.NewCache()}
}

// Build rebuilds the site. changed lists source paths that changed since
// the previous call (nil means everything). On errors it returns a
// diag.List as the error and leaves the previous output in place.
func (b *Builder) Build(ctx context.Context, changed []string) (*Result, error) {
	start := time.Now()
	if b.opts.Inspect != nil {
		res, err := b.check(ctx)
		res.Elapsed = time.Since(start)
		return res, err
	}
	if configChanged(changed) {
		b.cache = content.NewCache()
	}
	res, err, ok := b.partial(ctx, changed)
	if !ok {
		b.index.Wait() // a full build writes its own index
		res, err = b.run(ctx)
	}
	res.Elapsed = time.Since(start)
	return res, err
}

func configChanged(changed []string) bool {
	for _, c := range changed {
		if c == config.FileName {
			return true
		}
	}
	return false
}

// run does one build from scratch, reusing only parsed pages.
func (b *Builder) run(ctx context.Context) (*Result, error) {
	res := &Result{}
	var diags diag.List
	fail := func(ds diag.List) (*Result, error) {
		res.Diagnostics = dedupe(append(diags, ds...))
		return res, failure(res.Diagnostics, b.opts.Strict)
	}
	siteFS := os.DirFS(b.opts.Source)
	cfg, d := config.Load(siteFS)
	diags = append(diags, d...)
	if b.opts.BaseURL != "" {
		base, err := config.NormalizeBaseURL(b.opts.BaseURL)
		if err != nil {
			return fail(diag.List{diag.Errorf(diag.Pos{}, "--baseURL: %w", err)})
		}
		cfg.BaseURL = base
	}
	theme, d := render.LoadTheme(siteFS, cfg.Theme)
	diags = append(diags, d...)
	shortcodes, d := render.LoadShortcodes(siteFS, cfg.Theme, shortcodeFuncs(cfg))
	diags = append(diags, d...)
	git := pagesource.Start(ctx, filepath.Join(b.opts.Source, content.Dir), cfg.GitInfo)
	tree, d := content.Load(siteFS, cfg, content.Options{Cache: b.cache, DropBodies: b.oneOff})
	diags = append(diags, d...)
	model, d := site.New(tree, cfg, site.Options{BuildDrafts: b.opts.BuildDrafts})
	diags = append(diags, d...)
	if b.opts.Loaded != nil && model != nil {
		b.opts.Loaded(len(model.Pages))
	}
	if theme == nil {
		return fail(nil)
	}
	diags = append(diags, unknownTypes(model, cfg, theme)...)
	out, err := output.Begin(b.opts.Destination, b.opts.InPlace)
	if err != nil {
		return fail(diag.List{diag.Errorf(diag.Pos{}, "%w", err)})
	}
	r := newRun(ctx, siteFS, cfg, theme, model, out, shortcodes)
	if b.opts.InPlace {
		r.prevHash = b.prev
	}
	if r.views.git, err = git(); err != nil {
		diags = append(diags, diag.Warnf(diag.Pos{}, "reading git history (pages show lastmod instead): %v", err))
	}
	r.stageDiags = diags
	r.extras = b.opts.Extras
	r.oneOff = b.oneOff
	diags = append(diags, r.all()...)
	res.Diagnostics = dedupe(diags)
	res.Pages = len(model.Pages)
	res.Stats = r.stats()
	if err := failure(res.Diagnostics, b.opts.Strict); err != nil {
		out.Abort()
		return res, err
	}
	if err := ctx.Err(); err != nil {
		out.Abort()
		return res, err
	}
	removed, err := out.Commit()
	if err != nil {
		return res, fmt.Errorf("publishing %s: %w", b.opts.Destination, err)
	}
	res.Written = b.changedFiles(r.hashes(), removed)
	if !b.oneOff {
		res.PageURLs = pageURLs(model)
	}
	b.last = r
	res.CSSOnly = cssOnly(res.Written)
	res.Stats.Files = len(out.Written())
	res.Stats.Removed = len(removed)
	return res, nil
}

// failure returns the diagnostics as an error when the build must not be published.
func failure(diags diag.List, strict bool) error {
	if diags.HasErrors() || (strict && len(diags) > 0) {
		if strict {
			return diags.Strict()
		}
		return diags.Errors()
	}
	return nil
}

// dedupe drops repeated diagnostics (a template error hit by every page).
func dedupe(diags diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, d := range diags {
		k := d.Error()
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

// IsBuildError reports whether err is a list of build diagnostics rather
// than a failure of the machine (disk full, permissions).
func IsBuildError(err error) bool {
	var l diag.List
	return errors.As(err, &l)
}
