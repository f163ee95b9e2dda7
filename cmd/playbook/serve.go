package main

import (
	"context"
	"fmt"
	"io"
	"strings"
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
	var allowedHosts string
	fs := newFlagSet("serve", "serve [flags]", stderr)
	f.register(fs, "")
	fs.StringVar(&bind, "bind", "127.0.0.1", "`ADDRESS` to listen on (anything but 127.0.0.1 exposes the preview to your network)")
	fs.IntVar(&port, "port", 1313, "`PORT` to listen on (0 picks a free one)")
	fs.StringVar(&allowedHosts, "allowed-hosts", "", "comma-separated host `NAMES` the preview also answers besides localhost, IP addresses and --bind (.example.com allows its subdomains too; all turns the check off)")
	fs.DurationVar(&poll, "poll", 0, "poll for changes every `INTERVAL` (e.g. 500ms) instead of using file events")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "playbook serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	err := serve.Run(ctx, serve.Options{
		Source:       f.opts.Source,
		Bind:         bind,
		AllowedHosts: splitList(allowedHosts),
		Port:         port,
		BaseURL:      f.opts.BaseURL,
		BuildDrafts:  f.opts.BuildDrafts,
		Poll:         poll,
		Extras:       health.NewExtras(f.opts.Source),
		Stdout:       quietWriter(f.opts.Quiet, stdout),
		Stderr:       stderr,
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

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func quietWriter(quiet bool, w io.Writer) io.Writer {
	if quiet {
		return io.Discard
	}
	return w
}
