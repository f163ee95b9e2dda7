package rebuild

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/parallel"
)

// finisher finishes the pages a build deferred (pipeline.Deferred) in the
// background, right after the build returns, so the browser reloads
// first; until a page is in place, Page makes it on request. The next
// build stops it (Stop): the pages not yet in place are deferred again
// by that build. Close stops it before the output folder goes away.
type finisher struct {
	b      *Builder
	ctx    context.Context
	cancel context.CancelFunc
	stop   context.CancelFunc // stops the pages being finished now

	mu      sync.Mutex
	pending map[string]*unfinished // output path → page not yet finished
	done    chan struct{}          // closed when pending is finished
	err     error                  // the last failure, reported once
	// trash are the staged files of finishes that were stopped, removed
	// once the build that stopped them is done (see discard).
	trash []*output.Writer
	// failures receives the errors in the site found after a build
	// returned (see fail); it holds the last one.
	failures chan error
	// first is the run of a split build whose rest is being made, nil
	// once settled is closed (see Start).
	first   *pipeline.Run
	settled chan struct{}
}

// unfinished is one deferred page and, once its new bytes are staged,
// their hash (0 before).
type unfinished struct {
	d   pipeline.Deferred
	now uint64
}

func newFinisher(b *Builder) *finisher {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	close(done)
	return &finisher{b: b, ctx: ctx, cancel: cancel, done: done, failures: make(chan error, 1)}
}

// Start finishes deferred in the background, once the staged files of
// the finishes stopped before are removed. When first is not nil, the
// last build was split (pipeline.Result.Rest) and first is its run: the
// rest is made before, and the pages it defers are finished too; until
// it is published, Page waits for it for a file first did not settle.
// The pages before must be finished or stopped (Wait, Stop).
func (f *finisher) Start(deferred []pipeline.Deferred, first *pipeline.Run) {
	f.mu.Lock()
	idle := len(deferred) == 0 && len(f.trash) == 0 && first == nil
	f.mu.Unlock()
	if idle {
		return
	}
	done, settled := make(chan struct{}), make(chan struct{})
	ctx, stop := context.WithCancel(f.ctx)
	f.mu.Lock()
	f.pending, f.done, f.stop, f.first, f.settled = pendingOf(deferred), done, stop, first, settled
	f.mu.Unlock()
	hook, restHook := finishing, resting // read here, by the build's goroutine
	go func() {
		defer close(done)
		defer stop()
		settle := sync.OnceFunc(func() { f.settle(settled) })
		defer settle()
		select { // the reload goes out and the tabs' requests come in first
		case <-time.After(headStart):
		case <-ctx.Done():
		}
		f.emptyTrash()
		if first != nil {
			if restHook != nil {
				restHook(ctx)
			}
			var err error
			if deferred, err = f.rest(ctx, first); err != nil {
				return
			}
			settle()
		}
		if hook != nil {
			hook(ctx, deferred)
		}
		if len(deferred) == 0 {
			return
		}
		err := f.finish(ctx, deferred)
		f.mu.Lock()
		f.pending = nil
		f.mu.Unlock()
		if ctx.Err() == nil {
			f.fail(err)
		}
	}()
}

// pendingOf indexes deferred pages by their output paths.
func pendingOf(deferred []pipeline.Deferred) map[string]*unfinished {
	pending := make(map[string]*unfinished, len(deferred))
	for _, d := range deferred {
		pending[d.Rel] = &unfinished{d: d}
	}
	return pending
}

