package pipeline

import (
	"context"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markdown"
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

// check runs the input stages, renders every page's Markdown and checks
// the links, for opts.Inspect; static files are only listed (their URLs
// are known to the model) and nothing is written.
func check(ctx context.Context, opts Options) (*Result, error) {
	res := &Result{}
	in, diags := load(ctx, opts, NewState(OneOff), false)
	if in == nil {
		res.Diagnostics = dedupe(diags)
		return res, failure(res.Diagnostics, opts.Strict)
	}
	opts.Inspect.Site(in.cfg, in.tree, in.model)
	r := newRun(in, fullPass(ctx, nil, nil, viewMemo{}), OneOff)
	r.inspect = opts.Inspect
	r.renderContent()
	r.links.CheckAll(ctx)
	opts.Inspect.Linked(r.links.Graph())
	res.Diagnostics = dedupe(append(diags, r.renderDiags()...))
	res.Pages = len(in.model.Pages)
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, failure(res.Diagnostics, opts.Strict)
}

// inspected hands a rendered page to the run's Inspector and reports
// whether the page is done (a check renders no templates).
func (r *Run) inspected(p *site.Page, rec *record, body []byte, res *markdown.Result) bool {
	if r.inspect == nil {
		return false
	}
	r.inspect.Page(p, body, res)
	rec.text.TOC, rec.sections = nil, nil // only links and anchors are checked later
	return true
}
