package rebuild

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/search"
)

// indexQuiet is how long the background index waits for edits to pause,
// so that it does not compete with the rebuilds of a writer who is typing.
const indexQuiet = 750 * time.Millisecond

// backgroundIndex rebuilds the search index after partial rebuilds, in
// the background so the browser can reload first. Requests made while one
// waits or runs are coalesced: only the newest docs are indexed next.
// Close stops it before the output folder goes away.
type backgroundIndex struct {
	b      *Builder
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	next   func() []search.Doc // makes the docs waiting to be indexed
	busy   bool
	asked  time.Time // when the newest docs were handed over
	err    error     // the last failure, reported once
	closed bool      // Close was called: nothing more is scheduled
}

func newBackgroundIndex(b *Builder) *backgroundIndex {
	ctx, cancel := context.WithCancel(context.Background())
	return &backgroundIndex{b: b, ctx: ctx, cancel: cancel}
}

// Schedule asks for the index of the docs that docs makes to be written
// once edits pause. docs runs then, under the Builder's commitMu: a run's
// search records are made in the background, not before the reload.
func (x *backgroundIndex) Schedule(docs func() []search.Doc) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return
	}
	x.next = docs
	x.asked = time.Now()
	if x.busy {
		return
	}
	x.busy = true
	x.wg.Add(1)
	go x.loop(x.ctx)
}

// loop writes the newest docs until none wait.
func (x *backgroundIndex) loop(ctx context.Context) {
	defer x.wg.Done()
	for {
		x.mu.Lock()
		if wait := indexQuiet - time.Since(x.asked); wait > 0 && x.next != nil {
			x.mu.Unlock()
			select {
			case <-time.After(wait):
				continue
			case <-ctx.Done(): // closed or dropped while waiting
			}
			x.mu.Lock()
			x.busy = false
			x.mu.Unlock()
			return
		}
		next := x.next
		x.next = nil
		if next == nil || ctx.Err() != nil {
			x.busy = false
			x.mu.Unlock()
			return
		}
		x.mu.Unlock()
		if err := x.write(ctx, next); err != nil && ctx.Err() == nil {
			x.mu.Lock()
			x.err = err
			x.mu.Unlock()
		}
	}
}

// Wait waits until no index is being written or waiting.
func (x *backgroundIndex) Wait() { x.wg.Wait() }

// Drop drops the docs still waiting and stops an index being written
// before it is published, then waits for it: a full build, which writes
// an index of its own, need not wait for the background one.
func (x *backgroundIndex) Drop() {
	x.mu.Lock()
	x.next = nil
	cancel := x.cancel
	x.mu.Unlock()
	cancel()
	x.wg.Wait()
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.closed {
		x.ctx, x.cancel = context.WithCancel(context.Background())
	}
}

// Err returns the last failure to write the index and forgets it.
func (x *backgroundIndex) Err() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	err := x.err
	x.err = nil
	return err
}

// Close drops the docs still waiting, stops an index being written
// before it is published, waits for it and returns the last failure.
func (x *backgroundIndex) Close() error {
	x.mu.Lock()
	x.closed = true
	cancel := x.cancel
	x.mu.Unlock()
	cancel()
	x.wg.Wait()
	return x.Err()
}

// write builds the search index of the docs that makeDocs makes and
// publishes it in place, replacing the previous index files.
func (x *backgroundIndex) write(ctx context.Context, makeDocs func() []search.Doc) error {
	b := x.b
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	b.commitMu.Lock()
	docs := makeDocs() // no partial rebuild changes the run's records meanwhile
	prev := b.state.HashesOf(isIndexFile)
	hasPage := len(b.state.HashesOf(func(f string) bool { return f == searchPage })) > 0
	b.commitMu.Unlock()
	hashes := map[string]uint64{}
	err = search.Write(docs, func(f search.File) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		h := pipeline.HashBytes(f.Data)
		hashes[f.Path] = h
		if prev[f.Path] == h {
			out.Retain(f.Path) // most shards and excerpts did not change
			return nil
		}
		return out.WriteFile(f.Path, f.Data)
	})
	if err == nil {
		err = ctx.Err() // dropped or closed: the output folder may be going away
	}
	if err != nil {
		out.Abort()
		return fmt.Errorf("search index: %w", err)
	}
	out.PublishLast(search.ManifestPath)
	b.commitMu.Lock()
	defer b.commitMu.Unlock()
	out.RetainPreviousExcept(search.Dir)
	if hasPage {
		out.Retain(searchPage) // the search page lives beside the index, not in it
	}
	if _, err := out.Commit(); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	for f, h := range b.state.HashesOf(func(f string) bool { return !isIndexFile(f) }) {
		hashes[f] = h
	}
	b.state.Mu.Lock()
	b.state.Hashes = hashes
	b.state.Mu.Unlock()
	return nil
}

// searchPage is the search page, written by the list stage into the
// index's folder.
const searchPage = search.Dir + "index.html"

// isIndexFile reports whether output path f is a file of the search index
// (not the search page beside it).
func isIndexFile(f string) bool { return pipeline.IsIndexFile(f) }
