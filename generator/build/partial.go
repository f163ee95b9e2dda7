package build

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/output"
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
		r.records[p] = r.renderPage(p, &buf)
	}
	r.checkLinks()
	r.renderAffectedLists(pages)
	res, err := b.finishPartial(r, out)
	b.index.Add(1)
	go func() {
		defer b.index.Done()
		b.rewriteIndex(r)
	}()
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
		if old == nil || old.Src == nil {
			return nil, nil, false
		}
		data, err := os.ReadFile(filepath.Join(b.opts.Source, filepath.FromSlash(c)))
		if err != nil {
			return nil, nil, false
		}
		pg, diags := content.Parse(rel, data, r.cfg)
		if pg == nil || len(diags) > 0 || pg.MatterHash != old.Src.MatterHash ||
			pg.Meta.Title != old.Src.Meta.Title || pg.TitleFromH1 != old.Src.TitleFromH1 {
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

// renderAffectedLists re-renders the sections above the edited pages, the
// home page and the pages of their terms, whose cards show page summaries.
func (r *run) renderAffectedLists(pages []*site.Page) {
	lists := map[*site.Page]bool{r.model.Home: true}
	terms := map[*site.Term]bool{}
	for _, p := range pages {
		for _, a := range p.Ancestors() {
			lists[a] = true
		}
		for _, ts := range p.Terms {
			for _, t := range ts {
				terms[t] = true
			}
		}
	}
	var buf bytes.Buffer
	for _, p := range r.model.Pages {
		if lists[p] {
			r.diags.Add(r.renderList(p, &buf))
		}
	}
	for _, tax := range r.model.Taxonomies {
		tv := r.views.taxonomy(tax)
		for _, t := range tax.Terms {
			if terms[t] {
				r.diags.Add(r.renderTerm(tax, &tv, t, &buf))
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

// rewriteIndex rebuilds the search index after a partial pass, in the
// background so the browser can reload first.
func (b *Builder) rewriteIndex(r *run) {
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return
	}
	r.begin(context.Background(), out, b.prev)
	r.writeSearchIndex()
	out.RetainPrevious()
	if _, err := out.Commit(); err == nil {
		b.changedFiles(r.hashes(), nil)
	}
}