// rest makes the rest of the split build whose run is first and returns
// the pages it deferred, which are pending from then on.
func (f *finisher) rest(ctx context.Context, first *pipeline.Run) ([]pipeline.Deferred, error) {
	if err := ctx.Err(); err != nil { // stopped before it began
		return nil, err
	}
	_, deferred, err := f.b.rest(ctx, first)
	if err != nil {
		if ctx.Err() == nil {
			f.fail(err)
		}
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending = pendingOf(deferred)
	return deferred, nil
}

// fail passes on err, when not nil: errors in the site (a template that
// fails on a list) to Failures, others to Err.
func (f *finisher) fail(err error) {
	switch {
	case err == nil:
	case pipeline.IsBuildError(err):
		select { // the receiver shows the latest
		case <-f.failures:
		default:
		}
		f.failures <- err
	default:
		f.mu.Lock()
		f.err = err
		f.mu.Unlock()
	}
}

// settle says the rest of a split build is published, or given up.
func (f *finisher) settle(settled chan struct{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.first = nil
	close(settled)
}

// headStart is how long the finisher waits after a build returns before
// it starts: the build's reload event reaches the open tabs, and their
// requests come back, without the finisher's work competing for the cores.
const headStart = 50 * time.Millisecond

// Wait waits until every deferred page is in place.
func (f *finisher) Wait() {
	f.mu.Lock()
	done := f.done
	f.mu.Unlock()
	<-done
}

// Stop stops finishing pages and waits: those not in place are left as
// they were, and the state says so (pipeline.State.Unfinished), so the
// next build defers them again with what it draws.
func (f *finisher) Stop() {
	f.mu.Lock()
	stop := f.stop
	f.mu.Unlock()
	if stop != nil {
		stop()
	}
	f.Wait()
}

// Err returns the last failure to finish pages and forgets it.
func (f *finisher) Err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	err := f.err
	f.err = nil
	return err
}

// Close stops finishing pages and waits; pages not yet in place stay as
// they were (the output folder is going away).
func (f *finisher) Close() {
	f.cancel()
	f.Wait()
	f.emptyTrash()
}

// discard leaves the staged files of a finish that was stopped to be
// removed after the build that stopped it: removing thousands of files
// would hold that build up.
func (f *finisher) discard(out *output.Writer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.trash = append(f.trash, out)
}

// emptyTrash removes the staged files of the finishes that were stopped.
func (f *finisher) emptyTrash() {
	f.mu.Lock()
	trash := f.trash
	f.trash = nil
	f.mu.Unlock()
	for _, out := range trash {
		out.Abort()
	}
}

// Page returns the bytes of the page at output path rel as the last build
// made it, when that page is not in place yet; ok is false when the file
// in place is the page (or is being made again, or left to the rest of a
// split build: Page then waits for it).
func (f *finisher) Page(rel string) (page []byte, ok bool) {
	f.mu.Lock()
	first, settled := f.first, f.settled
	f.mu.Unlock()
	if first != nil && !first.Settled(rel) {
		<-settled // the rest of a split build may change it
	}
	f.mu.Lock()
	u, done := f.pending[rel], f.done
	f.mu.Unlock()
	if u == nil {
		return nil, false
	}
	file, err := os.ReadFile(f.path(rel))
	if err == nil {
		if page, ok := u.d.Splice(nil, file); ok {
			return page, true
		}
		f.mu.Lock()
		now := u.now
		f.mu.Unlock()
		if now != 0 && pipeline.HashBytes(file) == now { // put in place meanwhile
			return file, true
		}
	}
	<-done
	return nil, false
}

// path is the file at output path rel.
func (f *finisher) path(rel string) string {
	return filepath.Join(f.b.opts.Destination, filepath.FromSlash(rel))
}

// finish puts the deferred pages in place in one pass over the last
// build's inputs: first the pages to remake (their views changed), then
// each other page with its new drawn parts spliced into its file in
// place, published together; pages that cannot be spliced are made again
// from their sources, in a pass of their own. The pass holds the commit
// lock: it replaces the state's hashes and views when it publishes.
func (f *finisher) finish(ctx context.Context, deferred []pipeline.Deferred) error {
	var remakes, splices []pipeline.Deferred
	for _, d := range deferred {
		if d.Remake() {
			remakes = append(remakes, d)
		} else {
			splices = append(splices, d)
		}
	}
	f.b.commitMu.Lock()
	defer f.b.commitMu.Unlock()
	st := f.b.state
	out, err := output.Begin(f.b.opts.Destination, true)
	if err != nil {
		st.Unfinished(deferred)
		return fmt.Errorf("finishing pages: %w", err)
	}
	st.Unknown(rels(remakes)) // nothing in place is taken for them
	r := st.Last.Again(ctx, out, st)
	r.RenderAgain(remakes)
	again, err := f.stage(ctx, r, splices)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		f.discard(out)
		st.Unfinished(deferred)
		return err
	}
	if _, err := r.Publish(f.b.opts, st); err != nil { // undone: the files are as they were
		st.Unfinished(deferred)
		return fmt.Errorf("finishing pages: %w", err)
	}
	if len(again) == 0 {
		return nil
	}
	st.Unknown(rels(again))
	return f.makeAgain(ctx, again)
}

// rels returns the output paths of deferred.
func rels(deferred []pipeline.Deferred) []string {
	out := make([]string, len(deferred))
	for i, d := range deferred {
		out[i] = d.Rel
	}
	return out
}

// stage splices each deferred page on all cores and writes it in r's
// pass. It returns the pages that could not be spliced.
func (f *finisher) stage(ctx context.Context, r *pipeline.Run, deferred []pipeline.Deferred) (again []pipeline.Deferred, err error) {
	type buffers struct{ file, page []byte }
	bufs := make([]buffers, parallel.Workers())
	spliced := make([]bool, len(deferred))
	parallel.For(ctx, len(deferred), func(w, i int) {
		d, b := deferred[i], &bufs[w]
		var err error
		ok := false
		if b.file, err = output.ReadInto(b.file, f.path(d.Rel)); err == nil {
			b.page, ok = d.Splice(b.page[:0], b.file)
		}
		if !ok {
			return
		}
		sum := r.WriteFinished(d.Rel, b.page)
		spliced[i] = true
		f.mu.Lock()
		f.pending[d.Rel].now = sum
		f.mu.Unlock()
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, d := range deferred {
		if !spliced[i] {
			again = append(again, d)
		}
	}
	return again, nil
}

// makeAgain makes pages again whose files in place could not be spliced
// (changed by hand, or holding their old sidebar twice), under the commit
// lock.
func (f *finisher) makeAgain(ctx context.Context, pages []pipeline.Deferred) error {
	out, err := output.Begin(f.b.opts.Destination, true)
	if err != nil {
		return fmt.Errorf("finishing pages: %w", err)
	}
	r := f.b.state.Last.Again(ctx, out, f.b.state)
	r.RenderAgain(pages)
	if _, err := r.Publish(f.b.opts, f.b.state); err != nil {
		return fmt.Errorf("finishing pages: %w", err)
	}
	return nil
}

// finishing, when set when a build returns, is called before the pages it
// deferred (or the rest of it did) are finished, with the context that
// stops them and those pages (tests).
var finishing func(ctx context.Context, deferred []pipeline.Deferred)

// resting, when set when a split build returns, is called before the
// rest of it is made, with the context that stops it (tests).
var resting func(ctx context.Context)
