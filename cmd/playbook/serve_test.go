package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/serve"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestServerScripts runs the live-preview scripts in testdata/server. Each
// script starts the preview with `serve` (in this process, on a free port
// of 127.0.0.1), fetches pages with `httpget`, edits sources with the usual
// testscript commands, waits for the rebuild with `waitbuild`, reads the
// live-reload state with `events` and stops with `stopserve`.
func TestServerScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/server",
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"serve":     cmdServe,
			"httpget":   cmdHTTPGet,
			"waitbuild": cmdWaitBuild,
			"events":    cmdEvents,
			"stopserve": cmdStopServe,
			"waitfile":  cmdWaitFile,
		},
	})
}

// preview is a running serve.Run for one script.
type preview struct {
	url    string
	lines  chan string // output lines not yet consumed
	cancel context.CancelFunc
	done   chan error
}

// previews maps each running script to its preview.
var previews sync.Map // *testscript.TestScript → *preview

func previewOf(ts *testscript.TestScript) *preview {
	p, ok := previews.Load(ts)
	if !ok {
		ts.Fatalf("no preview running: use serve first")
	}
	return p.(*preview)
}

// guard bounds every wait so a broken preview fails instead of hanging.
const guard = time.Minute

// serve [-poll DURATION] [-D] [--baseURL URL]: start the preview of $WORK.
func cmdServe(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! serve")
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	opts := serve.Options{Source: ts.Getenv("WORK"), Bind: "127.0.0.1", Port: 0}
	fs.DurationVar(&opts.Poll, "poll", 0, "")
	fs.BoolVar(&opts.BuildDrafts, "D", false, "")
	fs.StringVar(&opts.BaseURL, "baseURL", "", "")
	ts.Check(fs.Parse(args))
	outR, outW := io.Pipe()
	opts.Stdout, opts.Stderr = outW, outW
	ctx, cancel := context.WithCancel(context.Background())
	p := &preview{lines: make(chan string, 10000), cancel: cancel, done: make(chan error, 1)}
	go func() {
		err := serve.Run(ctx, opts)
		outW.Close()
		p.done <- err
	}()
	go func() {
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	seen := p.readUntil(ts, func(line string) bool { return strings.HasPrefix(line, "Serving ") })
	fmt.Fprintln(ts.Stdout(), strings.Join(seen, "\n"))
	p.url = strings.Fields(strings.TrimPrefix(seen[len(seen)-1], "Serving "))[0]
	ts.Setenv("URL", p.url)
	previews.Store(ts, p)
	ts.Defer(func() { p.stop() })
}

// readUntil consumes output lines up to and including the first for which
// match is true, and returns them.
func (p *preview) readUntil(ts *testscript.TestScript, match func(string) bool) []string {
	var seen []string
	timeout := time.After(guard)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				ts.Fatalf("preview stopped (%v); output:\n%s", <-p.done, strings.Join(seen, "\n"))
			}
			seen = append(seen, line)
			if match(line) {
				return seen
			}
		case <-timeout:
			ts.Fatalf("preview output never matched; output:\n%s", strings.Join(seen, "\n"))
		}
	}
}

func (p *preview) stop() error {
	if p.cancel == nil {
		return nil
	}
	p.cancel()
	p.cancel = nil
	return <-p.done
}

// httpget [-status CODE] PATH: fetch PATH (relative to $URL) and print the
// body; the status must be CODE (default 200).
func cmdHTTPGet(ts *testscript.TestScript, neg bool, args []string) {
	want := http.StatusOK
	if len(args) == 3 && args[0] == "-status" {
		code, err := strconv.Atoi(args[1])
		ts.Check(err)
		want, args = code, args[2:]
	}
	if len(args) != 1 {
		ts.Fatalf("usage: httpget [-status CODE] PATH")
	}
	url := previewOf(ts).url + strings.TrimPrefix(args[0], "/")
	resp, err := http.Get(url)
	ts.Check(err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	ts.Check(err)
	if (resp.StatusCode == want) == neg {
		ts.Fatalf("GET %s: status %d (want %d)\n%s", url, resp.StatusCode, want, body)
	}
	fmt.Fprintf(ts.Stdout(), "Content-Type: %s\n\n%s", resp.Header.Get("Content-Type"), body)
}

// waitbuild PATH...: wait until a build that saw every PATH change has
// finished, and print the output lines up to the line that ends its report.
// A new "Serving URL" line among them (the base path changed) moves $URL.
func cmdWaitBuild(ts *testscript.TestScript, neg bool, args []string) {
	p := previewOf(ts)
	missing := map[string]bool{}
	for _, a := range args {
		missing[a] = true
	}
	var out []string
	for {
		seen := p.readUntil(ts, func(line string) bool {
			return strings.HasPrefix(line, "Rebuilt ") || strings.HasPrefix(line, "Build failed")
		})
		out = append(out, seen...)
		for _, line := range seen {
			if rest, ok := strings.CutPrefix(line, "Serving "); ok { // the base path changed
				p.url = strings.Fields(rest)[0]
				ts.Setenv("URL", p.url)
			}
			if rest, ok := strings.CutPrefix(line, "Changed: "); ok {
				for _, path := range strings.Split(rest, ", ") {
					delete(missing, strings.Fields(path + " ")[0])
				}
			}
		}
		if len(missing) == 0 {
			break
		}
	}
	fmt.Fprintln(ts.Stdout(), strings.Join(out, "\n"))
}

// events: connect to the live-reload stream and print the events a newly
// opened tab gets (hello, and builderror when the last build failed).
func cmdEvents(ts *testscript.TestScript, neg bool, args []string) {
	p := previewOf(ts)
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	root := p.url[:strings.Index(p.url[len("http://"):], "/")+len("http://")]
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, root+"/__playbook/events", nil)
	ts.Check(err)
	resp, err := http.DefaultClient.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	var out []string
	for sc.Scan() {
		line := sc.Text()
		out = append(out, line)
		if strings.HasPrefix(line, "data: ") && !strings.Contains(line, `"failed":true`) || strings.HasPrefix(line, "event: builderror") {
			if strings.HasPrefix(line, "event: builderror") {
				sc.Scan()
				out = append(out, sc.Text())
			}
			break
		}
	}
	fmt.Fprintln(ts.Stdout(), strings.Join(out, "\n"))
}

// stopserve: stop the preview as Ctrl-C does; it must shut down cleanly.
func cmdStopServe(ts *testscript.TestScript, neg bool, args []string) {
	p := previewOf(ts)
	err := p.stop()
	var rest []string
	for line := range p.lines {
		rest = append(rest, line)
	}
	fmt.Fprintln(ts.Stdout(), strings.Join(rest, "\n"))
	if err != nil {
		ts.Fatalf("serve returned %v", err)
	}
	previews.Delete(ts)
}

// waitfile FILE [REGEXP]: wait until FILE exists and, with REGEXP, until its
// content matches. ! waitfile FILE: wait until FILE is gone. For
// `playbook build --watch` running in the background.
func cmdWaitFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 || neg && len(args) != 1 {
		ts.Fatalf("usage: waitfile FILE [REGEXP] | ! waitfile FILE")
	}
	var re *regexp.Regexp
	if len(args) == 2 {
		re = regexp.MustCompile(args[1])
	}
	deadline := time.Now().Add(guard)
	for {
		data, err := os.ReadFile(ts.MkAbs(args[0]))
		switch {
		case neg && errors.Is(err, fs.ErrNotExist):
			return
		case !neg && err == nil && (re == nil || re.Match(data)):
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("waitfile %s: not reached (last error %v)", strings.Join(args, " "), err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
