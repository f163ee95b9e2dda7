package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/diag"
	build "github.com/playbookhq/playbook/generator/pipeline"
)

// fakeSite is a tiny stand-in for the builder: it renders
// content/page.md into index.html and copies static/style.css, writing
// each file atomically like the real builder in place. A page containing
// "BROKEN" fails the build with a positioned error; one containing "WARN"
// builds with a warning. One containing "SLOW" stands for a build that
// takes long: it announces itself on slow and then waits for its context
// to be cancelled, as the real stages do; "STUCK" waits for the test to
// close stuck and ignores the context (a parser busy on one huge page).
// One containing "LATER" builds, then reports an error in the site on
// Failures, as the rest of a split build does.
type fakeSite struct {
	src, dest string
	slow      chan error    // receives nil when a slow build starts, then its context's error
	stuck     chan struct{} // closed by the test to let a stuck build end
	failures  chan error    // Failures

	mu       sync.Mutex
	builds   int
	changes  [][]string
	opts     build.Options // what the last Rebuilder was made with
	basePath string        // reported as Result.BasePath by builds that succeed
}

func newFakeSite(t *testing.T) *fakeSite {
	t.Helper()
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content", "page.md"), "first version\n")
	writeFile(t, filepath.Join(src, "static", "style.css"), "body { color: black }\n")
	return &fakeSite{src: src, slow: make(chan error, 10), stuck: make(chan struct{}), failures: make(chan error, 1)}
}

func (f *fakeSite) rebuilder(o build.Options) Rebuilder {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dest, f.opts = o.Destination, o
	return f
}

// setBasePath makes the next builds report p as their base path.
func (f *fakeSite) setBasePath(p string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.basePath = p
}

func (f *fakeSite) Build(ctx context.Context, changed []string) (*build.Result, error) {
	f.mu.Lock()
	f.builds++
	f.changes = append(f.changes, changed)
	base := f.basePath
	f.mu.Unlock()
	body, err := os.ReadFile(filepath.Join(f.src, "content", "page.md"))
	if err != nil {
		return &build.Result{}, diag.List{diag.Errorf(diag.Pos{File: "content/page.md"}, "missing page: %w", err)}
	}
	if strings.Contains(string(body), "SLOW") {
		f.slow <- nil
		<-ctx.Done()
		f.slow <- ctx.Err()
		return &build.Result{}, ctx.Err()
	}
	if strings.Contains(string(body), "STUCK") {
		f.slow <- nil
		<-f.stuck
		return &build.Result{}, ctx.Err()
	}
	if strings.Contains(string(body), "BROKEN") {
		d := diag.Errorf(diag.Pos{File: "content/page.md", Line: 2, Col: 1}, "front matter: unclosed table")
		return &build.Result{Diagnostics: diag.List{d}}, diag.List{d}
	}
	css, _ := os.ReadFile(filepath.Join(f.src, "static", "style.css"))
	res := &build.Result{Pages: 1, BasePath: base, PageURLs: map[string]string{"content/page.md": "/"}}
	if strings.Contains(string(body), "WARN") { // a page with a warning, as a broken link makes
		res.Diagnostics = diag.List{diag.Warnf(diag.Pos{File: "content/page.md", Line: 1, Col: 3}, "broken link %q: no page at /gone/", "/gone/")}
	}
	res.Written = append(res.Written, f.write("index.html", page(string(body)))...)
	res.Written = append(res.Written, f.write("style.css", string(css))...)
	res.Written = append(res.Written, f.write("404.html", "<!doctype html><html><head><title>404</title></head><body>custom not found</body></html>")...)
	res.CSSOnly = len(res.Written) == 1 && res.Written[0] == "style.css"
	if strings.Contains(string(body), "LATER") {
		go func() {
			time.Sleep(50 * time.Millisecond)
			f.failures <- diag.List{diag.Errorf(diag.Pos{File: "themes/default/layouts/_default/list.html", Line: 3, Col: 9}, "executing list: index out of range")}
		}()
	}
	return res, nil
}

// Failures receives the errors of LATER builds.
func (f *fakeSite) Failures() <-chan error { return f.failures }

// page is a complete HTML page whose body appears twice, at the start and
// the end, so a half-written page is easy to detect.
func page(body string) string {
	body = strings.TrimSpace(body)
	return "<!doctype html><html><head><title>" + body + "</title><link rel=\"stylesheet\" href=\"/style.css\"></head>" +
		"<body><h1 id=\"title\">" + body + "</h1>" + strings.Repeat("<p>filler</p>", 200) + "<footer>" + body + "</footer></body></html>\n"
}

