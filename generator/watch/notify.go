package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// notifier turns fsnotify events into changes. fsnotify watches one folder
// at a time, so the notifier adds every folder of the tree at the start
// and every folder created or moved in later, and drops the watches of
// folders removed or moved away.
type notifier struct {
	tree
	fsw     *fsnotify.Watcher
	dirs    map[string]bool // absolute paths of watched folders
	onError func(error)
	clock   Clock
}

func newNotifier(t tree, clock Clock, onError func(error)) (*notifier, error) {
	fsw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	n := &notifier{tree: t, fsw: fsw, dirs: make(map[string]bool), onError: onError, clock: clock}
	if err := n.addTree(t.root, nil); err != nil {
		fsw.Close()
		return nil, err
	}
	return n, nil
}

// addTree watches dir and every folder below it. When emit is not nil it is
// called for every file and folder found: they appeared with a new folder,
// possibly before its watch was in place.
func (n *notifier) addTree(dir string, emit func(abs string)) error {
	var firstErr error
	n.walk(dir, func(abs string, d fs.DirEntry) {
		if emit != nil && abs != dir {
			emit(abs)
		}
		if !d.IsDir() || n.dirs[abs] {
			return
		}
		if err := n.fsw.Add(abs); err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("watch %s: %w", abs, err)
			}
			return
		}
		n.dirs[abs] = true
	})
	return firstErr
}

// dropTree forgets the watches of dir and every folder below it.
func (n *notifier) dropTree(dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range n.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			_ = n.fsw.Remove(d) // already gone when the folder was deleted
			delete(n.dirs, d)
		}
	}
}

func (n *notifier) run(ctx context.Context, out chan<- change) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-n.fsw.Events:
			if !ok {
				return
			}
			n.handle(ctx, ev, out)
		case err, ok := <-n.fsw.Errors:
			if !ok {
				return
			}
			n.handleError(ctx, err, out)
		}
	}
}

func (n *notifier) handle(ctx context.Context, ev fsnotify.Event, out chan<- change) {
	if ev.Op == fsnotify.Chmod || n.ignored(ev.Name) {
		return
	}
	emit := func(abs string) {
		if rel, ok := n.rel(abs); ok {
			send(ctx, out, change{path: rel, at: n.clock.Now()})
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		n.dropTree(ev.Name)
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			if err := n.addTree(ev.Name, emit); err != nil {
				n.onError(err)
			}
		}
	}
	emit(ev.Name)
}

func (n *notifier) handleError(ctx context.Context, err error, out chan<- change) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		send(ctx, out, change{all: true, at: n.clock.Now()})
		return
	}
	n.onError(fmt.Errorf("watch: %w", err))
}

func (n *notifier) close() error { return n.fsw.Close() }

// send delivers c unless ctx is done first.
func send(ctx context.Context, out chan<- change, c change) {
	select {
	case out <- c:
	case <-ctx.Done():
	}
}
