package pipeline

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// partial rebuilds only what an edit affects, when it can: edits to the
// bodies of existing pages (front matter unchanged) re-render those pages,
// their sections and terms, and re-check links; edits to stylesheets copy
// the static files. ok is false when a full build is needed.
func (b *Builder) partial(ctx context.Context, changed []string) (*Result, error, bool) {
	r := b.last
	if r == nil || !b.opts.InPlace || len(changed) == 0 {
		return nil, nil, false
	}
	b.commitMu.Lock()
	defer b.commitMu.Unlock()
	if onlyStylesheets(changed) {
		return b.partialStatic(ctx, r)
	}
	pages, srcs, ok := b.bodyEdits(r, changed)
	if !ok {
		return nil, nil, false
	}
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return nil, nil, false
	}
	r.begin(ctx, out, b.prev)
	for i, p := range pages {
		p.Src = srcs[i]
		b.cache.Put(srcs[i])
	}
	var buf bytes.Buffer
	for _, p := range pages {
		r.views.forget(p)
		r.records[p] = r.renderPage(p, &buf)
		if p.Kind != site.KindPage { // a folder's page: its text is on its list
			r.diags.Add(r.renderListPage(p, 0, &buf))
		}
	}
	r.links.Recheck(pages)
	r.renderAffectedLists(pages)
	res, err := b.finishPartial(r, out)
	if err == nil {
		b.scheduleIndex(r.searchDocs())
	}
	return res, err, true
}

// onlyStylesheets reports whether every changed file is a static stylesheet.
func onlyStylesheets(changed []string) bool {
	for _, c := range changed {
		static := strings.HasPrefix(c, StaticDir+"/") || strings.Contains(c, "/static/") && strings.HasPrefix(c, "themes/")
		if !static || !strings.EqualFold(path.Ext(c), ".css") {
			return false
		}
	}
	return true
}

// bodyEdits re-parses the changed files and returns them when each is an
// existing page whose front matter and title did not change.
func (b *Builder) bodyEdits(r *run, changed []string) ([]*site.Page, []*content.Page, bool) {
	var pages []*site.Page
	var srcs []*content.Page
	for _, c := range changed {
		rel, ok := strings.CutPrefix(c, content.Dir+"/")
		if !ok || !strings.EqualFold(path.Ext(rel), ".md") {
			return nil, nil, false
		}
		old := r.model.ByPath(rel)
		if old == nil || old.Src == nil || old == r.model.Search {
			return nil, nil, false // new page, or the search page (written with the extras)
		}
		data, err := os.ReadFile(filepath.Join(b.opts.Source, filepath.FromSlash(c)))
		if err != nil {
			return nil, nil, false
		}
		// A page below a cascade keeps what it inherited: a body edit
		// changes no front matter, its own or its folders'.
		pg, diags := content.ParseInherited(rel, data, r.cfg, old.Src.Inherited())
		if pg == nil || len(diags) > 0 || pg.MatterHash != old.Src.MatterHash ||
			pg.Meta.Title != old.Src.Meta.Title || pg.TitleHTML != old.Src.TitleHTML || pg.TitleFromH1 != old.Src.TitleFromH1 {
			return nil, nil, false
		}
		pages, srcs = append(pages, old), append(srcs, pg)
	}
	return pages, srcs, true
}

// begin prepares a finished run for another, partial pass.
func (r *run) begin(ctx context.Context, out *output.Writer, prev map[string]uint64) {
	r.ctx, r.out, r.prevHash = ctx, out, prev
	r.diags = diag.Collector{}
	r.hashOf = make(map[string]uint64, len(prev))
	for k, v := range prev {
		r.hashOf[k] = v
	}
}

