package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// Commands of the CLI scripts that run the real `playbook serve` as a
// process: servebg starts it, hostget sends requests with a chosen Host
// header, signalserve stops it with a signal.
func init() {
	scriptCmds["servebg"] = cmdServeBG
	scriptCmds["hostget"] = cmdHostGet
	scriptCmds["signalserve"] = cmdSignalServe
}

// serveProc is a `playbook serve` process started by servebg.
type serveProc struct {
	cmd  *exec.Cmd
	url  string
	mu   sync.Mutex
	rest []string // output lines after the URL
	done chan struct{}
}

var serveProcs sync.Map // *testscript.TestScript → *serveProc

// servebg [FLAG...]: run `playbook serve --port 0 FLAG...` in $WORK, with
// $TMPDIR inside $WORK, and wait until it serves; $URL is its address.
func cmdServeBG(ts *testscript.TestScript, neg bool, args []string) {
	bin, err := exec.LookPath("playbook")
	ts.Check(err)
	cmd := exec.Command(bin, append([]string{"serve", "--port", "0"}, args...)...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = append(os.Environ(), "TMPDIR="+ts.Getenv("WORK")+"/.tmp")
	out, err := cmd.StdoutPipe()
	ts.Check(err)
	cmd.Stderr = cmd.Stdout
	ts.Check(cmd.Start())
	p := &serveProc{cmd: cmd, done: make(chan struct{})}
	ts.Defer(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	urls := make(chan string, 1)
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(line, "Serving "); ok && p.url == "" {
				urls <- strings.Fields(rest)[0]
				continue
			}
			p.mu.Lock()
			p.rest = append(p.rest, line)
			p.mu.Unlock()
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case p.url = <-urls:
	case <-p.done:
		ts.Fatalf("playbook serve stopped before serving: %s", strings.Join(p.rest, "\n"))
	case <-time.After(guard):
		ts.Fatalf("playbook serve did not start serving")
	}
	ts.Setenv("URL", p.url)
	serveProcs.Store(ts, p)
}

func serveProcOf(ts *testscript.TestScript) *serveProc {
	p, ok := serveProcs.Load(ts)
	if !ok {
		ts.Fatalf("no playbook serve running: use servebg first")
	}
	return p.(*serveProc)
}

// hostget [-status CODE] HOST PATH: GET $URL/PATH with the Host header
// HOST and print the body; the status must be CODE (default 200).
func cmdHostGet(ts *testscript.TestScript, neg bool, args []string) {
	want := http.StatusOK
	if len(args) == 4 && args[0] == "-status" {
		code, err := strconv.Atoi(args[1])
		ts.Check(err)
		want, args = code, args[2:]
	}
	if len(args) != 2 {
		ts.Fatalf("usage: hostget [-status CODE] HOST PATH")
	}
	url := serveProcOf(ts).url + strings.TrimPrefix(args[1], "/")
	req, err := http.NewRequest(http.MethodGet, url, nil)
	ts.Check(err)
	req.Host = args[0]
	resp, err := http.DefaultClient.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	ts.Check(err)
	if (resp.StatusCode == want) == neg {
		ts.Fatalf("GET %s (Host %s): status %d (want %d)\n%s", url, args[0], resp.StatusCode, want, body)
	}
	fmt.Fprintf(ts.Stdout(), "%s", body)
}

// signalserve TERM|INT: send the signal to playbook serve, wait for it to
// exit (it must exit 0) and print its output after the URL line.
func cmdSignalServe(ts *testscript.TestScript, neg bool, args []string) {
	sig := map[string]os.Signal{"TERM": syscall.SIGTERM, "INT": os.Interrupt}
	if len(args) != 1 || sig[args[0]] == nil {
		ts.Fatalf("usage: signalserve TERM|INT")
	}
	p := serveProcOf(ts)
	ts.Check(p.cmd.Process.Signal(sig[args[0]]))
	select {
	case <-p.done:
	case <-time.After(guard):
		ts.Fatalf("playbook serve did not stop after SIG%s", args[0])
	}
	err := p.cmd.Wait()
	p.mu.Lock()
	fmt.Fprintln(ts.Stdout(), strings.Join(p.rest, "\n"))
	p.mu.Unlock()
	if err != nil {
		ts.Fatalf("playbook serve after SIG%s: %v", args[0], err)
	}
	serveProcs.Delete(ts)
}
