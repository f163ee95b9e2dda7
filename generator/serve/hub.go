package serve

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/diag"
)

// Names of the Server-Sent Events the reload script listens to.
const (
	eventHello = "hello"      // sent on connect: server id and build number
	eventLoad  = "reload"     // the site changed: reload the page
	eventCSS   = "css"        // only stylesheets changed: swap them
	eventError = "builderror" // the last build failed: show the overlay
)

// event is one Server-Sent Event.
type event struct {
	name string
	data []byte
}

// problem is one diagnostic as the overlay shows it.
type problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
	Text    string `json:"text"` // "file:line:col: message"
}

// state is the payload of every event.
type state struct {
	Server string    `json:"server"` // changes when the server restarts
	Build  int       `json:"build"`  // number of the last finished build
	Failed bool      `json:"failed"`
	Errors []problem `json:"errors,omitempty"`
	CSS    []string  `json:"css,omitempty"` // stylesheet paths for a css event
}

// Hub fans build outcomes out to every open tab over Server-Sent Events.
// It remembers the last outcome, so a tab that connects while the build is
// broken shows the overlay at once. Each tab holds one small buffered
// channel; a tab that stops reading loses old events, never blocks the hub.
type Hub struct {
	mu     sync.Mutex
	subs   map[chan event]struct{}
	now    state
	closed bool
	done   chan struct{}

	warnings     map[string][]problem // page URL → its warnings (SetWarnings)
	warningsJSON []byte
	warningsOf   []shownWarning // what warnings and warningsJSON were made from
}

// subscriberBuffer is how many events a slow tab may lag behind.
const subscriberBuffer = 4

// NewHub returns a hub with no subscribers, in the "build 0, ok" state.
func NewHub() *Hub {
	return &Hub{subs: make(map[chan event]struct{}), now: state{Server: newServerID()}, done: make(chan struct{}), warningsJSON: []byte("{}")}
}

func newServerID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b) // never fails on supported platforms
	return hex.EncodeToString(b)
}

// Reload tells every tab the site was rebuilt. With cssOnly, tabs swap the
// listed stylesheets instead of reloading.
func (h *Hub) Reload(cssOnly bool, stylesheets []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.now = state{Server: h.now.Server, Build: h.now.Build + 1}
	if cssOnly {
		h.now.CSS = stylesheets
		h.broadcast(eventCSS)
		return
	}
	h.broadcast(eventLoad)
}

// Fail tells every tab the last build failed with diags.
func (h *Hub) Fail(diags diag.List) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.now = state{Server: h.now.Server, Build: h.now.Build + 1, Failed: true, Errors: problems(diags)}
	h.broadcast(eventError)
}

func problems(diags diag.List) []problem {
	out := make([]problem, 0, len(diags))
	for _, d := range diags {
		out = append(out, problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Message: d.Msg, Text: d.Error()})
	}
	return out
}

// broadcast sends the current state as event name; h.mu must be held.
func (h *Hub) broadcast(name string) {
	ev := event{name: name, data: h.encode()}
	for ch := range h.subs {
		deliver(ch, ev)
	}
}

// deliver queues ev, dropping the oldest queued event if the tab lags.
func deliver(ch chan event, ev event) {
	for {
		select {
		case ch <- ev:
			return
		default:
		}
		select {
		case <-ch:
		default:
		}
	}
}

func (h *Hub) encode() []byte {
	data, err := json.Marshal(h.now)
	if err != nil {
		return []byte("{}")
	}
	return data
}

// subscribe registers a tab and returns its channel, primed with the hello
// event and, when the build is broken, the error event. ok is false once
// the hub is closed.
func (h *Hub) subscribe() (ch chan event, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch = make(chan event, subscriberBuffer)
	ch <- event{name: eventHello, data: h.encode()}
	if h.now.Failed {
		ch <- event{name: eventError, data: h.encode()}
	}
	h.subs[ch] = struct{}{}
	return ch, true
}

func (h *Hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, ch)
}

// Build returns the number of the last finished build.
func (h *Hub) Build() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.now.Build
}

// Subscribers returns the number of connected tabs.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Close ends every event stream; used before the server shuts down, since
// open streams would otherwise keep it waiting.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// keepAlive is how often an idle stream gets a comment line, so that
// proxies and browsers notice a dead connection.
const keepAlive = 20 * time.Second

// ServeHTTP streams events to one tab until it goes away or the hub closes.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ch, ok := h.subscribe()
	if !ok {
		http.Error(w, "server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(ch)
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives the server's write timeout
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n\n")
	ticker := time.NewTicker(keepAlive)
	defer ticker.Stop()
	for {
		if rc.Flush() != nil {
			return
		}
		select {
		case ev := <-ch:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
		case <-ticker.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		}
	}
}