// renderAffectedLists re-renders the list pages that show an edited page's
// card, when the card's text comes from the body (no description in the
// front matter): the pager page of each section above it and of each of
// its terms, and the home page when it is among the recent pages.
func (r *run) renderAffectedLists(pages []*site.Page) {
	var buf bytes.Buffer
	recent := r.recent(recentCount)
	for _, p := range pages {
		if m := p.Src.Meta; m.Description != "" || m.Summary != "" {
			continue
		}
		homeDone := false
		for _, a := range p.Ancestors() {
			if a.Redirected {
				continue // an alias took its URL
			}
			if n := site.PagerOf(a.Pages, p, r.cfg.Paginate); n > 0 {
				r.diags.Add(r.renderListPage(a, n, &buf))
				homeDone = homeDone || a.Kind == site.KindHome && n == 1
			}
		}
		if !homeDone && slices.Contains(recent, p) {
			r.diags.Add(r.renderListPage(r.model.Home, 1, &buf))
		}
		for _, tax := range r.model.Taxonomies {
			tv := r.views.taxonomy(tax)
			for _, t := range p.Terms[tax.Name] {
				if n := site.PagerOf(t.Pages, p, r.cfg.Paginate); n > 0 {
					r.diags.Add(r.renderTermPage(tax, &tv, t, n, &buf))
				}
			}
		}
	}
}

// partialStatic copies the static files again; pages stay as they are.
func (b *Builder) partialStatic(ctx context.Context, r *run) (*Result, error, bool) {
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return nil, nil, false
	}
	r.begin(ctx, out, b.prev)
	static, diags := listStatic(r.theme, r.siteFS)
	r.static = static
	r.diags.Add(diags...)
	r.copyStatic()
	res, err := b.finishPartial(r, out)
	return res, err, true
}

// finishPartial publishes a partial pass, keeping every other file.
func (b *Builder) finishPartial(r *run, out *output.Writer) (*Result, error) {
	res := &Result{Pages: len(r.model.Pages), Stats: r.stats()}
	res.Diagnostics = dedupe(append(append(diag.List(nil), r.stageDiags...), r.renderDiags()...))
	if err := failure(res.Diagnostics, b.opts.Strict); err != nil {
		out.Abort()
		return res, err
	}
	out.RetainPrevious()
	removed, err := out.Commit()
	if err != nil {
		return res, err
	}
	res.Written = b.changedFiles(r.hashes(), removed)
	res.CSSOnly = cssOnly(res.Written)
	res.Stats.Files = len(out.Written())
	return res, nil
}

// indexQuiet is how long the background index waits for edits to pause,
// so that it does not compete with the rebuilds of a writer who is typing.
const indexQuiet = 750 * time.Millisecond

// scheduleIndex rebuilds the search index from docs in the background,
// so the browser can reload first. Requests made while one waits or runs
// are coalesced: only the newest docs are indexed next.
func (b *Builder) scheduleIndex(docs []search.Doc) {
	b.indexMu.Lock()
	defer b.indexMu.Unlock()
	b.indexNext = docs
	b.indexAsked = time.Now()
	if b.indexBusy {
		return
	}
	b.indexBusy = true
	b.index.Add(1)
	go func() {
		defer b.index.Done()
		for {
			b.indexMu.Lock()
			if wait := indexQuiet - time.Since(b.indexAsked); wait > 0 && b.indexNext != nil {
				b.indexMu.Unlock()
				time.Sleep(wait)
				continue
			}
			next := b.indexNext
			b.indexNext = nil
			if next == nil {
				b.indexBusy = false
				b.indexMu.Unlock()
				return
			}
			b.indexMu.Unlock()
			b.writeIndex(next)
		}
	}()
}

// writeIndex builds the search index and publishes it in place, replacing
// the previous index files.
func (b *Builder) writeIndex(docs []search.Doc) {
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return
	}
	b.commitMu.Lock()
	prev := make(map[string]uint64)
	for f, h := range b.prev {
		if strings.HasPrefix(f, search.Dir) {
			prev[f] = h
		}
	}
	b.commitMu.Unlock()
	hashes := map[string]uint64{}
	err = search.Write(docs, func(f search.File) error {
		h := hashBytes(f.Data)
		hashes[f.Path] = h
		if prev[f.Path] == h {
			out.Retain(f.Path) // most shards and excerpts did not change
			return nil
		}
		return out.WriteFile(f.Path, f.Data)
	})
	if err != nil {
		out.Abort()
		return
	}
	out.PublishLast(search.ManifestPath)
	b.commitMu.Lock()
	defer b.commitMu.Unlock()
	out.RetainPreviousExcept(search.Dir)
	if _, err := out.Commit(); err != nil {
		return
	}
	for f, h := range b.prev {
		if !strings.HasPrefix(f, search.Dir) {
			hashes[f] = h
		}
	}
	b.prev = hashes
}
