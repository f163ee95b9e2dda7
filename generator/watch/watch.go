// Package watch reports changes under a site's source folder as coalesced
// batches of paths, for rebuild-on-save.
//
// Folders are watched recursively, including folders created or moved in
// after the start; saves by rename (vim backups, JetBrains safe write, VS
// Code, helix), deletes and moves are seen; editor temp files and dotfiles
// are ignored; bursts of events are coalesced (see Batcher). A polling
// mode gives the same batches where file system events are not available.
package watch

import (
	"context"

	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Default coalescing windows: a save gives a batch after DefaultQuiet of
// silence; a long storm of changes gives one at least every DefaultMaxDelay.
const (
	DefaultQuiet    = 20 * time.Millisecond
	DefaultMaxDelay = 500 * time.Millisecond
)

// DefaultExclude lists folders, relative to the root, that are never
// watched: the usual output folder and installed JavaScript packages.
// Dot folders such as .git are always skipped.
var DefaultExclude = []string{"public", "node_modules"}

// Options configure a Watcher.
type Options struct {
	Root     string        // folder to watch recursively
	Exclude  []string      // folders (slash-separated, relative to Root) to skip besides DefaultExclude
	Poll     time.Duration // when positive, scan the tree at this interval instead of using file system events
	Quiet    time.Duration // silence that ends a batch; 0 means DefaultQuiet
	MaxDelay time.Duration // longest wait from a batch's first change; 0 means DefaultMaxDelay
	Clock    Clock         // nil means the real clock
	OnError  func(error)   // called with errors that do not stop watching; nil ignores them
}

// Watcher delivers batches of changes until it is closed.
type Watcher struct {
	batches chan Batch
	cancel  context.CancelFunc
	done    chan struct{}
}

// source produces raw changes until ctx is done.
type source interface {
	run(ctx context.Context, out chan<- change)
	close() error
}

// New starts watching opts.Root. Every folder is watched when New returns,
// so a change made after it returns is not missed.
func New(opts Options) (*Watcher, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", opts.Root, err)
	}
	if info, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	} else if !info.IsDir() {
		return nil, fmt.Errorf("watch %s: not a folder", root)
	}
	opts = withDefaults(opts)
	tree := tree{root: root, exclude: append(append([]string(nil), DefaultExclude...), opts.Exclude...)}
	src, err := newSource(tree, opts)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &Watcher{batches: make(chan Batch), cancel: cancel, done: make(chan struct{})}
	changes := make(chan change, 256)
	go func() {
		defer close(changes)
		src.run(ctx, changes)
	}()
	b := &Batcher{Quiet: opts.Quiet, MaxDelay: opts.MaxDelay}
	go func() {
		defer close(w.done)
		defer src.close()
		coalesce(ctx, changes, w.batches, b, opts.Clock)
	}()
	return w, nil
}

func withDefaults(opts Options) Options {
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = DefaultMaxDelay
	}
	if opts.Clock == nil {
		opts.Clock = realClock{}
	}
	if opts.OnError == nil {
		opts.OnError = func(error) {}
	}
	return opts
}

func newSource(t tree, opts Options) (source, error) {
	if opts.Poll > 0 {
		return newPoller(t, opts.Poll, opts.Clock)
	}
	return newNotifier(t, opts.Clock, opts.OnError)
}

// Batches returns the channel of coalesced changes. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Close stops watching and waits until the watcher's goroutines have ended.
func (w *Watcher) Close() error {
	w.cancel()
	<-w.done
	return nil
}
