// Package parallel runs the iterations of a loop on all cores: the one
// worker pool of playbook's stages.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// Workers is how many goroutines a loop uses: one per core Go may use.
func Workers() int { return runtime.GOMAXPROCS(0) }

// For calls fn(worker, i) for every i in [0, n) on Workers() goroutines,
// handing out indexes in order. worker (0 ≤ worker < Workers()) names the
// goroutine, so that fn can keep scratch space per worker. Once ctx is
// done no more indexes are handed out; For returns when the calls already
// started have returned.
func For(ctx context.Context, n int, fn func(worker, i int)) {
	workers := min(Workers(), max(n, 1))
	jobs := make(chan int, 64)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fn(w, i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// Ranges splits [0, n) into one contiguous range per worker and calls
// fn(lo, hi) for each on its own goroutine. Below minSize items (or on one
// core) it calls fn(0, n) on the caller's goroutine.
func Ranges(n, minSize int, fn func(lo, hi int)) {
	workers := Workers()
	if n < minSize || workers == 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// Drain calls fn for every value received from in, on Workers()
// goroutines, until in is closed; then it calls done (if not nil) once
// every call has returned. It returns at once: for producers that find
// work while it is being done (a folder walk feeding parsers).
func Drain[T any](in <-chan T, fn func(T), done func()) {
	var wg sync.WaitGroup
	for range Workers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				fn(v)
			}
		}()
	}
	go func() {
		wg.Wait()
		if done != nil {
			done()
		}
	}()
}
