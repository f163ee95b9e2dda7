package parallel

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestForVisitsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]int32, n)
		var badWorker atomic.Bool
		For(context.Background(), n, func(w, i int) {
			if w < 0 || w >= Workers() {
				badWorker.Store(true)
			}
			atomic.AddInt32(&seen[i], 1)
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, c)
			}
		}
		if badWorker.Load() {
			t.Errorf("n=%d: a worker number out of range", n)
		}
	}
}

func TestForStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	For(ctx, 1000, func(_, _ int) { calls.Add(1) })
	if calls.Load() != 0 {
		t.Errorf("%d calls after cancel, want 0", calls.Load())
	}
}

func TestRangesCoverEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 5, 63, 64, 1001} {
		seen := make([]int32, n)
		Ranges(n, 64, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				atomic.AddInt32(&seen[i], 1)
			}
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d covered %d times", n, i, c)
			}
		}
	}
}

func TestDrainCallsEveryValueThenDone(t *testing.T) {
	in := make(chan int)
	var sum atomic.Int64
	finished := make(chan struct{})
	Drain(in, func(v int) { sum.Add(int64(v)) }, func() { close(finished) })
	for i := 1; i <= 100; i++ {
		in <- i
	}
	close(in)
	<-finished
	if sum.Load() != 5050 {
		t.Errorf("sum %d, want 5050", sum.Load())
	}
}
