package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"
)

// Timeouts of the preview server. Event streams lift the write timeout for
// themselves.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 5 * time.Second
)

// listen opens the TCP listener, turning "address in use" into advice.
func listen(bind string, port int) (net.Listener, error) {
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("port %d on %s is already in use (is another playbook serve running?); "+
			"choose another with --port, or --port 0 for a free one: %w", port, bind, err)
	}
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, nil
}

// warnIfExposed says clearly when the server is reachable from other
// machines.
func warnIfExposed(bind string, stderr io.Writer) {
	if bind == "localhost" {
		return
	}
	if ip := net.ParseIP(bind); ip != nil && ip.IsLoopback() {
		return
	}
	fmt.Fprintf(stderr, "warning: listening on %s, not 127.0.0.1: other machines on the network can read this preview\n", bind)
}

// urlHost is the host to put in the site's URL for a bind address.
func urlHost(bind string, port int) string {
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		bind = "127.0.0.1"
	}
	return net.JoinHostPort(bind, strconv.Itoa(port))
}

// newMux routes the live-reload endpoints and the site.
func newMux(site http.Handler, hub *Hub) *http.ServeMux {
	mux := http.NewServeMux()
	if hub != nil {
		mux.Handle("GET "+eventsPath, hub)
		mux.Handle("GET "+scriptPath, assetHandler("reload.js", "text/javascript; charset=utf-8"))
		mux.Handle("GET "+overlayPath, assetHandler("overlay.css", "text/css; charset=utf-8"))
		mux.HandleFunc("GET "+warningsPath, hub.serveWarnings)
	}
	mux.Handle("/", site)
	return mux
}

// httpServer is the preview's http.Server with its timeouts.
func httpServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
}

// shutdown ends the event streams, then waits for requests in flight.
func shutdown(srv *http.Server, hub *Hub) error {
	if hub != nil {
		hub.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		// A client that keeps a request open past the grace period (a
		// stalled download, a tab stuck on a slow machine) is cut off:
		// stopping the preview must not hang on it.
		return srv.Close()
	}
	if err != nil {
		return fmt.Errorf("stopping the server: %w", err)
	}
	return nil
}
