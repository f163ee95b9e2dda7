package pipeline

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/playbookhq/playbook/generator/changes"
	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/pagesource"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/site"
	"github.com/playbookhq/playbook/generator/sitefs"
)

// Full does one build from scratch, reusing only the parsed pages of st:
// the input stages (load), the render stages (Run.render), then
// publishing. On success st holds the new run and output hashes.
func Full(ctx context.Context, opts Options, st *State) (*Result, error) {
	res := &Result{}
	out, err := begin(opts) // its problems are reported only when the site has none
	in, diags := load(ctx, opts, st, true)
	if in == nil {
		abort(out)
		res.Diagnostics = dedupe(diags)
		return res, failure(res.Diagnostics, opts.Strict)
	}
	res.BasePath = in.cfg.BasePath()
	if cerr := ctx.Err(); cerr != nil { // cancelled while loading: render nothing
		abort(out)
		res.Diagnostics = dedupe(diags)
		return res, cerr
	}
	if err != nil {
		res.Diagnostics = dedupe(append(diags, diag.Errorf(diag.Pos{}, "%w", err)))
		return res, failure(res.Diagnostics, opts.Strict)
	}
	r := newFullRun(ctx, opts, st, in, out)
	diags = append(diags, r.render()...)
	st.Rendered.keep(in.model.Pages)
	res.Diagnostics = dedupe(diags)
	res.Pages = len(in.model.Pages)
	res.Stats = r.stats()
	if in.git != nil && in.git.Shallow {
		res.Stats.GitNote = "shallow clone: pages last changed before its oldest commit show lastmod (fetch the full history for git dates)"
	}
	if err := failure(res.Diagnostics, opts.Strict); err != nil {
		out.Abort()
		return res, err
	}
	if err := ctx.Err(); err != nil {
		out.Abort()
		return res, err
	}
	removed, err := out.Commit()
	if err != nil {
		return res, fmt.Errorf("publishing %s: %w", opts.Destination, err)
	}
	res.Written = st.changedFiles(r.hashOf, removed)
	st.keepViews(r.pass)
	res.IndexPending = r.deferIndex
	res.Deferred = r.deferred
	res.Rest = r.split
	if st.Policy.keepsState() {
		res.PageURLs = pageURLs(in.model)
	}
	st.Last = r
	res.CSSOnly = cssOnly(res.Written)
	res.Stats.Files = len(out.Written())
	res.Stats.Removed = len(removed)
	return res, nil
}

// newFullRun starts the run of a full build of in into out.
func newFullRun(ctx context.Context, opts Options, st *State, in *inputs, out *output.Writer) *Run {
	var prev map[string]uint64
	if opts.InPlace {
		prev = st.Hashes
	}
	r := newRun(in, fullPass(ctx, out, prev, st.memo(opts.InPlace)), st.Policy)
	<-in.named // what the pages' links resolve against, named while loading
	r.extras = opts.Extras
	r.rendered = st.Rendered
	// The live preview's later builds leave the search index to a
	// background index (see Result.IndexPending): the reload comes first.
	r.deferIndex = st.Policy.keepsState() && opts.InPlace && st.Last != nil
	// After the first build, the pages in place whose only change is a
	// drawn part may be left to the caller.
	r.deferPages = opts.DeferPages && st.Policy.keepsState() && prev != nil && st.Last != nil
	// After an edit of pages, those come first (see writeFirst).
	if r.split = r.deferPages && st.Split; r.split {
		r.edited, r.previous = st.Changed, st.Last.model
	}
	return r
}

// abort drops a build's output, if it was begun.
func abort(out *output.Writer) {
	if out != nil {
		out.Abort()
	}
}

// begin checks the destination (not inside the site's inputs, not the
// site root) and starts writing a build for it. The destination's
// hand-placed files are listed in the background, while the site loads
// (not at all for the preview's own folder).
func begin(opts Options) (*output.Writer, error) {
	if err := output.CheckDestination(opts.Source, opts.Destination); err != nil {
		return nil, err
	}
	out, err := output.Begin(opts.Destination, opts.InPlace)
	if err != nil {
		return nil, err
	}
	if opts.Private {
		out.NoForeign()
	}
	go out.Foreign()
	return out, nil
}

