package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// State is what is kept between builds: the policy, parsed pages, the
// hashes of the files in the output and the last successful run. Hashes
// is guarded by Mu once builds and a background index share it.
type State struct {
	Policy Policy
	Cache  *content.Cache
	Mu     sync.Mutex
	Hashes map[string]uint64 // output path → hash of its bytes
	Last   *Run              // the last successful run, for partial rebuilds
	// Rendered keeps pages' Markdown results for the next build (Preview
	// only; nil for one-off builds). Forget drops it.
	Rendered *Rendered
	// Changed lists the content paths (below content/) that may have
	// changed since the pages in Cache were read, when the rebuild knows
	// (its file watcher); nil means any. Set before each build.
	Changed []string
	// views are the sums and keys of the views the files in place were
	// made from (Preview in place only), for executing templates only on
	// views that changed. Guarded by Mu like Hashes.
	views viewMemo
	// Split, set before a build of the live preview in place after an
	// edit of pages, static files or files beside the pages, has the
	// build make those pages first and leave the rest (Result.Rest).
	Split bool
	// theme is the theme of the last build (Preview only): the next one,
	// loaded from the same files unless Forget was called, keeps what it
	// drew (render.Theme.KeepDrawn).
	theme *render.Theme
}

// viewMemo is what is known of the views the files in place were made
// from.
type viewMemo struct {
	sums map[string]uint64  // output path → sum of its view (see view.Renderer.ViewSum)
	keys map[string]pageKey // a single page's output path → its view's key (see matchKey)
}

// Forget drops what the state keeps of rendering (Markdown results, view
// sums): needed when anything but pages changed (configuration,
// templates, shortcodes), since those results came from the old ones.
func (st *State) Forget() {
	st.Mu.Lock()
	defer st.Mu.Unlock()
	if st.Policy.keepsState() {
		st.Rendered = NewRendered()
		st.views = viewMemo{sums: map[string]uint64{}, keys: map[string]pageKey{}}
		st.theme = nil
	}
}

// lastModel is the site model of the last successful build, nil when
// there is none (or the policy keeps nothing).
func (st *State) lastModel() *site.Site {
	if st.Last == nil {
		return nil
	}
	return st.Last.model
}

// keepTheme has theme take over what the last build's theme drew, and
// keeps it for the next build (Preview only).
func (st *State) keepTheme(theme *render.Theme) {
	if !st.Policy.keepsState() || theme == nil {
		return
	}
	st.Mu.Lock()
	defer st.Mu.Unlock()
	theme.KeepDrawn(st.theme)
	st.theme = theme
}

// changedContent is Changed for a site read with cfg: nil (read every
// page) when the site follows symbolic links, since the watcher names an
// edited file by its own path, not by the links to it.
func (st *State) changedContent(cfg *config.Config) []string {
	if cfg.FollowSymlinks {
		return nil
	}
	return st.Changed
}

// memo returns the views' sums and keys to start a pass from: empty
// unless builds are in place for the live preview (then never nil).
func (st *State) memo(inPlace bool) viewMemo {
	if !inPlace || !st.Policy.keepsState() {
		return viewMemo{}
	}
	st.Mu.Lock()
	defer st.Mu.Unlock()
	if st.views.sums == nil {
		st.views = viewMemo{sums: map[string]uint64{}, keys: map[string]pageKey{}}
	}
	return st.views
}

// keepViews keeps the view sums and keys of a published pass.
func (st *State) keepViews(ps *pass) {
	st.Mu.Lock()
	defer st.Mu.Unlock()
	if st.views.sums != nil {
		st.views = viewMemo{sums: ps.viewSums, keys: ps.keys}
	}
}

// NewState returns the empty state of a first build under policy.
func NewState(policy Policy) *State {
	st := &State{Policy: policy, Cache: content.NewCache()}
	if policy.keepsState() {
		st.Rendered = NewRendered()
	}
	return st
}

