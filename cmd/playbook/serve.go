package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/playbookhq/playbook/generator/build"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	var bind string
	var port int
	var poll time.Duration
	fs := newFlagSet("serve", "serve [flags]", stderr)
	f.register(fs, "")
	fs.StringVar(&bind, "bind", "127.0.0.1", "`ADDRESS` to listen on")
	fs.IntVar(&port, "port", 1313, "`PORT` to listen on (0 picks a free one)")
	fs.DurationVar(&poll, "poll", 0, "poll for changes every `INTERVAL` (e.g. 500ms) instead of using file events")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	_ = poll
	dest := f.opts.Destination
	if dest == "" {
		dest = resolveDest(f.opts.Source, "public")
	}
	f.opts.Destination = dest
	if f.opts.BaseURL == "" {
		f.opts.BaseURL = fmt.Sprintf("http://%s:%d/", bind, port)
	}
	res, err := build.Build(ctx, f.opts)
	if code := report(res, err, f.opts, stdout, stderr); code != exitOK {
		return code
	}
	addr := fmt.Sprintf("%s:%d", bind, port)
	fmt.Fprintf(stdout, "Serving %s at http://%s/ (Ctrl-C to stop)\n", dest, addr)
	srv := &http.Server{Addr: addr, Handler: http.FileServer(http.Dir(dest)), ReadHeaderTimeout: 5 * time.Second}
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return exitBuild
	}
	return exitOK
}

func watchBuild(ctx context.Context, opts build.Options, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "playbook build --watch: not available yet")
	return exitUsage
}
