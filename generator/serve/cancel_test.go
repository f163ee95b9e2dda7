package serve

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// waitSlow waits until a slow or stuck fake build has started.
func waitSlow(t *testing.T, fake *fakeSite) {
	t.Helper()
	select {
	case err := <-fake.slow:
		if err != nil {
			t.Fatalf("slow build ended (%v) before it was seen starting", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the slow build never started (guard against a hang)")
	}
}

// A slow build is cancelled when the file is saved again; the next build
// covers the change, and the stale build is neither published nor
// announced: the tabs get one reload, for the fixed page.
func TestServeCancelsStaleBuild(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	events := sseClient(t, srv.url)
	nextEvent(t, events) // hello

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "SLOW version\n")
	waitSlow(t, fake)
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "fixed version\n")
	if err := <-fake.slow; !errors.Is(err, context.Canceled) {
		t.Fatalf("slow build ended with %v; want it cancelled", err)
	}
	ev := nextEvent(t, events)
	if ev.name != eventLoad || !strings.Contains(ev.data, `"build":2`) {
		t.Fatalf("event after the fix = %+v; want reload of build 2 (the cancelled build is not counted)", ev)
	}
	if _, _, body := get(t, srv.url); !strings.Contains(body, "fixed version") {
		t.Errorf("after the fix GET / = %q; want the fixed version", body)
	}
	fake.mu.Lock()
	last := fake.changes[len(fake.changes)-1]
	fake.mu.Unlock()
	if !slices.Contains(last, "content/page.md") {
		t.Errorf("the build after the cancelled one saw changes %q; want content/page.md", last)
	}
	srv.waitLine(t, "Rebuilt")
	srv.stop(t)
	for ev := range events {
		if ev.name == eventError || strings.Contains(ev.data, `"build":3`) {
			t.Errorf("unexpected event after the fix: %+v", ev)
		}
	}
}

// Stopping the preview (Ctrl-C, SIGTERM) during a slow build cancels it,
// returns cleanly and removes the temporary output and staging folders.
func TestServeStopsDuringSlowBuild(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	tmp := filepath.Dir(fake.dest)
	os.MkdirAll(filepath.Join(tmp, ".site.staging-1234"), 0o755) // as a build stopped halfway leaves it
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "SLOW version\n")
	waitSlow(t, fake)
	srv.stop(t)
	if err := <-fake.slow; !errors.Is(err, context.Canceled) {
		t.Errorf("slow build ended with %v; want it cancelled", err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary folder %s left behind (%v)", tmp, err)
	}
}

// A build that ignores cancellation (one parser busy on a huge page) does
// not keep the preview from stopping: it gives up after the grace period.
func TestServeStopsDespiteStuckBuild(t *testing.T) {
	fake := newFakeSite(t)
	defer close(fake.stuck)
	srv := startServe(t, fake, Options{})
	tmp := filepath.Dir(fake.dest)
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "STUCK version\n")
	waitSlow(t, fake)
	srv.cancel()
	srv.cancel = nil
	var rest []string
	for line := range srv.lines {
		rest = append(rest, line)
	}
	if err := <-srv.done; err != nil {
		t.Errorf("run returned %v; want nil", err)
	}
	if !slices.ContainsFunc(rest, func(l string) bool { return strings.Contains(l, "without waiting longer") }) {
		t.Errorf("output after stop = %q; want the warning about the build in progress", rest)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary folder %s left behind (%v)", tmp, err)
	}
}

func TestChangesAdd(t *testing.T) {
	a := changes{paths: []string{"content/b.md", "content/a.md"}}
	got := a.add(changes{paths: []string{"content/a.md", "static/x.css"}})
	if want := []string{"content/a.md", "content/b.md", "static/x.css"}; !slices.Equal(got.arg(), want) {
		t.Errorf("add = %q; want %q", got.arg(), want)
	}
	if got := a.add(everything); got.arg() != nil || got.empty() {
		t.Errorf("add(everything) = %+v; want everything", got)
	}
	if !(changes{}).empty() {
		t.Error("zero changes not empty")
	}
}

// A cancelled build that does not stop (a parser busy on one huge page)
// does not hold the fix back: after a grace period the preview builds
// afresh beside it, and the stuck build's result is never shown.
func TestServeReplacesStuckBuild(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	events := sseClient(t, srv.url)
	nextEvent(t, events) // hello

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "STUCK version\n")
	waitSlow(t, fake)
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "fixed version\n")
	if ev := nextEvent(t, events); ev.name != eventLoad {
		t.Fatalf("event after the fix = %+v; want reload", ev)
	}
	if _, _, body := get(t, srv.url); !strings.Contains(body, "fixed version") {
		t.Errorf("after the fix GET / = %q; want the fixed version while the stuck build still runs", body)
	}
	srv.waitLine(t, "building afresh without waiting")
	close(fake.stuck) // the stuck build returns now; nothing may follow from it
	srv.stop(t)
	for ev := range events {
		t.Errorf("unexpected event after the fix: %+v", ev)
	}
}