// changedFiles compares a build's output hashes with the previous build's
// and keeps them for the next.
func (st *State) changedFiles(now map[string]uint64, removed []string) []string {
	st.Mu.Lock()
	defer st.Mu.Unlock()
	var changed []string
	for f, h := range now {
		if old, ok := st.Hashes[f]; !ok || old != h {
			changed = append(changed, f)
		}
	}
	changed = append(changed, removed...)
	sort.Strings(changed)
	st.Hashes = now
	return changed
}

// Unsettled reports whether files in place are not verified since the
// last edit: a split build published, and the rest of it was not (see
// Result.Rest): the last run is that build's, which settled only some
// files. Only a full build may follow then.
func (st *State) Unsettled() bool { return st.Last != nil && st.Last.first != nil }

// Unknown forgets the hashes of the files in unknown, whose bytes in
// place are not known (deferred pages about to be made again): the next
// pass makes them again rather than keep them.
func (st *State) Unknown(unknown []string) {
	st.Mu.Lock()
	defer st.Mu.Unlock()
	for _, f := range unknown {
		delete(st.Hashes, f)
	}
}

// Unfinished takes back what the last build recorded of the deferred
// pages that were not finished: each file in place is still what it was
// made from before (its key, view sum and hash), so the next build
// replaces its drawn parts from there.
func (st *State) Unfinished(deferred []Deferred) {
	st.Mu.Lock()
	defer st.Mu.Unlock()
	for _, d := range deferred {
		st.Hashes[d.Rel] = d.hash
		if st.views.keys != nil {
			st.views.keys[d.Rel] = d.was
			st.views.sums[d.Rel] = d.wasSum
		}
	}
}

// HashesOf returns a copy of the hashes of the output files for which keep
// is true.
func (st *State) HashesOf(keep func(path string) bool) map[string]uint64 {
	st.Mu.Lock()
	defer st.Mu.Unlock()
	out := map[string]uint64{}
	for f, h := range st.Hashes {
		if keep(f) {
			out[f] = h
		}
	}
	return out
}

// Model is the run's site model (read-only).
func (r *Run) Model() *site.Site { return r.model }

// SiteFS is the site root the run reads.
func (r *Run) SiteFS() fs.FS { return r.siteFS }

// Config is the run's configuration.
func (r *Run) Config() *config.Config { return r.cfg }

// Deps is what the run's list pages recorded about the cards they show
// (nil for one-off builds).
func (r *Run) Deps() *view.Deps { return r.deps }

// Again starts another pass over the run's inputs, writing to out and
// keeping every other file in place (st: their hashes and views' sums).
func (r *Run) Again(ctx context.Context, out *output.Writer, st *State) *Run {
	return r.again(partialPass(ctx, out, st.Hashes, st.memo(true)))
}

// An Edit is a page whose body changed and whose front matter did not.
type Edit struct {
	Page *site.Page    // the page in the model, which stays as it is
	Src  *content.Page // the file as it is now
}

