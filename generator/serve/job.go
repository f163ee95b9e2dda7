package serve

import (
	"context"
	"slices"
	"time"

	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/watch"
)

// stopGrace bounds how long stopping (Ctrl-C, SIGTERM) waits for a
// cancelled build to return. The stages check the context between pages,
// so a build normally stops within milliseconds; a single pathological
// page can keep one parser busy longer, and then the preview stops
// without it (its output goes to the temporary folder that is removed).
const stopGrace = 2 * time.Second

// changes is what a build must look at: some paths, or everything.
type changes struct {
	all   bool
	paths []string
}

// everything is the changes of a first build.
var everything = changes{all: true}

// fromBatch returns a batch's changes.
func fromBatch(b watch.Batch) changes {
	return changes{all: b.All, paths: b.Paths}
}

// add merges more changes in.
func (c changes) add(more changes) changes {
	if c.all || more.all {
		return everything
	}
	merged := slices.Concat(c.paths, more.paths)
	slices.Sort(merged)
	return changes{paths: slices.Compact(merged)}
}

// arg is the Rebuilder's changed argument: nil for everything.
func (c changes) arg() []string {
	if c.all {
		return nil
	}
	return c.paths
}

// empty reports whether there is nothing to build.
func (c changes) empty() bool { return !c.all && len(c.paths) == 0 }

// job is one build running on its own goroutine under its own context,
// which is cancelled when the next change arrives or the preview stops.
type job struct {
	what   changes
	ctx    context.Context
	cancel context.CancelFunc
	done   chan outcome // receives once
}

// outcome is what a build returned.
type outcome struct {
	res *pipeline.Result
	err error
}

// start runs one build of what under a context derived from parent.
func start(parent context.Context, rb Rebuilder, what changes) *job {
	ctx, cancel := context.WithCancel(parent)
	j := &job{what: what, ctx: ctx, cancel: cancel, done: make(chan outcome, 1)}
	go func() {
		res, err := rb.Build(ctx, what.arg())
		j.done <- outcome{res, err}
	}()
	return j
}

// stale reports whether the job was cancelled: its outcome describes
// sources that have changed since (or a preview that is stopping), so it
// is neither reported nor announced.
func (j *job) stale() bool { return j.ctx.Err() != nil }

// abandon cancels the job and waits for it up to grace; false means the
// build is still running.
func (j *job) abandon(grace time.Duration) bool {
	j.cancel()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-j.done:
		return true
	case <-t.C:
		return false
	}
}
