package rebuild

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
)

// idleCollector collects garbage between builds, while the writer reads
// the page that just reloaded (beside the finisher, not after it: a
// structural edit's finisher may run until the next edit), when the heap
// has so little room left before the collector's next goal that the next
// build would likely run into a collection: that build then starts with
// room for its garbage, and a collection no longer lands on an edit now
// and then.
type idleCollector struct {
	builds atomic.Uint64 // builds begun
	stats  func() heap   // heapStats; a test sets its own
	force  func()        // runtime.GC; a test counts its calls
}

func newIdleCollector() *idleCollector { return &idleCollector{stats: heapStats, force: runtime.GC} }

// begin notes that a build begins and returns the bytes allocated so far,
// for after.
func (c *idleCollector) begin() uint64 {
	c.builds.Add(1)
	return c.stats().allocs
}

// after collects garbage in the background once settled returns (the
// reload has gone out), unless a build has begun since or the
// heap has room for twice what the build that began at allocs allocated.
func (c *idleCollector) after(allocs uint64, settled func()) {
	build := c.builds.Load()
	used := c.stats().allocs - allocs
	go func() {
		settled()
		if c.builds.Load() == build && c.stats().cramped(used) {
			c.force()
		}
	}()
}

// heap is what the runtime says of the heap.
type heap struct {
	allocs uint64 // bytes allocated since the program started
	heap   uint64 // bytes of heap objects now, live or not yet swept
	goal   uint64 // heap size at which the next collection ends
}

// cramped reports whether the heap has less room before the collector's
// goal than twice used bytes.
func (h heap) cramped(used uint64) bool {
	return h.goal <= h.heap || h.goal-h.heap < 2*used
}

// heapStats reads the heap's figures.
func heapStats() heap {
	samples := []metrics.Sample{
		{Name: "/gc/heap/allocs:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/goal:bytes"},
	}
	metrics.Read(samples)
	return heap{allocs: value(samples[0]), heap: value(samples[1]), goal: value(samples[2])}
}

// value is a sample's value, 0 when the runtime does not know it.
func value(s metrics.Sample) uint64 {
	if s.Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s.Value.Uint64()
}