// load runs the input stages: configuration, theme and shortcode
// templates, static files, content, site model, and (withGit) the
// content's git history, read while the content loads. It returns nil
// inputs when nothing can be rendered; the diagnostics say why.
func load(ctx context.Context, opts Options, st *State, withGit bool) (*inputs, diag.List) {
	siteFS := sitefs.New(opts.Source)
	cfg, diags := config.Load(siteFS, config.WithBaseURL(opts.BaseURL), config.WithOrigin(opts.Origin))
	if cfg == nil {
		return nil, diags
	}
	siteFS.SetFollow(cfg.FollowSymlinks)
	theme, d := render.LoadTheme(siteFS, cfg.Theme)
	diags = append(diags, d...)
	st.keepTheme(theme)
	shortcodes, d := render.LoadShortcodes(siteFS, cfg.Theme, view.ShortcodeFuncs(cfg))
	diags = append(diags, d...)
	static, d := listStatic(theme, siteFS)
	diags = append(diags, d...)
	git := pagesource.Start(ctx, filepath.Join(opts.Source, content.Dir), withGit && cfg.GitInfo)
	tree, d := content.Load(siteFS, cfg, content.Options{Cache: st.Cache, DropBodies: !st.Policy.keepsState(), Changed: st.changedContent(cfg)})
	diags = append(diags, d...)
	model, d := site.New(tree, cfg, site.Options{BuildDrafts: opts.BuildDrafts, KnownURLs: append(append(static.urls(), view.WhatsNewURL, view.OwnersURL), view.ResultsURLs(tree.Pages)...), Previous: st.lastModel(), Followed: st.Policy.keepsState()})
	diags = append(diags, d...)
	// What the pages' links resolve against is named beside the rest of
	// the loading (newFullRun waits for it).
	named := make(chan struct{})
	go func() {
		defer close(named)
		st.Rendered.remember(model)
	}()
	history, err := git()
	if err != nil {
		diags = append(diags, diag.Warnf(diag.Pos{}, "reading git history (pages show lastmod instead): %v", err))
	}
	if opts.Loaded != nil && model != nil {
		opts.Loaded(len(model.Pages))
	}
	// Every input folder has been listed: the links refused on the way.
	diags = append(diags, siteFS.Diagnostics()...)
	if theme == nil {
		<-named
		return nil, diags
	}
	// The recent changes and the owners directory are gathered beside
	// the rest too.
	var recent *changes.Changes
	gathered := make(chan struct{})
	go func() {
		defer close(gathered)
		recent = changes.New(model, history, cfg, today())
	}()
	diags = append(diags, unknownTypes(model, cfg, theme)...)
	in := &inputs{siteFS: siteFS, cfg: cfg, theme: theme, model: model, static: static, tree: tree, stageDiags: diags, git: history,
		named:  named,
		md:     markdown.New(markdownOptions(cfg, false, shortcodes)),
		mdNoH1: markdown.New(markdownOptions(cfg, true, shortcodes)),
	}
	<-gathered
	in.changes = recent
	return in, diags
}

// render runs the render stages in order and returns their diagnostics:
// static files; every page's Markdown, indexed for search as it goes;
// links checked against every page's ids (who links to whom); single
// pages' templates; list pages; feeds.
func (r *Run) render() diag.List {
	r.prepareExtras()
	r.claim()
	r.copyStatic()
	if r.deferIndex {
		r.keepSearchIndex()
	} else {
		r.startSearchIndex()
	}
	if !r.policy.keepsState() {
		r.spill = openSpill()
	}
	r.renderContent()
	r.links.CheckAll(r.ctx)
	if r.split { // the rest is left to the caller (Result.Rest)
		r.writeFirst(r.edited)
		return r.renderDiags()
	}
	r.writePages()
	if r.spill != nil {
		r.spill.Close()
		r.spill = nil
	}
	// Every page is indexed now: the index's scoring, which is mostly
	// serial, runs beside the list pages, which keep all cores busy. It
	// starts only once the single pages are written, when their Markdown
	// HTML (held for "Referenced by") is free: together they would raise
	// the peak memory of a large build by a third.
	indexed := make(chan struct{})
	go func() {
		defer close(indexed)
		r.finishSearchIndex()
	}()
	r.listsAndFeeds()
	if !r.policy.keepsState() {
		r.dropRenderState()
	}
	<-indexed
	return r.renderDiags()
}

// listsAndFeeds writes the list pages and, beside them, the feeds, the
// sitemap and the navigation file, which read only the model and the
// pages' texts.
func (r *Run) listsAndFeeds() {
	fed := make(chan struct{})
	go func() {
		defer close(fed)
		r.writeFeeds()
	}()
	r.renderLists()
	<-fed
}

// markdownOptions are the Markdown renderer's options for a site, with
// the site's shortcode templates.
func markdownOptions(cfg *config.Config, dropLeadingH1 bool, sc markdown.ShortcodeTemplates) markdown.Options {
	return markdown.Options{
		Unsafe:        cfg.Markup.Unsafe,
		DropLeadingH1: dropLeadingH1,
		IDStyle:       markdown.IDStyle(cfg.Markup.AutoHeadingIDType),
		Shortcodes:    sc,
	}
}
