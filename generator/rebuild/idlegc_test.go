package rebuild

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestCramped(t *testing.T) {
	for _, c := range []struct {
		h    heap
		used uint64
		want bool
	}{
		{heap{heap: 600, goal: 900}, 100, false},
		{heap{heap: 600, goal: 900}, 150, false},
		{heap{heap: 600, goal: 900}, 151, true},
		{heap{heap: 950, goal: 900}, 0, true},
	} {
		if got := c.h.cramped(c.used); got != c.want {
			t.Errorf("%+v cramped(%d) = %v; want %v", c.h, c.used, got, c.want)
		}
	}
}

// TestIdleCollector checks that a build leaves a collection behind only
// when the heap is cramped, once the reload has gone out, and
// not once the next build has begun.
func TestIdleCollector(t *testing.T) {
	var now atomic.Pointer[heap]
	var forced atomic.Int32
	c := &idleCollector{stats: func() heap { return *now.Load() }, force: func() { forced.Add(1) }}
	run := func(before, after heap, beginNext bool) int32 {
		forced.Store(0)
		now.Store(&before)
		allocs := c.begin()
		now.Store(&after)
		settled := make(chan struct{})
		done := make(chan struct{})
		c.after(allocs, func() { <-settled })
		if beginNext {
			c.begin()
		}
		go func() { // after's goroutine has checked once force is seen or time passes
			defer close(done)
			deadline := time.Now().Add(200 * time.Millisecond)
			for forced.Load() == 0 && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
		}()
		if forced.Load() != 0 {
			t.Error("collected before the reload went out")
		}
		close(settled)
		<-done
		return forced.Load()
	}
	if n := run(heap{allocs: 0, heap: 400, goal: 900}, heap{allocs: 200, heap: 600, goal: 900}, false); n != 1 {
		t.Errorf("cramped heap: %d collections; want 1", n)
	}
	if n := run(heap{allocs: 0, heap: 300, goal: 900}, heap{allocs: 100, heap: 400, goal: 900}, false); n != 0 {
		t.Errorf("roomy heap: %d collections; want 0", n)
	}
	if n := run(heap{allocs: 0, heap: 400, goal: 900}, heap{allocs: 200, heap: 600, goal: 900}, true); n != 0 {
		t.Errorf("next build begun: %d collections; want 0", n)
	}
}
