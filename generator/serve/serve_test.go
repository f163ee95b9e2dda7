package serve

import (
	"context"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestServeEditReloads(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	if !strings.HasPrefix(srv.url, "http://127.0.0.1:") {
		t.Fatalf("URL = %q; want http://127.0.0.1:PORT/", srv.url)
	}
	code, hdr, body := get(t, srv.url)
	if code != 200 || !strings.Contains(body, "first version") {
		t.Fatalf("GET / = %d %q; want 200 with the first version", code, body)
	}
	if !strings.Contains(body, `<script src="/__playbook/reload.js?build=`) {
		t.Errorf("served page has no reload script: %q", body)
	}
	if got := hdr.Get("Content-Security-Policy"); got != csp {
		t.Errorf("Content-Security-Policy = %q; want %q", got, csp)
	}
	events := sseClient(t, srv.url)
	if ev := nextEvent(t, events); ev.name != eventHello {
		t.Fatalf("first event = %q; want hello", ev.name)
	}

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "second version\n")
	if ev := nextEvent(t, events); ev.name != eventLoad {
		t.Fatalf("event after an edit = %+v; want reload", ev)
	}
	if _, _, body := get(t, srv.url); !strings.Contains(body, "second version") {
		t.Errorf("after the edit GET / = %q; want the second version", body)
	}

	writeFile(t, filepath.Join(fake.src, "static", "style.css"), "body { color: navy }\n")
	ev := nextEvent(t, events)
	if ev.name != eventCSS || !strings.Contains(ev.data, `"css":["style.css"]`) {
		t.Errorf("event after a CSS edit = %+v; want css with style.css", ev)
	}
}

func TestServeErrorOverlayAndRecovery(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	events := sseClient(t, srv.url)
	nextEvent(t, events) // hello

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "+++\nBROKEN\n")
	ev := nextEvent(t, events)
	if ev.name != eventError || !strings.Contains(ev.data, `"text":"content/page.md:2:1: front matter: unclosed table"`) {
		t.Fatalf("event after a bad edit = %+v; want builderror with file:line", ev)
	}
	lines := srv.waitLine(t, "content/page.md:2:1: front matter: unclosed table")
	if _, _, body := get(t, srv.url); !strings.Contains(body, "first version") {
		t.Errorf("during the error GET / = %q; want the last good page", body)
	}
	// A tab opened now sees the overlay at once.
	late := sseClient(t, srv.url)
	if ev := nextEvent(t, late); ev.name != eventHello || !strings.Contains(ev.data, `"failed":true`) {
		t.Errorf("late tab's first event = %+v; want hello with failed", ev)
	}
	if ev := nextEvent(t, late); ev.name != eventError {
		t.Errorf("late tab's second event = %+v; want builderror", ev)
	}

	// Saving again with the same error does not print it again.
	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "+++\nBROKEN again\n")
	if ev := nextEvent(t, events); ev.name != eventError {
		t.Fatalf("event after the second bad edit = %+v; want builderror", ev)
	}
	lines = append(lines, srv.waitLine(t, "1 error, shown above")...)

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "fixed version\n")
	if ev := nextEvent(t, events); ev.name != eventLoad {
		t.Fatalf("event after the fix = %+v; want reload", ev)
	}
	lines = append(lines, srv.waitLine(t, "Rebuilt")...)
	if n := countContaining(lines, "unclosed table"); n != 1 {
		t.Errorf("the error was printed %d times; want once:\n%s", n, strings.Join(lines, "\n"))
	}
	if _, _, body := get(t, srv.url); !strings.Contains(body, "fixed version") {
		t.Errorf("after the fix GET / = %q; want the fixed version", body)
	}
}

// TestServeShowsErrorsFoundAfterTheBuild checks that an error in the site
// found after a build returned (the rest of a split build) shows in the
// tabs and the terminal as a failed build's does, and that the next good
// build clears it.
func TestServeShowsErrorsFoundAfterTheBuild(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	events := sseClient(t, srv.url)
	nextEvent(t, events) // hello

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "LATER\n")
	if ev := nextEvent(t, events); ev.name != eventLoad {
		t.Fatalf("event after the edit = %+v; want reload", ev)
	}
	ev := nextEvent(t, events)
	if ev.name != eventError || !strings.Contains(ev.data, "list.html:3:9: executing list: index out of range") {
		t.Fatalf("event after the rest failed = %+v; want builderror with file:line:col", ev)
	}
	srv.waitLine(t, "list.html:3:9: executing list: index out of range")

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "fixed version\n")
	if ev := nextEvent(t, events); ev.name != eventLoad {
		t.Fatalf("event after the fix = %+v; want reload", ev)
	}
}

func countContaining(lines []string, s string) int {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	fake := newFakeSite(t)
	err = run(context.Background(), Options{Source: fake.src, Port: port}, fake.rebuilder)
	if err == nil || !strings.Contains(err.Error(), "port "+strconv.Itoa(port)+" on 127.0.0.1 is already in use") {
		t.Errorf("run on a busy port = %v; want a clear 'already in use' error", err)
	}
}

func TestWarnsWhenExposed(t *testing.T) {
	for _, tt := range []struct {
		bind string
		warn bool
	}{{"127.0.0.1", false}, {"::1", false}, {"localhost", false}, {"0.0.0.0", true}, {"192.168.1.5", true}} {
		var b strings.Builder
		warnIfExposed(tt.bind, &b)
		if got := b.Len() > 0; got != tt.warn {
			t.Errorf("warnIfExposed(%q) warned = %v; want %v", tt.bind, got, tt.warn)
		}
	}
}

// Hundreds of rebuilds with tabs coming and going leave no goroutines
// behind and the heap flat.
func TestServeStaysFlatAcrossRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("200 rebuilds")
	}
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	editAndWait := func(i int) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		events := sseClientCtx(ctx, t, srv.url)
		nextEvent(t, events)
		writeFile(t, filepath.Join(fake.src, "content", "page.md"), "version "+strconv.Itoa(i)+"\n")
		if ev := nextEvent(t, events); ev.name != eventLoad {
			t.Fatalf("rebuild %d: event %+v; want reload", i, ev)
		}
		get(t, srv.url)
	}
	editAndWait(0)
	goroutines, heap := settle()
	for i := 1; i <= 200; i++ {
		editAndWait(i)
	}
	http.DefaultClient.CloseIdleConnections()
	waitUntil(t, "goroutines back to the start", func() bool {
		g, _ := settle()
		return g <= goroutines+2
	})
	if _, h := settle(); h > heap+8<<20 {
		t.Errorf("heap grew from %d to %d bytes over 200 rebuilds", heap, h)
	}
}

// settle collects garbage and returns the goroutine count and live heap.
func settle() (goroutines int, heap uint64) {
	http.DefaultClient.CloseIdleConnections()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}

// waitUntil polls cond until it holds; the deadline only guards a hang.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	guard := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(guard) {
			t.Fatalf("never reached: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSitePathsKeepsOnlyBuildInputs(t *testing.T) {
	got := sitePaths([]string{"content/a.md", "generator/build/run.go", "config.toml", "themes/default/static/css/main.css", "README.md", "static", "contentious.txt"})
	want := []string{"content/a.md", "config.toml", "themes/default/static/css/main.css", "static"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sitePaths = %v; want %v", got, want)
	}
}
