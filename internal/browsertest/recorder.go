package browsertest

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
)

// recorder collects the JavaScript problems a tab reports. Its listen method
// runs on chromedp's event loop, so it only appends under a lock.
type recorder struct {
	ignore []string

	mu       sync.Mutex
	problems []string
}

func (r *recorder) listen(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = "uncaught exception: " + exceptionText(e.ExceptionDetails)
	case *runtime.EventConsoleAPICalled:
		if e.Type != runtime.ConsoleAPICalledTypeError && e.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		msg = "console." + string(e.Type) + ": " + argsText(e.Args)
		if r.ignored(msg) {
			return
		}
	case *log.EventEntryAdded:
		if e.Entry == nil || e.Entry.Level != log.EntryLevelError || isAutoFavicon(e.Entry) {
			return
		}
		msg = fmt.Sprintf("browser log (%s): %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL)
		if r.ignored(msg) {
			return
		}
	default:
		return
	}
	r.mu.Lock()
	r.problems = append(r.problems, msg)
	r.mu.Unlock()
}

func (r *recorder) ignored(msg string) bool {
	for _, s := range r.ignore {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// report fails t once per recorded problem.
func (r *recorder) report(t testing.TB) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.problems {
		t.Errorf("browser: %s", p)
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	text := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		text += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s at %s:%d:%d", text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == nil:
		case a.Description != "":
			parts = append(parts, a.Description)
		case len(a.Value) > 0:
			parts = append(parts, strings.Trim(string(a.Value), `"`))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// isAutoFavicon reports the browser's own request for /favicon.ico, which
// chromium makes on every page that links no icon.
func isAutoFavicon(e *log.Entry) bool {
	return e.Source == log.EntrySourceNetwork && strings.HasSuffix(e.URL, "/favicon.ico")
}
