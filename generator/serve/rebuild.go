package serve

import (
	"context"
	"errors"
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/watch"
)

// loop rebuilds on every batch of changes and passes the outcome on to the
// terminal and, when serving, to the open tabs.
type loop struct {
	rb     Rebuilder
	hub    *Hub // nil without a server
	out    *reporter
	failed bool              // the last build failed
	urls   map[string]string // source file → page URL, from the last full build
}

// watch rebuilds for each batch until ctx is done, the watcher stops, or
// the server stops (served receives: then stopped is true and err is what
// the server returned).
func (l *loop) watch(ctx context.Context, w *watch.Watcher, served <-chan error) (stopped bool, err error) {
	for {
		select {
		case <-ctx.Done():
			return false, nil
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
			var changed []string
			if !batch.All {
				changed = batch.Paths
			}
			if err := l.rebuild(ctx, changed); err != nil {
				l.out.machineError(err)
			}
		}
	}
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

// rebuild runs one build and reports it. Build errors are reported and
// keep the last good site; only a failure of the machine (disk full,
// permissions) is returned.
func (l *loop) rebuild(ctx context.Context, changed []string) error {
	res, err := l.rb.Build(ctx, changed)
	if ctx.Err() != nil {
		return nil
	}
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
	l.failed = false
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
