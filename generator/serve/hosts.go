package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// AllowAllHosts in Options.AllowedHosts turns the Host check off (for a
// preview behind a proxy that rewrites names).
const AllowAllHosts = "all"

// hostCheck answers 403 to requests whose Host header names a host the
// preview was not opened under. A page on another site can point its own
// name at 127.0.0.1 (DNS rebinding) and then read the preview as if it
// were same-origin; its requests still carry its own name in Host, so
// refusing unknown names closes that door. Allowed: localhost and
// *.localhost, any IP address (a rebinding page needs a name), the --bind
// host, and the names in allowed (".example.com" also allows its
// subdomains; "all" allows everything). It guards every route, the
// live-reload stream included.
type hostCheck struct {
	next    http.Handler
	bind    string   // the --bind host, lower case
	allowed []string // lower case, without trailing dots
	all     bool
}

func newHostCheck(next http.Handler, bind string, allowed []string) hostCheck {
	h := hostCheck{next: next, bind: normalHost(bind)}
	for _, a := range allowed {
		a = normalHost(a)
		if a == AllowAllHosts {
			h.all = true
		}
		if a != "" {
			h.allowed = append(h.allowed, a)
		}
	}
	return h
}

func (h hostCheck) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.all || h.allows(r.Host) {
		h.next.ServeHTTP(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, "playbook serve: the host name %q is not allowed.\n\n"+
		"The preview answers only requests for localhost, an IP address or the --bind address, so that\n"+
		"a web page elsewhere cannot read it by pointing its own name at this machine (DNS rebinding).\n"+
		"To open the preview under this name, restart it with --allowed-hosts %s\n", r.Host, suggestion(r.Host))
}

// allows reports whether a Host header value is allowed.
func (h hostCheck) allows(hostport string) bool {
	host := normalHost(hostOnly(hostport))
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == h.bind {
		return true
	}
	if net.ParseIP(host) != nil {
		return true
	}
	for _, a := range h.allowed {
		if host == a || strings.HasPrefix(a, ".") && (host == a[1:] || strings.HasSuffix(host, a)) {
			return true
		}
	}
	return false
}

// hostOnly drops the port (and the brackets of an IPv6 address).
func hostOnly(hostport string) string {
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		return host
	}
	return strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
}

// normalHost lower-cases a name and drops a trailing dot.
func normalHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
}

// suggestion is the --allowed-hosts value to allow a refused Host.
func suggestion(hostport string) string {
	host := normalHost(hostOnly(hostport))
	if host == "" || strings.ContainsAny(host, " \t\"'`$;&|<>") {
		return "NAME"
	}
	return host
}
