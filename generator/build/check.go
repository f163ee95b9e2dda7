package build

import (
	"context"
	"os"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// Inspector looks at a site as it is built, for `playbook check`. Set as
// Options.Inspect, it makes Build an in-memory check: content is loaded,
// the model made and every page's Markdown rendered and its links
// checked, but no template runs, no search index is made and nothing is
// written.
type Inspector interface {
	// Site is called once the content is loaded (drafts included) and the
	// model made, before any page is rendered.
	Site(cfg *config.Config, tree *content.Tree, model *site.Site)
	// Page is called for each page with a source file once its Markdown is
	// rendered, from many goroutines at once; body is its Markdown.
	Page(p *site.Page, body []byte, res *markdown.Result)
	// Linked is called once every link is checked, with the pages that
	// link to each page.
	Linked(linkers map[*site.Page][]*site.Page)
}

// check runs the stages of a build in memory for opts.Inspect.
func (b *Builder) check(ctx context.Context) (*Result, error) {
	res := &Result{}
	siteFS := os.DirFS(b.opts.Source)
	cfg, diags := config.Load(siteFS)
	theme, d := render.LoadTheme(siteFS, cfg.Theme)
	diags = append(diags, d...)
	shortcodes, d := render.LoadShortcodes(siteFS, cfg.Theme, shortcodeFuncs(cfg))
	diags = append(diags, d...)
	tree, d := content.Load(siteFS, cfg, content.Options{Cache: b.cache, DropBodies: true})
	diags = append(diags, d...)
	model, d := site.New(tree, cfg, site.Options{BuildDrafts: b.opts.BuildDrafts})
	diags = append(diags, d...)
	if model == nil || theme == nil {
		res.Diagnostics = dedupe(diags)
		return res, failure(res.Diagnostics, b.opts.Strict)
	}
	if b.opts.Loaded != nil {
		b.opts.Loaded(len(model.Pages))
	}
	diags = append(diags, unknownTypes(model, cfg, theme)...)
	b.opts.Inspect.Site(cfg, tree, model)
	r := newRun(ctx, siteFS, cfg, theme, model, nil, shortcodes)
	r.inspect = b.opts.Inspect
	r.oneOff = true
	r.copyStatic()
	r.renderContent()
	r.checkLinks()
	b.opts.Inspect.Linked(r.linkers)
	res.Diagnostics = dedupe(append(diags, r.renderDiags()...))
	res.Pages = len(model.Pages)
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, failure(res.Diagnostics, b.opts.Strict)
}

// inspected hands a rendered page to the run's Inspector and reports
// whether the page is done (a check renders no templates).
func (r *run) inspected(p *site.Page, rec *record, body []byte, res *markdown.Result) bool {
	if r.inspect == nil {
		return false
	}
	r.inspect.Page(p, body, res)
	rec.toc, rec.sections = nil, nil // only links and anchors are checked later
	return true
}
