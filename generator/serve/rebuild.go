package serve

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync/atomic"
	"time"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/watch"
)

// loop rebuilds on every batch of changes and passes the outcome on to the
// terminal and, when serving, to the open tabs.
type loop struct {
	rb     Rebuilder                 // set with use
	live   atomic.Pointer[Rebuilder] // rb, for the server's goroutines
	fresh  func() Rebuilder          // makes a new rb, with no state, to replace a stuck one
	addr   *address                  // where the site is served; nil without a server
	hub    *Hub                      // nil without a server
	out    *reporter
	failed bool              // the last build failed
	built  bool              // a build has succeeded: the output is a site
	shown  bool              // the site's URL has been printed
	urls   map[string]string // source file → page URL, from the last full build
}

// watch rebuilds for each batch until ctx is done, the watcher stops, or
// the server stops (served receives: then stopped is true and err is what
// the server returned). Each build runs under its own context: a batch
// that arrives while it runs cancels it, and the next build covers both
// the cancelled build's changes and the new ones, so the stale build's
// result is never published or announced. On the way out a running build
// is cancelled and waited for up to stopGrace.
func (l *loop) watch(ctx context.Context, w *watch.Watcher, served <-chan error) (stopped bool, err error) {
	var cur *job
	var pending changes
	restart := newIdleTimer()
	defer restart.Stop()
	defer func() {
		if cur != nil && !cur.abandon(stopGrace) {
			fmt.Fprintf(l.out.stderr, "warning: stopping without waiting longer for the build in progress\n")
		}
	}()
	for {
		var done <-chan outcome
		if cur != nil {
			done = cur.done
		}
		select {
		case <-ctx.Done():
			return false, nil
		case err := <-failures(l.rb):
			if cur == nil { // else the build running has the last word
				if err := l.report(nil, err); err != nil {
					l.out.machineError(err)
				}
			}
		case err := <-served:
			l.out.serverFailed(err)
			return true, err
		case batch, ok := <-w.Batches():
			if !ok {
				return false, nil
			}
			if !batch.All {
				batch.Paths = sitePaths(batch.Paths)
				if len(batch.Paths) == 0 {
					continue // only files the site is not made of (Go code, notes, node_modules…)
				}
			}
			l.out.changed(batch)
			pending = pending.add(fromBatch(batch))
			if cur != nil {
				cur.cancel() // its outcome arrives on done; then the next build starts
				restart.Reset(restartGrace)
				continue
			}
		case <-restart.C:
			if cur != nil {
				l.replace(cur)
				pending = pending.add(everything)
				cur = nil
			}
		case o := <-done:
			restart.Stop()
			if cur.stale() {
				pending = cur.what.add(pending)
			} else if err := l.report(o.res, o.err); err != nil {
				l.out.machineError(err)
			}
			cur = nil
		}
		if cur == nil && !pending.empty() {
			cur, pending = start(ctx, l.rb, pending), changes{}
		}
	}
}

// failures returns where rb reports errors in the site it finds after a
// build returned (rebuild.Builder.Failures), nil when it does not.
func failures(rb Rebuilder) <-chan error {
	if f, ok := rb.(interface{ Failures() <-chan error }); ok {
		return f.Failures()
	}
	return nil
}

// restartGrace is how long a cancelled build may take to stop before the
// loop gives up on it and starts over with a fresh Rebuilder.
const restartGrace = time.Second

// newIdleTimer returns a stopped timer.
func newIdleTimer() *time.Timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}

// replace gives up on a cancelled build that does not stop (a parser busy
// on one huge or deeply nested page): the next build uses a fresh
// Rebuilder, so the fix just saved shows now. The stuck build publishes
// nothing once it returns (its context is cancelled), and its Rebuilder
// is closed then.
func (l *loop) replace(stuck *job) {
	fmt.Fprintf(l.out.stderr, "warning: the cancelled build did not stop within %s (a very large or deeply nested page?); building afresh without waiting for it\n", restartGrace)
	old := l.rb
	l.use(l.fresh())
	go func() {
		<-stuck.done
		_ = closeRebuilder(old)
	}()
}

