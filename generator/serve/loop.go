package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/watch"
)

// serveAndWatch is `playbook serve`.
func serveAndWatch(ctx context.Context, opts Options, newRebuilder newRebuilderFunc) error {
	ln, err := listen(opts.Bind, opts.Port)
	if err != nil {
		return err
	}
	defer ln.Close()
	warnIfExposed(opts.Bind, opts.Stderr)
	dest, cleanup, err := tempOutput()
	if err != nil {
		return err
	}
	defer cleanup()
	addr := newAddress("http://" + urlHost(opts.Bind, listenPort(ln)))
	w, err := startWatcher(opts, dest)
	if err != nil {
		return err
	}
	defer w.Close()
	hub := NewHub()
	l := newLoop(opts, newRebuilder, dest, addr, hub)
	defer l.close() // before the temporary folder is removed
	fmt.Fprintf(opts.Stdout, "Building %s …\n", opts.Source)
	if err := l.first(ctx); err != nil {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(opts.Stdout, "Stopped.")
		return nil
	}
	srv := httpServer(newHostCheck(newMux(siteHandler{dir: dest, addr: addr, hub: hub, deferred: l.deferredPage}, hub), opts.Bind, opts.AllowedHosts))
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	l.announce()
	stopped, serr := l.watch(ctx, w, served)
	err = stopServing(srv, hub, served, stopped, serr)
	fmt.Fprintln(opts.Stdout, "Stopped.")
	return err
}

// tempOutput makes the preview's output folder: "site" inside a new
// private temporary folder, so the builds' staging folders (made beside
// the output) are inside it too and cleanup removes everything, even
// after a build that was stopped halfway. The folder is in memory when
// the machine offers room there (see memoryFolder), as Hugo's server
// keeps its pages in memory: a structural edit of a large site rewrites
// hundreds of files, and on a disk each costs a file system's journal.
func tempOutput() (dest string, cleanup func(), err error) {
	mem := memoryFolder()
	if mem != "" {
		removeOrphans(mem) // memory is not freed by a reboot's cleanup of /tmp alone
	}
	tmp, err := os.MkdirTemp(mem, previewPrefix)
	if err != nil { // a memory folder the process may not write to
		tmp, err = os.MkdirTemp("", previewPrefix)
	}
	if err != nil {
		return "", nil, fmt.Errorf("temporary output folder: %w", err)
	}
	cleanup = func() { os.RemoveAll(tmp) }
	dest = filepath.Join(tmp, "site")
	err = os.WriteFile(filepath.Join(tmp, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644)
	if err == nil {
		err = os.Mkdir(dest, 0o755)
	}
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("temporary output folder: %w", err)
	}
	return dest, cleanup, nil
}

// newLoop makes the rebuild loop building into dest; addr and hub are nil
// without a server. With one, the pages are built for addr's origin and
// the base path of --baseURL or the configuration, which the builds
// report and the loop moves addr to.
func newLoop(opts Options, newRebuilder newRebuilderFunc, dest string, addr *address, hub *Hub) *loop {
	origin := ""
	if addr != nil {
		origin = addr.origin
	}
	// With a server, dest is the preview's own temporary folder
	// (tempOutput); build --watch writes into the user's destination.
	private := addr != nil
	fresh := func() Rebuilder {
		return newRebuilder(pipeline.Options{
			Source: opts.Source, Destination: dest, BaseURL: opts.BaseURL, Origin: origin,
			BuildDrafts: opts.BuildDrafts, Quiet: true, InPlace: true, Private: private, Extras: opts.Extras,
			// The server serves a page not yet finished as it will be
			// (siteHandler.deferred); a destination of build --watch
			// gets every page before the build is reported.
			DeferPages: private,
		})
	}
	l := &loop{fresh: fresh, addr: addr, hub: hub, out: newReporter(opts.Stdout, opts.Stderr)}
	l.use(fresh())
	return l
}

// close stops what the rebuilder still does in the background (the
// search index), so nothing is written after the loop ends; a failure is
// reported as a warning.
func (l *loop) close() {
	if err := closeRebuilder(l.rb); err != nil {
		fmt.Fprintf(l.out.stderr, "warning: %v\n", err)
	}
}

// closeRebuilder stops what rb does in the background, if anything.
func closeRebuilder(rb Rebuilder) error {
	c, ok := rb.(interface{ Close() error })
	if !ok {
		return nil
	}
	if err := c.Close(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// stopServing shuts the server down and collects what Serve returned
// (already received by the loop when stopped is true).
func stopServing(srv *http.Server, hub *Hub, served <-chan error, stopped bool, serr error) error {
	err := shutdown(srv, hub)
	if !stopped {
		serr = <-served
	}
	if serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("server: %w", serr))
	}
	return err
}

// watchOnly is `playbook build --watch`.
func watchOnly(ctx context.Context, opts Options, newRebuilder newRebuilderFunc) error {
	if opts.Destination == "" {
		return errors.New("build --watch needs a destination folder")
	}
	w, err := startWatcher(opts, opts.Destination)
	if err != nil {
		return err
	}
	defer w.Close()
	l := newLoop(opts, newRebuilder, opts.Destination, nil, nil)
	defer l.close()
	if err := l.first(ctx); err != nil {
		return err
	}
	fmt.Fprintf(opts.Stdout, "Watching %s for changes (Ctrl-C to stop)\n", opts.Source)
	l.watch(ctx, w, nil)
	fmt.Fprintln(opts.Stdout, "Stopped.")
	return nil
}

// startWatcher watches the site, skipping the output folder when it is
// inside the site.
func startWatcher(opts Options, dest string) (*watch.Watcher, error) {
	var exclude []string
	if rel, err := filepath.Rel(opts.Source, dest); err == nil && !strings.HasPrefix(rel, "..") && rel != "." {
		exclude = append(exclude, filepath.ToSlash(rel))
	}
	w, err := watch.New(watch.Options{
		Root:    opts.Source,
		Exclude: exclude,
		Poll:    opts.Poll,
		OnError: func(err error) { fmt.Fprintf(opts.Stderr, "warning: %v\n", err) },
	})
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", opts.Source, err)
	}
	return w, nil
}

// listenPort is the port the listener got (the free one for --port 0).
func listenPort(ln net.Listener) int {
	if addr, ok := ln.Addr().(*net.TCPAddr); ok {
		return addr.Port
	}
	return 0
}
