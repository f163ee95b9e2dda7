// Package rebuild is the live preview's builder: it keeps the state of
// the last build (pipeline.State), decides from the changed paths what an
// edit needs redone (pipeline.Run's operations, or a full build in
// place) and refreshes the search index in the background.
package rebuild

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/pipeline"
)

// Builder builds a site again and again, reusing what did not change.
type Builder struct {
	opts     pipeline.Options
	state    *pipeline.State  // kept between builds
	index    *backgroundIndex // refreshes the search index after partial rebuilds
	finish   *finisher        // finishes the pages a build deferred (Options.DeferPages)
	idle     *idleCollector   // collects garbage between builds
	commitMu sync.Mutex       // one publisher at a time (partial builds, background index)
	// dirty lists the content paths changed since the last full build
	// that succeeded: the next full build reads them, and takes every
	// other page from the state's cache without reading its file.
	dirty []string
}

// NewBuilder returns a Builder for opts that keeps state for rebuilds.
func NewBuilder(opts pipeline.Options) *Builder {
	b := &Builder{opts: opts, state: pipeline.NewState(pipeline.Preview)}
	b.index = newBackgroundIndex(b)
	b.finish = newFinisher(b)
	b.idle = newIdleCollector()
	return b
}

// Build rebuilds the site. changed lists source paths that changed since
// the previous call (nil means everything). On errors it returns a
// diag.List as the error and leaves the previous output in place.
func (b *Builder) Build(ctx context.Context, changed []string) (*pipeline.Result, error) {
	start := time.Now()
	if b.opts.Inspect != nil { // a check builds nothing to rebuild
		return pipeline.Build(ctx, b.opts)
	}
	b.finish.Stop() // the pages it did not put in place are deferred again
	allocs := b.idle.begin()
	defer func() { b.idle.after(allocs, reloaded) }()
	if configChanged(changed) {
		b.state.Cache = content.NewCache()
	}
	if !onlyContent(changed) { // Markdown's options or shortcodes may have changed
		b.state.Forget()
	}
	b.dirty = append(b.dirty, contentPaths(changed)...)
	res, ok, err := b.partial(ctx, changed)
	if !ok {
		res, err = b.full(ctx, changed)
	}
	for _, lag := range []error{b.index.Err(), b.finish.Err()} {
		if lag != nil { // the preview lags behind the pages: say so once
			res.Diagnostics = append(res.Diagnostics, diag.Warnf(diag.Pos{}, "%v", lag))
		}
	}
	res.Elapsed = time.Since(start)
	return res, err
}

// full builds the site in place, reusing what did not change; after an
// edit of pages (or of static files or files beside them) the build is
// split: it returns once the edited pages are in place, and the rest is
// made in the background (pipeline.Result.Rest), or at once when the
// edited pages came out as they were.
func (b *Builder) full(ctx context.Context, changed []string) (*pipeline.Result, error) {
	b.state.Changed = nil // read every page
	if changed != nil {
		b.state.Changed = append([]string{}, b.dirty...)
	}
	b.state.Split = onlyContent(changed)
	b.index.Drop() // a full build writes its own index
	res, err := pipeline.Full(ctx, b.opts, b.state)
	if err != nil {
		return res, err
	}
	b.dirty = nil
	if res.IndexPending {
		b.index.Schedule(b.state.Last.SearchDocs)
	}
	var first *pipeline.Run
	if res.Rest {
		first = b.state.Last
	}
	if res.Rest && len(res.Written) == 0 { // nothing to reload for yet: the rest now
		return b.restNow(ctx, first, res)
	}
	b.finish.Start(res.Deferred, first)
	return res, nil
}

// restNow makes the rest of the split build whose run is first and which
// wrote nothing (res), and returns the outcome of both.
func (b *Builder) restNow(ctx context.Context, first *pipeline.Run, res *pipeline.Result) (*pipeline.Result, error) {
	more, deferred, err := b.rest(ctx, first)
	if more == nil {
		return res, err
	}
	more.Partial, more.IndexPending, more.PageURLs = false, res.IndexPending, res.PageURLs
	if err == nil {
		b.finish.Start(deferred, nil)
	}
	return more, err
}

// rest makes and publishes what the split build whose run is first left
// (see pipeline.Result.Rest), and returns the pages it deferred in turn.
// The background index may have published in between.
func (b *Builder) rest(ctx context.Context, first *pipeline.Run) (*pipeline.Result, []pipeline.Deferred, error) {
	b.commitMu.Lock()
	defer b.commitMu.Unlock()
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return nil, nil, fmt.Errorf("making the rest of the pages: %w", err)
	}
	r := first.Rest(ctx, out, b.state)
	deferred := r.RenderRest()
	res, err := r.Publish(b.opts, b.state)
	return res, deferred, err
}

// Page returns the bytes of the page at output path rel (slash, relative
// to the destination) as the last build made it, when the build deferred
// it and it is not in place yet (see Options.DeferPages); ok is false
// when the file in place is the page. A server serves these bytes instead
// of the file.
func (b *Builder) Page(rel string) (page []byte, ok bool) { return b.finish.Page(rel) }

// Failures receives the errors in the site found after a build returned:
// by the rest of a split build (pipeline.Result.Rest) or while finishing
// the pages it deferred (a list template that fails on the edited page's
// card). The output is then as it was before that part; a caller shows
// them as it shows a failed build's. Only the last one is kept.
func (b *Builder) Failures() <-chan error { return b.finish.failures }

// Finish waits until every page the last build deferred is in place.
func (b *Builder) Finish() { b.finish.Wait() }

// Close stops finishing deferred pages and the background search index
// and waits for them; the index's last error, if any, is returned. The
// Builder must not be used after.
func (b *Builder) Close() error {
	b.finish.Close()
	return b.index.Close()
}

// reloaded returns once a build's reload has gone out to the open tabs
// and their requests have come back (see headStart).
func reloaded() { time.Sleep(headStart) }

// contentPaths returns the paths below content/ of the changed paths that
// are in it.
func contentPaths(changed []string) []string {
	var paths []string
	for _, c := range changed {
		if rel, ok := layout.ContentPath(c); ok {
			paths = append(paths, rel)
		}
	}
	return paths
}

func configChanged(changed []string) bool {
	for _, c := range changed {
		if layout.Classify(c) == layout.Config {
			return true
		}
	}
	return false
}

// onlyContent reports whether every changed path is a page, a file beside
// the pages or a static file: edits that leave the Markdown renderer (its
// options, the shortcode templates) as it was. nil means everything.
func onlyContent(changed []string) bool {
	if changed == nil {
		return false
	}
	for _, c := range changed {
		switch layout.Classify(c) {
		case layout.Page, layout.ContentFile, layout.StaticFile:
		default:
			return false
		}
	}
	return true
}