// use makes rb the loop's rebuilder.
func (l *loop) use(rb Rebuilder) {
	l.rb = rb
	l.live.Store(&rb)
}

// deferredPage returns the page at output path rel as the last build made
// it, when that build deferred it (rebuild.Builder.Page): ok is false when
// the file in place is the page.
func (l *loop) deferredPage(rel string) (page []byte, ok bool) {
	rb := l.live.Load()
	if rb == nil {
		return nil, false
	}
	d, can := (*rb).(interface {
		Page(rel string) ([]byte, bool)
	})
	if !can {
		return nil, false
	}
	return d.Page(rel)
}

// sitePaths keeps the changed paths a build reads: content/, static/,
// themes/, archetypes/ and config.toml (or a folder above them, when a
// whole folder was removed or renamed).
func sitePaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		if layout.IsInput(p) {
			out = append(out, p)
		}
	}
	return out
}

// first runs the first build and reports it. When ctx ends first, the
// build is cancelled and waited for up to stopGrace. Build errors are
// reported and keep the last good site; only a failure of the machine
// (disk full, permissions) is returned.
func (l *loop) first(ctx context.Context) error {
	j := start(ctx, l.rb, everything)
	select {
	case o := <-j.done:
		if j.stale() {
			return nil
		}
		return l.report(o.res, o.err)
	case <-ctx.Done():
		j.abandon(stopGrace)
		return nil
	}
}

// announce prints the site's URL, once the server is up.
func (l *loop) announce() {
	l.shown = true
	fmt.Fprintf(l.out.stdout, "Serving %s (Ctrl-C to stop)\n", l.addr.URL())
}

// follow serves the site under the base path res's pages were built for:
// that of a successful build, or of a failed one while there is no site
// yet (so the error overlay shows where the site will be). A change after
// the URL was printed (baseURL edited in config.toml) prints the new URL.
func (l *loop) follow(res *pipeline.Result, ok bool) {
	if l.addr == nil || res == nil || (!ok && l.built) {
		return
	}
	if l.addr.follow(res.BasePath) && l.shown {
		fmt.Fprintf(l.out.stdout, "Serving %s now (the base path changed)\n", l.addr.URL())
	}
}

// report passes a build's outcome on to the tabs and the terminal.
func (l *loop) report(res *pipeline.Result, err error) error {
	l.follow(res, err == nil)
	if err != nil {
		diags, ok := buildDiagnostics(res, err)
		if !ok {
			return err
		}
		// Tell the tabs first, then the terminal, so whoever reads the
		// terminal sees a state the tabs already have.
		l.failed = true
		if l.hub != nil {
			l.hub.Fail(diags)
		}
		l.out.failed(diags)
		return nil
	}
	wasFailed := l.failed
	l.failed, l.built = false, true
	if res.PageURLs != nil {
		l.urls = res.PageURLs
	}
	if l.hub != nil && (wasFailed || len(res.Written) > 0) {
		l.hub.Reload(res.CSSOnly && !wasFailed, stylesheets(res.Written))
	}
	if l.hub != nil {
		l.hub.SetWarnings(res.Diagnostics.Warnings(), l.urls)
	}
	l.out.built(res)
	return nil
}

// buildDiagnostics returns the errors of a failed build; ok is false when
// err is not about the site's sources.
func buildDiagnostics(res *pipeline.Result, err error) (diag.List, bool) {
	var list diag.List
	if !errors.As(err, &list) {
		return nil, false
	}
	if errs := list.Errors(); len(errs) > 0 {
		return errs, true
	}
	if res != nil && len(res.Diagnostics.Errors()) > 0 {
		return res.Diagnostics.Errors(), true
	}
	return list, true
}

// stylesheets picks the CSS files out of the written paths.
func stylesheets(written []string) []string {
	var css []string
	for _, p := range written {
		if strings.EqualFold(path.Ext(p), ".css") {
			css = append(css, p)
		}
	}
	return css
}
