// Command serve-bench measures `playbook serve` on a generated site.
//
//	go run ./bench/serve -site DIR latency [-edits 20]
//	    edits one page again and again and reports the time from each save
//	    to the reload event reaching an open tab (Server-Sent Events), and
//	    checks the served page has the edit.
//	go run ./bench/serve -site DIR kinds [-edits 5] [-only "new page,delete"]
//	    makes each kind of edit (body, title, new tag, new page, new folder,
//	    delete, rename, static file) and reports save-to-reload times per
//	    kind, undoing each edit (unmeasured) before the next.
//	go run ./bench/serve -site DIR churn [-for 20s] [-every 200ms]
//	    serves the site and keeps editing a page, for a load run with wrk
//	    (see wrk.sh); prints "URL <page url>" once serving.
//
// The site needs a config.toml; run.sh generates a corpus and writes one.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/serve"
)

func main() {
	site := flag.String("site", "", "site `folder` with config.toml and content/")
	edits := flag.Int("edits", 20, "latency: number of edits")
	page := flag.String("page", "", "page to edit, relative to the site (default: the first playbook)")
	poll := flag.Duration("poll", 0, "poll interval instead of file events")
	duration := flag.Duration("for", 20*time.Second, "churn: how long to keep editing")
	every := flag.Duration("every", 200*time.Millisecond, "churn: time between edits")
	only := flag.String("only", "", "kinds: comma-separated kinds to measure (default all)")
	settle := flag.Duration("settle", 300*time.Millisecond, "latency: pause between edits")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the edits (not the first build) to `file`")
	flag.Parse()
	if *site == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: serve-bench -site DIR latency|kinds|churn [flags]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	b, err := start(ctx, *site, *page, *poll)
	if err != nil {
		fmt.Fprintln(os.Stderr, "serve-bench:", err)
		os.Exit(1)
	}
	defer b.restore()
	if *cpuProfile != "" {
		stopProfile, err := startProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "serve-bench:", err)
			os.Exit(1)
		}
		defer stopProfile()
	}
	switch flag.Arg(0) {
	case "latency":
		err = b.latency(*edits, *settle)
	case "kinds":
		err = b.kindsLatency(*edits, *settle, *only)
	case "churn":
		err = b.churn(ctx, *duration, *every)
	default:
		err = fmt.Errorf("unknown mode %q", flag.Arg(0))
	}
	b.stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "serve-bench:", err)
		os.Exit(1)
	}
}

// bench is a running preview and the page being edited.
type bench struct {
	site, page string // page: path relative to site
	original   []byte
	url        string // site URL
	pageURL    string
	lines      chan string
	cancel     context.CancelFunc
	done       chan error
}

func start(ctx context.Context, site, page string, poll time.Duration) (*bench, error) {
	if page == "" {
		var err error
		if page, err = firstPlaybook(site); err != nil {
			return nil, err
		}
	}
	original, err := os.ReadFile(filepath.Join(site, page))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	outR, outW := io.Pipe()
	b := &bench{site: site, page: page, original: original, lines: make(chan string, 10000), cancel: cancel, done: make(chan error, 1)}
	go func() {
		b.done <- serve.Run(ctx, serve.Options{Source: site, Port: 0, Poll: poll, Stdout: outW, Stderr: outW})
		outW.Close()
	}()
	go func() {
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			b.lines <- sc.Text()
		}
		close(b.lines)
	}()
	began := time.Now()
	line, err := b.waitLine("Serving ")
	if err != nil {
		return nil, err
	}
	b.url = strings.Fields(strings.TrimPrefix(line, "Serving "))[0]
	b.pageURL = b.url + strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(page), "content/"), ".md") + "/"
	fmt.Fprintf(os.Stderr, "serving %s after %s; editing %s\n", b.url, time.Since(began).Round(time.Millisecond), page)
	return b, nil
}

// firstPlaybook returns the first playbook page in file order.
func firstPlaybook(site string) (string, error) {
	var pages []string
	root := filepath.Join(site, "content", "playbooks")
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			rel, _ := filepath.Rel(site, p)
			pages = append(pages, rel)
		}
		return nil
	})
	if len(pages) == 0 {
		return "", fmt.Errorf("no playbook under %s", root)
	}
	slices.Sort(pages)
	return pages[0], nil
}

// waitLine reads output until a line starts with prefix; output lines are
// echoed to stderr.
func (b *bench) waitLine(prefix string) (string, error) {
	for line := range b.lines {
		if strings.HasPrefix(line, prefix) {
			return line, nil
		}
		fmt.Fprintln(os.Stderr, "  |", line)
	}
	return "", fmt.Errorf("serve stopped: %v", <-b.done)
}

func (b *bench) edit(n int) error {
	body := append(append([]byte(nil), b.original...), fmt.Sprintf("\n\nEdit marker %d.\n", n)...)
	return os.WriteFile(filepath.Join(b.site, b.page), body, 0o644)
}

func (b *bench) restore() { _ = os.WriteFile(filepath.Join(b.site, b.page), b.original, 0o644) }

func (b *bench) stop() {
	b.cancel()
	for range b.lines {
	}
}

// events connects to the live-reload stream and returns the event names.
func (b *bench) events(ctx context.Context) (<-chan string, error) {
	root := b.url[:strings.Index(b.url[len("http://"):], "/")+len("http://")]
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, root+"/__playbook/events", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	names := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		defer close(names)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				names <- name
			}
		}
	}()
	return names, nil
}

// startProfile starts a CPU profile written to path; the returned func
// stops it.
func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
