package serve

import (
	"path/filepath"
	"strings"
	"testing"
)

// The live preview tells the tabs when a page's warnings change, serves
// them by page URL, and clears them once the page is fixed.
func TestServePageWarnings(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	warnings := srv.url + "__playbook/warnings?path=/"
	if _, _, body := get(t, warnings); strings.TrimSpace(body) != "[]" {
		t.Fatalf("warnings of a clean page = %q; want []", body)
	}
	events := sseClient(t, srv.url)
	nextEvent(t, events) // hello

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "WARN a link to nowhere\n")
	if ev := nextEvent(t, events); ev.name != eventLoad {
		t.Fatalf("event after an edit = %+v; want reload", ev)
	}
	if ev := nextEvent(t, events); ev.name != eventWarnings {
		t.Fatalf("event after a warning appeared = %+v; want warnings", ev)
	}
	_, hdr, body := get(t, warnings)
	if !strings.Contains(body, `"text":"content/page.md:1:3: warning: broken link \"/gone/\": no page at /gone/"`) {
		t.Errorf("warnings of the page = %q; want the broken link with its position", body)
	}
	if ct := hdr.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	if _, _, other := get(t, srv.url+"__playbook/warnings?path=/other/"); strings.TrimSpace(other) != "[]" {
		t.Errorf("another page's warnings = %q; want []", other)
	}

	writeFile(t, filepath.Join(fake.src, "content", "page.md"), "fixed\n")
	nextEvent(t, events) // reload
	if ev := nextEvent(t, events); ev.name != eventWarnings {
		t.Fatalf("event after the fix = %+v; want warnings", ev)
	}
	if _, _, body := get(t, warnings); strings.TrimSpace(body) != "[]" {
		t.Errorf("warnings after the fix = %q; want []", body)
	}
}
