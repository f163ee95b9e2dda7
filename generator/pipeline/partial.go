package pipeline

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/feed"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/site"
)

// pageEdit is a changed page whose front matter and title did not change.
type pageEdit struct {
	page *site.Page    // the page in the model, which stays as it is
	src  *content.Page // the file as it is now
}

// partial rebuilds only what an edit affects, when it can: edits to the
// bodies of existing pages (front matter unchanged) re-render those pages,
// every list page that recorded showing their cards, and re-check links;
// edits to stylesheets copy the static files. ok is false when a full
// build is needed.
func (b *Builder) partial(ctx context.Context, changed []string) (*Result, error, bool) {
	last := b.last
	if last == nil || !b.opts.InPlace || len(changed) == 0 {
		return nil, nil, false
	}
	b.commitMu.Lock()
	defer b.commitMu.Unlock()
	if onlyStylesheets(changed) {
		return b.partialStatic(ctx, last)
	}
	edits, ok := b.bodyEdits(last, changed)
	if !ok {
		return nil, nil, false
	}
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return nil, nil, false
	}
	r := last.again(partialPass(ctx, out, b.prev))
	r.renderEdits(edits)
	res, err := b.finishPartial(r, out)
	if err == nil {
		b.index.Schedule(r.searchDocs())
	}
	return res, err, true
}

// renderEdits renders the edited pages again, then every pager page that
// shows the card of one whose summary changed (as recorded by the list
// pages themselves, see view.Deps), the feeds when they show it, and
// re-checks the links of the pages and of the pages linking to them.
func (r *run) renderEdits(edits []pageEdit) {
	var buf bytes.Buffer
	var pages []*site.Page
	var shown []view.Shown
	feeds := false
	recent := r.model.Recent(feed.RecentCount)
	for _, e := range edits {
		p := e.page
		pages = append(pages, p)
		old := r.records[p]
		r.views.Forget(p)
		rec := r.renderPage(p, e.src, &buf)
		r.records[p] = rec
		if p.Kind != site.KindPage { // a folder's page: its text is on its list
			r.diags.Add(r.lists.Render(view.List{Kind: view.ListSection, Page: p}, 0, &buf))
		}
		if old == nil || old.text.Summary != rec.text.Summary {
			shown = append(shown, r.deps.ShownOn(p)...)
			feeds = feeds || containsPage(recent, p)
		}
	}
	r.links.Recheck(pages)
	done := map[view.Shown]bool{}
	for _, s := range shown {
		if !done[s] {
			done[s] = true
			r.diags.Add(r.lists.Render(s.List, s.N, &buf))
		}
	}
	if feeds {
		r.writeFeeds()
	}
}

func containsPage(pages []*site.Page, p *site.Page) bool {
	for _, q := range pages {
		if q == p {
			return true
		}
	}
	return false
}

// onlyStylesheets reports whether every changed file is a static stylesheet.
func onlyStylesheets(changed []string) bool {
	for _, c := range changed {
		if layout.Classify(c) != layout.StaticFile || !strings.EqualFold(path.Ext(c), ".css") {
			return false
		}
	}
	return true
}

// bodyEdits re-parses the changed files and returns them when each is an
// existing page whose front matter and title did not change.
func (b *Builder) bodyEdits(r *run, changed []string) ([]pageEdit, bool) {
	var edits []pageEdit
	for _, c := range changed {
		rel, _ := layout.ContentPath(c)
		if layout.Classify(c) != layout.Page {
			return nil, false
		}
		old := r.model.ByPath(rel)
		if old == nil || old.Src == nil || old == r.model.Search {
			return nil, false // new page, or the search page (written with the extras)
		}
		data, err := os.ReadFile(filepath.Join(b.opts.Source, filepath.FromSlash(c)))
		if err != nil {
			return nil, false
		}
		// A page below a cascade keeps what it inherited: a body edit
		// changes no front matter, its own or its folders'.
		pg, diags := content.ParseInherited(rel, data, r.cfg, old.Src.Inherited())
		if pg == nil || len(diags) > 0 || pg.MatterHash != old.Src.MatterHash ||
			pg.Meta.Title != old.Src.Meta.Title || pg.TitleHTML != old.Src.TitleHTML || pg.TitleFromH1 != old.Src.TitleFromH1 {
			return nil, false
		}
		b.cache.Put(pg)
		edits = append(edits, pageEdit{page: old, src: pg})
	}
	return edits, true
}

// partialStatic copies the static files again; pages stay as they are.
func (b *Builder) partialStatic(ctx context.Context, last *run) (*Result, error, bool) {
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return nil, nil, false
	}
	r := last.again(partialPass(ctx, out, b.prev))
	static, diags := listStatic(r.theme, r.siteFS)
	r.diags.Add(diags...)
	r.inputs = r.withStatic(static)
	r.copyStatic()
	res, err := b.finishPartial(r, out)
	if err == nil {
		last.inputs = r.inputs
	}
	return res, err, true
}

// withStatic returns a copy of the inputs with other static files.
func (in *inputs) withStatic(static staticFiles) *inputs {
	c := *in
	c.static = static
	return &c
}

// finishPartial publishes a partial pass, keeping every other file.
func (b *Builder) finishPartial(r *run, out *output.Writer) (*Result, error) {
	res := &Result{Pages: len(r.model.Pages), Stats: r.stats(), BasePath: r.cfg.BasePath()}
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
	res.Written = b.changedFiles(r.hashOf, removed)
	res.CSSOnly = cssOnly(res.Written)
	res.Stats.Files = len(out.Written())
	b.last = r
	return res, nil
}
