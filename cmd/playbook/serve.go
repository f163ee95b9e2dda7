package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/playbookhq/playbook/generator/health"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	var bind string
	var port int
	var poll time.Duration
	fs := newFlagSet("serve", "serve [flags]", stderr)
	f.register(fs, "")
	fs.StringVar(&bind, "bind", "127.0.0.1", "`ADDRESS` to listen on (anything but 127.0.0.1 exposes the preview to your network)")
	fs.IntVar(&port, "port", 1313, "`PORT` to listen on (0 picks a free one)")
	fs.DurationVar(&poll, "poll", 0, "poll for changes every `INTERVAL` (e.g. 500ms) instead of using file events")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "playbook serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if code := f.checkSource("serve", stderr); code >= 0 {
		return code
	}
	err := serve.Run(ctx, serve.Options{
		Source:      f.opts.Source,
		Bind:        bind,
		Port:        port,
		BaseURL:     f.opts.BaseURL,
		BuildDrafts: f.opts.BuildDrafts,
		Poll:        poll,
		Extras:      health.NewExtras(f.opts.Source),
		Stdout:      quietWriter(f.opts.Quiet, stdout),
		Stderr:      stderr,
	})
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitBuild
	}
	return exitOK
}

// watchBuild is `playbook build --watch`: rebuild into the destination on
// every change, without a server.
func watchBuild(ctx context.Context, opts pipeline.Options, poll time.Duration, stdout, stderr io.Writer) int {
	err := serve.Run(ctx, serve.Options{
		Source:      opts.Source,
		Destination: opts.Destination,
		BaseURL:     opts.BaseURL,
		BuildDrafts: opts.BuildDrafts,
		NoServe:     true,
		Poll:        poll,
		Extras:      opts.Extras,
		Stdout:      quietWriter(opts.Quiet, stdout),
		Stderr:      stderr,
	})
	if err != nil {
		fmt.Fprintf(stderr, "playbook build --watch: %v\n", err)
		return exitBuild
	}
	return exitOK
}

func quietWriter(quiet bool, w io.Writer) io.Writer {
	if quiet {
		return io.Discard
	}
	return w
}
