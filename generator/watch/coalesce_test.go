package watch

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

// fakeClock moves only when told. A timer whose deadline has already passed
// fires at once, so a test that advances the clock never races with the
// loop registering its timer.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []fakeTimer
}

type fakeTimer struct {
	at time.Time
	ch chan time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	at := c.now.Add(d)
	if !at.After(c.now) {
		ch <- c.now
		return ch
	}
	c.waiters = append(c.waiters, fakeTimer{at, ch})
	return ch
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at.After(c.now) {
			kept = append(kept, w)
			continue
		}
		w.ch <- c.now
	}
	c.waiters = kept
}

func startCoalesce(t *testing.T, clock Clock) (chan<- change, <-chan Batch) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	in, out := make(chan change), make(chan Batch)
	done := make(chan struct{})
	go func() {
		defer close(done)
		coalesce(ctx, in, out, &Batcher{Quiet: 50 * time.Millisecond, MaxDelay: 500 * time.Millisecond}, clock)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return in, out
}

func TestCoalesceOneSaveGivesOneBatch(t *testing.T) {
	clock := &fakeClock{now: t0}
	in, out := startCoalesce(t, clock)
	// vim with backups: rename away, create, write, remove the backup.
	for _, p := range []string{"content/a.md", "content/a.md", "content/a.md"} {
		in <- change{path: p, at: clock.Now()}
		clock.Advance(time.Millisecond)
	}
	clock.Advance(50 * time.Millisecond)
	got := <-out
	if want := []string{"content/a.md"}; !slices.Equal(got.Paths, want) {
		t.Errorf("batch = %q; want %q", got.Paths, want)
	}
	// A later save is a batch of its own.
	in <- change{path: "content/b.md", at: clock.Now()}
	clock.Advance(50 * time.Millisecond)
	if got := <-out; !slices.Equal(got.Paths, []string{"content/b.md"}) {
		t.Errorf("second batch = %q; want [content/b.md]", got.Paths)
	}
}

// A checkout touching 1,000 files over a second, with a receiver that takes
// batches as soon as they are due, gives exactly two batches covering all
// files: one cut at the max delay, one after the storm.
func TestCoalesceStormGivesTwoBatches(t *testing.T) {
	clock := &fakeClock{now: t0}
	in, out := startCoalesce(t, clock)
	var batches []Batch
	received := make(chan struct{})
	go func() {
		defer close(received)
		for b := range out {
			batches = append(batches, b)
			if countPaths(batches) == 1000 {
				return
			}
		}
	}()
	for i := range 1000 {
		in <- change{path: fmt.Sprintf("content/p%04d.md", i), at: clock.Now()}
		clock.Advance(time.Millisecond)
	}
	clock.Advance(50 * time.Millisecond)
	<-received
	if len(batches) != 2 {
		t.Errorf("storm of 1000 changes gave %d batches; want 2", len(batches))
	}
}

// While the receiver is busy (a rebuild is running), changes join one
// pending batch instead of queueing one rebuild each.
func TestCoalesceBusyReceiverGetsOneBatch(t *testing.T) {
	clock := &fakeClock{now: t0}
	in, out := startCoalesce(t, clock)
	for i := range 300 {
		in <- change{path: fmt.Sprintf("content/p%03d.md", i%100), at: clock.Now()}
		clock.Advance(10 * time.Millisecond)
	}
	clock.Advance(50 * time.Millisecond)
	got := <-out
	if len(got.Paths) != 100 {
		t.Errorf("busy receiver got a batch of %d paths; want all 100", len(got.Paths))
	}
}

func TestCoalesceFlushesWhenInputCloses(t *testing.T) {
	clock := &fakeClock{now: t0}
	in, out := make(chan change), make(chan Batch)
	go coalesce(context.Background(), in, out, &Batcher{Quiet: time.Hour, MaxDelay: time.Hour}, clock)
	in <- change{path: "config.toml", at: clock.Now()}
	close(in)
	if got := <-out; !slices.Equal(got.Paths, []string{"config.toml"}) {
		t.Errorf("batch on close = %q; want [config.toml]", got.Paths)
	}
	if _, ok := <-out; ok {
		t.Errorf("out still open after input closed")
	}
}

func countPaths(batches []Batch) int {
	n := 0
	for _, b := range batches {
		n += len(b.Paths)
	}
	return n
}