// RenderEdits renders the edited pages again, re-checks the links of the
// pages and of the pages linking to them, renders again the pages whose
// "Referenced by" list changed (an edit added or removed a link to them),
// then every pager page that shows the card of one whose summary changed
// (as recorded by the list pages themselves, see view.Deps) and the feeds
// when they show it.
func (r *Run) RenderEdits(edits []Edit) {
	var buf bytes.Buffer
	var pages []*site.Page
	var shown []view.Shown
	feeds := false
	recent := r.changes.Pages() // the feed's pages
	for _, e := range edits {
		p := e.Page
		pages = append(pages, p)
		old := r.records.of(p)
		r.views.Forget(p)
		rec := r.renderText(p, e.Src)
		r.records.set(p, rec)
		if old == nil || old.text.Summary != rec.text.Summary {
			shown = append(shown, r.deps.ShownOn(p)...)
			feeds = feeds || containsPage(recent, p)
		}
	}
	referenced := r.links.Recheck(pages)
	for _, p := range pages {
		r.writePage(p, &buf)
	}
	for _, p := range referenced {
		if !slices.Contains(pages, p) {
			r.records.set(p, r.renderText(p, p.Src))
			r.writePage(p, &buf)
		}
	}
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

// RenderAgain makes deferred pages again whose file in place could not be
// finished, or whose view changed (Deferred.Remake): single pages from
// their sources as the model has them (their Markdown results are
// reused), then list pages from their lists, on all cores. The state must
// not hold hashes for their files, so that nothing in place is taken for
// them.
func (r *Run) RenderAgain(pages []Deferred) {
	var buf bytes.Buffer
	var lists []view.Shown
	for _, d := range pages {
		if d.List != nil {
			lists = append(lists, *d.List)
			continue
		}
		p := d.Page
		r.records.set(p, r.renderText(p, p.Src))
		r.writePage(p, &buf)
	}
	forEach(r.ctx, len(lists), func(i int, buf *bytes.Buffer) {
		r.diags.Add(r.lists.Render(lists[i].List, lists[i].N, buf))
	})
}

// WriteFinished writes rel, a deferred page's file finished
// (Deferred.Splice), in a pass started by Again, and returns the hash of
// its bytes.
func (r *Run) WriteFinished(rel string, data []byte) uint64 { return r.writeHashed(rel, data) }

// writePage writes page p from its record: a single page with its
// template, a folder's page with its list (its text is on it).
func (r *Run) writePage(p *site.Page, buf *bytes.Buffer) {
	if p.Kind != site.KindPage {
		r.diags.Add(r.lists.Render(view.List{Kind: view.ListSection, Page: p}, 0, buf))
		return
	}
	r.executePage(p, r.records.of(p), buf)
}

func containsPage(pages []*site.Page, p *site.Page) bool {
	for _, q := range pages {
		if q == p {
			return true
		}
	}
	return false
}

// CopyStatic lists the static files again and copies them; the run keeps
// the new list.
func (r *Run) CopyStatic() {
	static, diags := listStatic(r.theme, r.siteFS)
	r.diags.Add(diags...)
	in := *r.inputs
	in.static = static
	r.inputs = &in
	r.claim()
	r.copyStatic()
}

// SearchDocs makes the search records of every content page. They share
// their text with the run's records but are safe to use after it.
func (r *Run) SearchDocs() []search.Doc { return r.searchDocs() }

// Publish commits a pass started by Again, keeping every other file, and
// makes the run st's last.
func (r *Run) Publish(opts Options, st *State) (*Result, error) {
	res := &Result{Pages: len(r.model.Pages), Stats: r.stats(), BasePath: r.cfg.BasePath(), Partial: true}
	res.Diagnostics = dedupe(append(append(diag.List(nil), r.stageDiags...), r.renderDiags()...))
	if err := failure(res.Diagnostics, opts.Strict); err != nil {
		r.out.Abort()
		return res, err
	}
	if err := r.ctx.Err(); err != nil { // the preview moved on: publish nothing
		r.out.Abort()
		return res, err
	}
	if !r.rest { // the rest of a split build makes or keeps every file
		r.out.RetainPrevious()
	}
	removed, err := r.out.Commit()
	if err != nil {
		return res, err
	}
	res.Written = st.changedFiles(r.hashOf, removed)
	st.keepViews(r.pass)
	res.CSSOnly = cssOnly(res.Written)
	res.Stats.Files = len(r.out.Written())
	st.Last = r
	return res, nil
}

// CopiesAsIs reports whether the changed source path p (slash, relative
// to the site root) is a file the run copies to the output as it is: a
// static file of the site or theme, or a file beside the pages. Editing
// one changes no page.
func (r *Run) CopiesAsIs(p string) bool {
	switch layout.Classify(p) {
	case layout.StaticFile:
		_, rest, _ := strings.Cut(p, "/")
		if strings.HasPrefix(p, layout.Themes+"/") { // themes/<name>/static/…
			_, rest, _ = strings.Cut(rest, "/")
			rest = strings.TrimPrefix(rest, layout.Static+"/")
		}
		_, ok := r.static[rest]
		return ok
	case layout.ContentFile:
		rel, _ := layout.ContentPath(p)
		for _, f := range r.model.Files {
			if f.Src == rel {
				return true
			}
		}
	}
	return false
}
