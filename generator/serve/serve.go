// Package serve is playbook's live preview: it builds the site into a
// temporary folder, serves it on 127.0.0.1, watches the sources and
// rebuilds on every change, and tells open browser tabs to reload (or to
// swap stylesheets, or to show the build errors) over Server-Sent Events.
//
// The reload script is added to HTML responses by the server only; the
// built files are exactly what `playbook build` writes. With NoServe it is
// `playbook build --watch`: rebuild into the destination, serve nothing.
package serve

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/rebuild"
)

// Options configure Run.
type Options struct {
	Source       string          // site root
	Destination  string          // output folder; used with NoServe only (serve builds into a temporary folder)
	Bind         string          // address to listen on; "" means 127.0.0.1
	AllowedHosts []string        // extra Host names the server answers (".x" also allows subdomains; "all" turns the check off)
	Port         int             // TCP port; 0 picks a free one
	BaseURL      string          // overrides the configuration's baseURL; serve uses only its path: the site is served at http://BIND:PORT/<path>
	BuildDrafts  bool            // include drafts
	Poll         time.Duration   // when positive, poll for changes at this interval instead of file events
	NoServe      bool            // rebuild into Destination on change without serving (build --watch)
	Stdout       io.Writer       // progress; nil discards
	Stderr       io.Writer       // warnings and errors; nil discards
	Extras       pipeline.Extras // passed to every build (the health page, review notices)
}

// Rebuilder builds the site again after changes; *rebuild.Builder is one.
// changed lists source paths (slash, relative to the site root) that
// changed; nil means everything.
type Rebuilder interface {
	Build(ctx context.Context, changed []string) (*pipeline.Result, error)
}

// Run builds, serves and watches until ctx is cancelled, then shuts the
// server down cleanly and removes its temporary folder. It returns an
// error only when it cannot start (port in use, unreadable site) or stop;
// build errors are shown, never fatal.
func Run(ctx context.Context, opts Options) error {
	return run(ctx, opts, func(o pipeline.Options) Rebuilder { return rebuild.NewBuilder(o) })
}

// newRebuilderFunc makes the Rebuilder; tests pass a fake.
type newRebuilderFunc func(pipeline.Options) Rebuilder

func run(ctx context.Context, opts Options, newRebuilder newRebuilderFunc) error {
	opts, err := withDefaults(opts)
	if err != nil {
		return err
	}
	if opts.NoServe {
		return watchOnly(ctx, opts, newRebuilder)
	}
	return serveAndWatch(ctx, opts, newRebuilder)
}

func withDefaults(opts Options) (Options, error) {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Source == "" {
		opts.Source = "."
	}
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return opts, fmt.Errorf("site folder %s: %w", opts.Source, err)
	}
	if info, err := os.Stat(src); err != nil {
		return opts, fmt.Errorf("site folder: %w", err)
	} else if !info.IsDir() {
		return opts, fmt.Errorf("site folder %s is not a folder", src)
	}
	opts.Source = src
	return opts, nil
}
