package watch

import (
	"context"
	"io/fs"
	"time"
)

// fileState is what polling compares between two scans.
type fileState struct {
	size    int64
	modTime int64 // nanoseconds since the epoch
	mode    fs.FileMode
}

// poller scans the tree at a fixed interval and reports every path that
// appeared, disappeared or changed size, time or mode since the last scan.
type poller struct {
	tree
	interval time.Duration
	last     map[string]fileState
	clock    Clock
}

func newPoller(t tree, interval time.Duration, clock Clock) (*poller, error) {
	p := &poller{tree: t, interval: interval, clock: clock}
	p.last = p.scan()
	return p, nil
}

// scan returns the state of every path under the root, by relative path.
func (p *poller) scan() map[string]fileState {
	states := make(map[string]fileState, len(p.last))
	p.walk(p.root, func(abs string, d fs.DirEntry) {
		rel, ok := p.rel(abs)
		if !ok {
			return
		}
		info, err := d.Info()
		if err != nil {
			return
		}
		st := fileState{mode: info.Mode()}
		if !info.IsDir() {
			st.size, st.modTime = info.Size(), info.ModTime().UnixNano()
		}
		states[rel] = st
	})
	return states
}

// diff lists the paths that differ between two scans.
func diff(before, after map[string]fileState) []string {
	var changed []string
	for rel, st := range after {
		if old, ok := before[rel]; !ok || old != st {
			changed = append(changed, rel)
		}
	}
	for rel := range before {
		if _, ok := after[rel]; !ok {
			changed = append(changed, rel)
		}
	}
	return changed
}

func (p *poller) run(ctx context.Context, out chan<- change) {
	ticker := time.NewTicker(p.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			now := p.scan()
			for _, rel := range diff(p.last, now) {
				send(ctx, out, change{path: rel, at: p.clock.Now()})
			}
			p.last = now
		}
	}
}

func (p *poller) close() error { return nil }
