package serve

import (
	"encoding/json"
	"testing"

	"github.com/playbookhq/playbook/generator/diag"
)

func decode(t *testing.T, ev event) state {
	t.Helper()
	var s state
	if err := json.Unmarshal(ev.data, &s); err != nil {
		t.Fatalf("event %s: %v", ev.name, err)
	}
	return s
}

func TestHubStates(t *testing.T) {
	h := NewHub()
	ch, ok := h.subscribe()
	if !ok {
		t.Fatal("subscribe on a new hub failed")
	}
	if ev := <-ch; ev.name != eventHello || decode(t, ev).Build != 0 {
		t.Errorf("first event = %s %s; want hello for build 0", ev.name, ev.data)
	}
	h.Fail(diag.List{diag.Errorf(diag.Pos{File: "content/a.md", Line: 3, Col: 2}, "missing required field %q", "outcome")})
	ev := <-ch
	s := decode(t, ev)
	want := problem{File: "content/a.md", Line: 3, Col: 2, Message: `missing required field "outcome"`, Text: `content/a.md:3:2: missing required field "outcome"`}
	if ev.name != eventError || s.Build != 1 || !s.Failed || len(s.Errors) != 1 || s.Errors[0] != want {
		t.Errorf("after Fail: %s %+v; want builderror for build 1 with %+v", ev.name, s, want)
	}
	h.Reload(false, nil)
	if ev := <-ch; ev.name != eventLoad || decode(t, ev).Failed {
		t.Errorf("after Reload: %s %s; want reload, not failed", ev.name, ev.data)
	}
	h.Reload(true, []string{"css/site.css"})
	if ev := <-ch; ev.name != eventCSS || decode(t, ev).CSS[0] != "css/site.css" {
		t.Errorf("after a CSS-only Reload: %s %s; want css with css/site.css", ev.name, ev.data)
	}
	h.unsubscribe(ch)
	if n := h.Subscribers(); n != 0 {
		t.Errorf("Subscribers after unsubscribe = %d; want 0", n)
	}
}

// A tab that stops reading never blocks the hub; it keeps the latest events.
func TestHubSlowTabKeepsLatest(t *testing.T) {
	h := NewHub()
	ch, _ := h.subscribe()
	for range 100 {
		h.Reload(false, nil)
	}
	var last event
	for len(ch) > 0 {
		last = <-ch
	}
	if got := decode(t, last).Build; got != 100 {
		t.Errorf("slow tab's last event is for build %d; want 100", got)
	}
}

func TestHubClosed(t *testing.T) {
	h := NewHub()
	h.Close()
	h.Close() // twice is fine
	if _, ok := h.subscribe(); ok {
		t.Error("subscribe after Close succeeded")
	}
}
