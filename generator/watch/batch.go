package watch

import (
	"slices"
	"time"
)

// Batch is one coalesced set of changes, handed to the rebuild loop.
type Batch struct {
	// Paths are the changed files and folders: slash-separated, relative to
	// the watched root, sorted and unique. A folder path (a folder that was
	// removed or renamed away) stands for everything that was beneath it.
	Paths []string
	// All is set when events may have been lost (the kernel queue
	// overflowed): the receiver should rebuild everything.
	All bool
}

// change is one raw event from a source, already filtered and made relative.
type change struct {
	path string
	all  bool      // events were lost; rebuild everything
	at   time.Time // when the source saw it
}

// Batcher coalesces changes into batches. A batch is due once no change has
// arrived for Quiet, or MaxDelay after its first change, whichever comes
// first, so that one save gives one batch and a storm of changes (a
// checkout of a thousand files) gives one or two. It holds no timers: the
// caller passes the current time in, which makes it testable with a fake
// clock.
type Batcher struct {
	Quiet    time.Duration
	MaxDelay time.Duration

	pending     map[string]struct{}
	all         bool
	first, last time.Time
}

// Add records a change seen at time now.
func (b *Batcher) Add(c change, now time.Time) {
	if b.Empty() {
		b.first = now
	}
	b.last = now
	if c.all {
		b.all = true
		return
	}
	if b.pending == nil {
		b.pending = make(map[string]struct{})
	}
	b.pending[c.path] = struct{}{}
}

// Empty reports whether no change is pending.
func (b *Batcher) Empty() bool { return len(b.pending) == 0 && !b.all }

// Deadline returns when the pending batch becomes due; ok is false when
// nothing is pending.
func (b *Batcher) Deadline() (deadline time.Time, ok bool) {
	if b.Empty() {
		return time.Time{}, false
	}
	quiet := b.last.Add(b.Quiet)
	latest := b.first.Add(b.MaxDelay)
	if latest.Before(quiet) {
		return latest, true
	}
	return quiet, true
}

// Due reports whether a batch is pending and due at time now.
func (b *Batcher) Due(now time.Time) bool {
	d, ok := b.Deadline()
	return ok && !now.Before(d)
}

// Take returns the pending batch, whether due or not, and empties the batcher.
func (b *Batcher) Take() Batch {
	batch := Batch{All: b.all}
	for p := range b.pending {
		batch.Paths = append(batch.Paths, p)
	}
	slices.Sort(batch.Paths)
	b.pending, b.all = nil, false
	return batch
}
