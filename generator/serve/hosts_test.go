package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHostCheckAllows(t *testing.T) {
	h := newHostCheck(nil, "Preview.Lan", []string{"docs.internal", ".team.example", " "})
	for _, tt := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:1313", true},
		{"127.8.9.10", true},
		{"[::1]:1313", true},
		{"localhost:1313", true},
		{"LOCALHOST.", true},
		{"app.localhost:1313", true},
		{"192.168.1.5:1313", true}, // an address, not a name: no rebinding
		{"preview.lan:1313", true}, // the --bind host
		{"docs.internal", true},    // allowed by name
		{"team.example", true},     // ".team.example" allows the name itself
		{"a.b.team.example", true}, // and its subdomains
		{"evil.example", false},
		{"evil.example:1313", false},
		{"localhost.evil.example", false},
		{"notteam.example", false},
		{"docs.internal.evil", false},
		{"", false},
	} {
		if got := h.allows(tt.host); got != tt.ok {
			t.Errorf("allows(%q) = %v; want %v", tt.host, got, tt.ok)
		}
	}
	if all := newHostCheck(nil, "127.0.0.1", []string{"all"}); !all.all {
		t.Error(`--allowed-hosts all did not turn the check off`)
	}
}

// A request whose Host is an unknown name gets 403 with an explanation,
// for pages and the live-reload stream alike; loopback names get through.
func TestServeRefusesUnknownHosts(t *testing.T) {
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{AllowedHosts: []string{"preview.test"}})
	for _, path := range []string{"", "__playbook/events", "__playbook/reload.js", "no/such/page/"} {
		code, body := getHost(t, rootOf(srv.url)+path, "evil.example")
		if code != http.StatusForbidden || !strings.Contains(body, "DNS rebinding") || !strings.Contains(body, "--allowed-hosts evil.example") {
			t.Errorf("GET /%s with Host evil.example = %d %q; want 403 with an explanation", path, code, body)
		}
		if strings.Contains(body, "first version") {
			t.Errorf("GET /%s with Host evil.example leaked the page", path)
		}
	}
	for _, host := range []string{"localhost", "preview.test:8080"} {
		if code, body := getHost(t, srv.url, host); code != http.StatusOK || !strings.Contains(body, "first version") {
			t.Errorf("GET / with Host %s = %d %q; want 200 with the page", host, code, body)
		}
	}
}

func getHost(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.RequestURI = ""
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s (Host %s): %v", url, host, err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for { // the event stream never ends for an allowed host: read what came first
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil || resp.StatusCode == http.StatusOK && strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			break
		}
	}
	return resp.StatusCode, b.String()
}
