// Package pipeline holds the order of playbook's stages: configuration,
// theme, content, site model, then Markdown, views and templates, links,
// lists, search index and feeds, then output. Each stage is a package of
// its own; this one only hands each stage's result to the next (see Full,
// load and Run.render). generator/rebuild decides, for the live preview,
// which parts to redo after an edit, with the operations of Run.
package pipeline

import (
	"context"
	"errors"
	"time"

	"github.com/playbookhq/playbook/generator/diag"
)

// Version is playbook's version, shown by `playbook version` and in pages.
var Version = "0.1.0"

// Options say what to build and where.
type Options struct {
	Source      string // site root: config.toml, content/, static/, themes/
	Destination string // output folder
	BaseURL     string // overrides config baseURL when non-empty
	Origin      string // when non-empty, replaces the base URL's scheme and host, keeping its path (the preview's http://127.0.0.1:PORT)
	BuildDrafts bool
	Strict      bool // warnings fail the build
	Quiet       bool
	InPlace     bool // replace files inside Destination one by one instead of staging and swapping
	// Private says Destination is this process's own folder (the
	// preview's temporary one): no one puts files there by hand, so it is
	// not listed for them before each build.
	Private bool
	// DeferPages has in-place builds after the first leave the pages
	// whose only change is a drawn part (sidebar, header, footer) as they
	// are, listed in Result.Deferred for the caller to finish (the live
	// preview, once the browser has reloaded); with State.Split set, such
	// a build is split (Result.Rest).
	DeferPages bool

	// Inspect, when set, makes the build an in-memory check that hands
	// the site to the Inspector and writes nothing (`playbook check`).
	Inspect Inspector
	// Extras adds pages and reader notices worked out from the model (the
	// health package's page and "Review due"); nil adds nothing.
	Extras Extras

	// Loaded, when set, is called once the content is loaded and before
	// anything is rendered, with the number of pages the build will make.
	Loaded func(pages int)
}

// Stats counts what a build made.
type Stats struct {
	PagesByType map[string]int // content pages by type
	Sections    int
	Terms       int
	Aliases     int
	Files       int // files written
	Removed     int // stale files of earlier builds removed
	// GitNote says why some pages' "last updated" comes from lastmod
	// rather than git (a shallow clone); empty when git told all.
	GitNote string
}

// Result reports a build.
type Result struct {
	Diagnostics diag.List
	Written     []string // output paths (slash, relative to Destination) written or removed
	CSSOnly     bool     // only stylesheets changed since the previous build
	Pages       int
	Stats       Stats
	Elapsed     time.Duration
	// BasePath is the base path the pages were built for ("/" or e.g.
	// "/playbook/"), the config's or --baseURL's: a server serves them there.
	BasePath string
	// Partial is true when only what an edit affects was redone.
	Partial bool
	// IndexPending is true when the build left the search index as it
	// was: the caller writes it (the live preview, in the background).
	IndexPending bool
	// PageURLs maps each page's source file to its URL (site path). Only
	// full builds of a Builder that rebuilds (the live preview) set it;
	// partial rebuilds leave it nil, the pages being the same.
	PageURLs map[string]string
	// Deferred are the pages left as they are in place although a drawn
	// part of theirs changed (Options.DeferPages): the caller finishes
	// them.
	Deferred []Deferred
	// Rest is set when the build was split (State.Split): it published
	// only the pages whose sources changed, the new ones and the removal
	// of those gone, and kept every other file as it was; the caller
	// makes the rest (Run.Rest on State.Last) and serves a file not
	// settled (Run.Settled) only once that is published.
	Rest bool
}

// Build runs one full build.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	run := Full
	if opts.Inspect != nil {
		run = func(ctx context.Context, opts Options, _ *State) (*Result, error) { return check(ctx, opts) }
	}
	res, err := run(ctx, opts, NewState(OneOff))
	res.Elapsed = time.Since(start)
	return res, err
}

// failure returns the diagnostics as an error when the build must not be published.
func failure(diags diag.List, strict bool) error {
	if diags.HasErrors() || (strict && len(diags) > 0) {
		if strict {
			return diags.Strict()
		}
		return diags.Errors()
	}
	return nil
}

// dedupe drops repeated diagnostics (a template error hit by every page):
// those that print the same (see diagKey).
func dedupe(diags diag.List) diag.List {
	seen := make(map[diagKey]bool, len(diags))
	var out diag.List
	for _, d := range diags {
		k := keyOf(d)
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

// diagKey is what a diagnostic prints (diag.Diagnostic.Error) as a
// comparable value: a position's column counts only with its line, and
// its line only when known.
type diagKey struct {
	file      string
	line, col int
	warning   bool
	msg       string
}

func keyOf(d *diag.Diagnostic) diagKey {
	k := diagKey{file: d.Pos.File, warning: d.Severity == diag.Warning, msg: d.Msg}
	if k.file != "" && d.Pos.Line > 0 {
		k.line = d.Pos.Line
		k.col = max(d.Pos.Col, 0)
	}
	return k
}

// IsBuildError reports whether err is a list of build diagnostics rather
// than a failure of the machine (disk full, permissions).
func IsBuildError(err error) bool {
	var l diag.List
	return errors.As(err, &l)
}
