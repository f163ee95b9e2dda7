package pipeline

import (
	"context"
	"io/fs"
	"maps"
	"sync"

	"github.com/playbookhq/playbook/generator/changes"
	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/links"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/pagesource"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// Policy says what follows a build, and so what it keeps.
type Policy int

const (
	// OneOff builds once: memory is freed as the build goes (bodies,
	// tables of contents, ids once checked) and nothing is compared with
	// a later build.
	OneOff Policy = iota
	// Preview builds again and again: records, output hashes and the
	// dependencies of list pages are kept for partial rebuilds.
	Preview
)

// keepsState reports whether the build keeps what later builds reuse.
func (p Policy) keepsState() bool { return p == Preview }

// inputs are what one build reads: loaded by the first stages and not
// changed after (the model is read-only once site.New returns).
type inputs struct {
	siteFS     fs.FS
	cfg        *config.Config
	theme      *render.Theme
	model      *site.Site
	static     staticFiles
	tree       *content.Tree    // what content.Load found (for an Inspector)
	git        *pagesource.Info // the content's git history, nil outside a repository
	changes    *changes.Changes // recent changes and the owners directory
	named      <-chan struct{}  // closed once State.Rendered knows the model's names (see load)
	stageDiags diag.List        // from config, theme, content and the site model
	md, mdNoH1 *markdown.Renderer
}

// pass is the state of one pass over the inputs, a full build or a
// partial rebuild; a new pass starts from scratch.
type pass struct {
	ctx      context.Context
	out      *output.Writer
	diags    diag.Collector
	hashMu   sync.Mutex
	hashOf   map[string]uint64  // output path → hash of its bytes (not for one-off builds)
	prevHash map[string]uint64  // in-place builds: hashes of the files already in place
	index    *search.Indexer    // full builds: pages are indexed as they are rendered
	viewSums map[string]uint64  // output path → sum of the view it was made from (Preview, under hashMu)
	prevSums map[string]uint64  // the sums of the files in place, from the last build (read-only)
	keys     map[string]pageKey // a single page's output path → its view's key (Preview, under hashMu)
	prevKeys map[string]pageKey // the keys of the files in place, from the last build (read-only)
	// matched are the list pages whose key matched the last build's,
	// when VerifyKeys has them made anyway, and what they must come out
	// as (under hashMu).
	matched map[string]expected
	// deferred are the pages left to the caller (see Deferred), under
	// hashMu.
	deferred []Deferred
	collided bool             // the output-path registry found collisions (reported once, by it)
	claims   *output.Registry // every output path of the pass and who makes it (nil before claim)
	spill    *htmlSpill       // one-off builds: where pages' HTML waits for their templates (nil: in memory)
}

// expected is what a list page whose key matched must come out as when
// VerifyKeys has it made anyway: its view's sum and, when its drawn parts
// were replaced, the hash of its bytes (else 0).
type expected struct{ sum, hash uint64 }

// fullPass starts a pass that writes every file to out; prev are the
// hashes of the files already in place (in-place builds keep those whose
// bytes did not change) and views what is known of the views they were
// made from (empty when nothing is).
func fullPass(ctx context.Context, out *output.Writer, prev map[string]uint64, views viewMemo) *pass {
	// Sized as the last build's: a build of the preview writes or keeps
	// about as many files as the one before.
	if out != nil {
		out.Expect(len(prev))
	}
	return &pass{ctx: ctx, out: out, prevHash: prev, hashOf: make(map[string]uint64, len(prev)),
		viewSums: make(map[string]uint64, len(views.sums)), prevSums: views.sums, keys: make(map[string]pageKey, len(views.keys)), prevKeys: views.keys, matched: map[string]expected{}}
}

// partialPass starts a pass that writes some files to out and keeps the
// others: it starts from the hashes of the files in place and the sums
// and keys of their views.
func partialPass(ctx context.Context, out *output.Writer, prev map[string]uint64, views viewMemo) *pass {
	ps := fullPass(ctx, out, prev, views)
	maps.Copy(ps.hashOf, prev)
	maps.Copy(ps.viewSums, views.sums)
	maps.Copy(ps.keys, views.keys)
	return ps
}

// kept is what rendering leaves for later passes over the same inputs:
// each page's record, the views, who links to whom and which list pages
// show which page's card.
type kept struct {
	records records
	views   *view.Maker
	links   *links.Checker
	deps    *view.Deps // nil for one-off builds
}

// record is what rendering one page leaves behind for the later stages.
type record struct {
	text     view.Text  // for its views and the cards that show it
	link     links.Page // links written in the page, ids on it, its broken links
	sections []search.Section
	diags    diag.List // from rendering this page
	// html is a single page's rendered Markdown while it waits for its
	// template (single is set until then): templates run once every
	// page's links are checked, for the "Referenced by" lists.
	html    []byte
	single  bool
	spilled bool      // html is in the pass's spill file, at spillAt
	spillAt spillSpan // where
}

// Run is one build: its inputs, the current pass and what is kept.
type Run struct {
	*inputs
	*pass
	*kept
	policy Policy
	lists  *view.Renderer // writes through this run's pass

	inspect  Inspector // `playbook check`: pages go to it instead of templates
	rendered *Rendered // the live preview's Markdown results kept between builds (nil: none)
	// deferIndex leaves the search index files in place as they are:
	// the live preview writes the index in the background after a build.
	deferIndex bool
	// deferPages leaves pages whose only change is a drawn part to the
	// caller (Options.DeferPages).
	deferPages bool
	extras     Extras // Options.Extras: the health page and review notices
	// split makes only the first part of the build (see writeFirst):
	// the pages of the content paths in edited and the new ones; first
	// are then the files it settled. previous is the last build's model.
	split    bool
	edited   []string
	first    map[string]bool
	previous *site.Site
	// rest is set on the pass that makes what a split build left.
	rest bool
}

// newRun prepares the build of in with policy, writing through ps.
func newRun(in *inputs, ps *pass, policy Policy) *Run {
	r := &Run{inputs: in, pass: ps, policy: policy}
	k := &kept{records: newRecords(in.model)}
	k.views = view.NewMaker(in.cfg, in.model, "playbook "+Version)
	k.views.SetGit(in.git)
	k.views.SetChanges(in.changes)
	if policy.keepsState() {
		k.deps = view.NewDeps()
	}
	k.links = links.NewChecker(in.model, func(p *site.Page) *links.Page {
		if rec := k.records.of(p); rec != nil {
			return &rec.link
		}
		return nil
	})
	k.views.SetBacklinks(k.links.Backlinks)
	r.kept = k
	r.lists = r.renderer()
	return r
}

// again returns the run for another pass over the same inputs, keeping
// what earlier passes left.
func (r *Run) again(ps *pass) *Run {
	next := &Run{inputs: r.inputs, pass: ps, kept: r.kept, policy: r.policy, extras: r.extras, rendered: r.rendered}
	next.lists = next.renderer()
	return next
}

// text is the rendered text of page p, nil when it has none.
func (r *Run) text(p *site.Page) *view.Text {
	if rec := r.records.of(p); rec != nil {
		return &rec.text
	}
	return nil
}

// renderer returns the views' renderer writing through r's pass. An
// in-place build of the live preview executes no template whose view is
// the same as the one that made the file in place.
func (r *Run) renderer() *view.Renderer {
	l := view.NewRenderer(r.views, r.theme, r.write, r.text, r.deps)
	if r.policy.keepsState() && r.prevSums != nil {
		l.Unchanged = r.unchanged
		l.Keep = r.keepList
	}
	return l
}

// unchanged notes the sum of the view of output file rel and reports
// whether the file in place was made from a view with the same sum; it
// then keeps that file.
func (r *Run) unchanged(rel string, sum uint64) bool {
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	r.viewSums[rel] = sum
	prev, ok := r.prevSums[rel]
	h, inPlace := r.prevHash[rel]
	if want, ok := r.matched[rel]; ok && want.sum != sum {
		r.diags.Add(diag.Errorf(diag.Pos{}, "internal: the view of %s changed but its key did not (view.Renderer.Keep)", rel))
	}
	if !ok || prev != sum || !inPlace {
		return false
	}
	r.retain(rel, h)
	return true
}
