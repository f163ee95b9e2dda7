package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"
)

// latency edits the page n times and reports save-to-reload-event times,
// and the live heap before and after (serve and builder run in this
// process).
func (b *bench) latency(n int, settle time.Duration) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := b.events(ctx)
	if err != nil {
		return err
	}
	if name := <-events; name != "hello" {
		return fmt.Errorf("first event %q; want hello", name)
	}
	heapBefore := liveHeap()
	var took, builds []time.Duration
	stale := 0
	for i := 1; i <= n; i++ {
		saved := time.Now()
		if err := b.edit(i); err != nil {
			return err
		}
		if err := waitReload(events); err != nil {
			return fmt.Errorf("edit %d: %w", i, err)
		}
		took = append(took, time.Since(saved))
		line, err := b.waitLine("Rebuilt ")
		if err != nil {
			return err
		}
		builds = append(builds, builderTime(line))
		if !b.served(fmt.Sprintf("Edit marker %d.", i)) {
			stale++
		}
		time.Sleep(settle) // let the machine settle between edits
	}
	fmt.Printf("page %s, %d edits\n", b.page, n)
	fmt.Printf("save → reload event: %s\n", summary(took))
	fmt.Printf("builder time:        %s\n", summary(builds))
	fmt.Printf("stale pages after the event: %d\n", stale)
	fmt.Printf("live heap: %d MiB before, %d MiB after %d rebuilds\n", heapBefore>>20, liveHeap()>>20, n)
	return nil
}

func waitReload(events <-chan string) error {
	for name := range events {
		switch name {
		case "reload", "css":
			return nil
		case "builderror":
			return fmt.Errorf("build failed")
		}
	}
	return fmt.Errorf("event stream closed")
}

// builderTime reads the duration from "Rebuilt N pages in 12ms (...)".
func builderTime(line string) time.Duration {
	_, rest, _ := strings.Cut(line, " in ")
	d, _ := time.ParseDuration(strings.Fields(rest + " ")[0])
	return d
}

// served reports whether the page as served contains marker.
func (b *bench) served(marker string) bool {
	resp, err := http.Get(b.pageURL)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode == http.StatusOK && strings.Contains(string(body), marker)
}

func summary(ds []time.Duration) string {
	if len(ds) == 0 {
		return "no samples"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(q float64) time.Duration { return s[int(q*float64(len(s)-1)+0.5)].Round(time.Millisecond) }
	return fmt.Sprintf("min %s  median %s  p90 %s  max %s", at(0), at(0.5), at(0.9), at(1))
}

// liveHeap returns the bytes of live heap after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
