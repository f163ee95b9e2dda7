package watch

import (
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)

func at(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }

func TestBatcherDeadline(t *testing.T) {
	tests := []struct {
		name   string
		events []int // milliseconds after t0
		due    int   // first millisecond at which the batch is due
	}{
		{"one save", []int{0}, 30},
		{"save burst of write, chmod, write", []int{0, 1, 2}, 32},
		{"events spaced under the quiet window", []int{0, 20, 40, 60}, 90},
		{"storm is cut at the max delay", []int{0, 25, 50, 75, 100, 125, 150, 175, 200, 225}, 250},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Batcher{Quiet: 30 * time.Millisecond, MaxDelay: 250 * time.Millisecond}
			for i, ms := range tt.events {
				if b.Due(at(ms)) {
					t.Fatalf("batch due at %dms, before event %d; want due at %dms", ms, i, tt.due)
				}
				b.Add(change{path: "content/a.md"}, at(ms))
			}
			if b.Due(at(tt.due - 1)) {
				t.Errorf("Due(%dms) = true; want false", tt.due-1)
			}
			if !b.Due(at(tt.due)) {
				t.Errorf("Due(%dms) = false; want true", tt.due)
			}
		})
	}
}

func TestBatcherTakeIsSortedAndUnique(t *testing.T) {
	b := &Batcher{Quiet: time.Millisecond, MaxDelay: time.Second}
	for _, p := range []string{"content/b.md", "content/a.md", "content/b.md", "config.toml"} {
		b.Add(change{path: p}, t0)
	}
	got := b.Take()
	want := []string{"config.toml", "content/a.md", "content/b.md"}
	if !slices.Equal(got.Paths, want) || got.All {
		t.Errorf("Take() = %+v; want Paths %q, All false", got, want)
	}
	if !b.Empty() {
		t.Errorf("Empty() after Take = false; want true")
	}
	if _, ok := b.Deadline(); ok {
		t.Errorf("Deadline() after Take: ok = true; want false")
	}
}

func TestBatcherOverflowAsksForEverything(t *testing.T) {
	b := &Batcher{Quiet: time.Millisecond, MaxDelay: time.Second}
	b.Add(change{all: true}, t0)
	if got := b.Take(); !got.All {
		t.Errorf("Take() after overflow = %+v; want All", got)
	}
}