// write replaces rel in the output atomically when its content changed and
// returns it as written.
func (f *fakeSite) write(rel, data string) []string {
	p := filepath.Join(f.dest, rel)
	if old, err := os.ReadFile(p); err == nil && string(old) == data {
		return nil
	}
	tmp := filepath.Join(f.dest, ".tmp-"+rel)
	if os.WriteFile(tmp, []byte(data), 0o644) != nil || os.Rename(tmp, p) != nil {
		return nil
	}
	return []string{rel}
}

func (f *fakeSite) buildCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.builds
}

func writeFile(t testing.TB, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// running is a serve.run started by a test.
type running struct {
	url    string
	lines  chan string // stdout and stderr lines after the URL
	cancel context.CancelFunc
	done   chan error
}

// startServe runs the preview on a free port with fake as the builder and
// waits until it prints its URL.
func startServe(t *testing.T, fake *fakeSite, opts Options) *running {
	t.Helper()
	opts.Source = fake.src
	return startRun(t, opts, fake.rebuilder)
}

// startRun runs the preview of opts.Source on a free port with the
// rebuilders newRebuilder makes and waits until it prints its URL.
func startRun(t *testing.T, opts Options, newRebuilder newRebuilderFunc) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	opts.Port, opts.Stdout, opts.Stderr = 0, outW, outW
	r := &running{lines: make(chan string, 1000), cancel: cancel, done: make(chan error, 1)}
	go func() {
		err := run(ctx, opts, newRebuilder)
		outW.Close()
		r.done <- err
	}()
	go func() {
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			r.lines <- sc.Text()
		}
		close(r.lines)
	}()
	for line := range r.lines {
		if rest, ok := strings.CutPrefix(line, "Serving "); ok {
			r.url = strings.Fields(rest)[0]
			break
		}
	}
	if r.url == "" {
		cancel()
		t.Fatalf("serve stopped before printing its URL: %v", <-r.done)
	}
	t.Cleanup(func() { r.stop(t) })
	return r
}

// stop cancels the server and checks that it shut down cleanly.
func (r *running) stop(t *testing.T) {
	t.Helper()
	if r.cancel == nil {
		return
	}
	r.cancel()
	r.cancel = nil
	for range r.lines {
	}
	if err := <-r.done; err != nil {
		t.Errorf("run returned %v after cancel; want nil", err)
	}
}

// waitLine reads output lines until one contains want, and returns the
// lines read. The deadline only guards against a hang.
func (r *running) waitLine(t *testing.T, want string) []string {
	t.Helper()
	var seen []string
	guard := time.After(time.Minute)
	for {
		select {
		case line, ok := <-r.lines:
			if !ok {
				t.Fatalf("output ended without %q; saw %q", want, seen)
			}
			seen = append(seen, line)
			if strings.Contains(line, want) {
				return seen
			}
		case <-guard:
			t.Fatalf("no output line with %q; saw %q", want, seen)
		}
	}
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", url, err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// sseEvent is one event read by sseClient.
type sseEvent struct{ name, data string }

// sseClient connects to the event stream and returns its events.
func sseClient(t *testing.T, siteURL string) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return sseClientCtx(ctx, t, siteURL)
}

// sseClientCtx is sseClient with a context that ends the connection.
func sseClientCtx(ctx context.Context, t *testing.T, siteURL string) <-chan sseEvent {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, rootOf(siteURL)+"__playbook/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("connect to events: %v", err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type = %q; want text/event-stream", ct)
	}
	events := make(chan sseEvent, 100)
	go func() {
		defer resp.Body.Close()
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.name != "":
				events <- ev
				ev = sseEvent{}
			}
		}
	}()
	return events
}

// nextEvent waits for the next event other than keep-alives.
func nextEvent(t *testing.T, events <-chan sseEvent) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatal("event stream closed")
		}
		return ev
	case <-time.After(time.Minute):
		t.Fatal("no event (guard against a hang)")
	}
	return sseEvent{}
}

// rootOf returns scheme://host/ of a URL.
func rootOf(u string) string {
	i := strings.Index(u[len("http://"):], "/")
	return u[:len("http://")+i+1]
}
