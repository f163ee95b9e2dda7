// Package gcbudget lets a short-lived process spend a heap budget on
// collecting garbage less often.
//
// Go's default (GOGC=100) starts a collection whenever the heap has doubled
// since the last one. Early in a build the live heap is small, so that
// means a collection every few megabytes allocated: a one-off build of 10k
// pages ran 45 collections and spent about 15% of its CPU time in the
// collector. esbuild turns the collector off for one-off builds; playbook
// cannot, because it promises a small peak memory. Instead, after every
// collection a Tuner sets the GC percentage so that the next collection
// starts when the heap reaches the budget: a large percentage while the
// live heap is small, and never less than Go's default 100, so a live heap
// that outgrows half the budget is collected exactly as by default.
package gcbudget

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Bounds of the GC percentage a Tuner sets.
const (
	minPercent = 100 // Go's default: never collect more often than it would
	maxPercent = 1000
)

// Tuner sets the GC percentage after every collection.
type Tuner struct {
	off bool // GOGC or GOMEMLIMIT was set: the user's choice stands

	mu      sync.Mutex // guards the fields below and the GC percentage
	budget  uint64
	stopped bool
	prev    int
}

// Start returns a Tuner that keeps the heap growing to about budget bytes
// between collections. It does nothing when the GOGC or GOMEMLIMIT
// environment variable is set.
func Start(budget uint64) *Tuner {
	t := &Tuner{off: os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""}
	if t.off {
		return t
	}
	t.budget = budget
	t.prev = debug.SetGCPercent(percentFor(budget, liveHeap()))
	t.arm()
	return t
}

// SetBudget changes the budget from the next collection on.
func (t *Tuner) SetBudget(budget uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.budget = budget
}

// Stop restores the GC percentage in force before Start.
func (t *Tuner) Stop() {
	if t.off {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		t.stopped = true
		debug.SetGCPercent(t.prev)
	}
}

// sentinel is garbage whose finalizer runs after the next collection.
type sentinel struct{ t *Tuner }

// arm registers a finalizer that retunes and re-arms after the next
// collection.
func (t *Tuner) arm() {
	runtime.SetFinalizer(&sentinel{t: t}, func(s *sentinel) { s.t.retune() })
}

// retune sets the percentage for the live heap of the collection that just
// ended and re-arms for the next one.
func (t *Tuner) retune() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	debug.SetGCPercent(percentFor(t.budget, liveHeap()))
	t.arm()
}

// percentFor returns the GC percentage that lets a heap of live bytes grow
// to budget, within [minPercent, maxPercent].
func percentFor(budget, live uint64) int {
	if live == 0 || budget <= 2*live {
		return minPercent
	}
	return int(min((budget-live)*100/live, maxPercent))
}

// liveHeap returns the heap bytes marked live by the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
