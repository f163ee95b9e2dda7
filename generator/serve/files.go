package serve

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// siteHandler serves the built site from dir under the base path: only
// regular files, no dotfiles, no directory listings (a folder serves its
// index.html), 404.html for anything missing. HTML responses get the
// reload script when live reload is on.
type siteHandler struct {
	dir  string   // the output folder
	addr *address // its Base is the URL path of the site
	hub  *Hub     // when not nil, HTML gets the reload script
	// deferred, when set, returns a page the last build left to finish
	// after the reload (pipeline.Deferred) as it will be: it is served
	// instead of the file in place.
	deferred func(rel string) (page []byte, ok bool)
}

// csp is sent with every page: the preview is as strict as production
// should be, so an inline script shows up as an error during preview.
const csp = "default-src 'self'"

// diagramCSP is sent with pages that draw ```mermaid diagrams: mermaid
// styles the SVG it makes with a <style> element and style attributes, so
// those pages need inline styles; scripts and everything else stay 'self'.
const diagramCSP = "default-src 'self'; style-src 'self' 'unsafe-inline'"

// diagramScript is in the pages that draw diagrams (see the default
// theme's partials/head.html).
var diagramScript = []byte("js/vendor/mermaid.min.js")

func (h siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Security-Policy", csp)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-cache")
	urlPath, base := r.URL.Path, h.addr.Base()
	if !strings.HasPrefix(urlPath, base) {
		if urlPath+"/" == base || urlPath == "/" {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		h.notFound(w, r)
		return
	}
	rel, ok := safeRel(strings.TrimPrefix(urlPath, base))
	if !ok {
		h.notFound(w, r)
		return
	}
	h.serveFile(w, r, rel)
}

// safeRel checks a URL path relative to the site and returns it as a path
// for os.Root ("." for the site root). It refuses empty, "." and ".."
// segments inside the path, dotfiles, backslashes and NUL bytes.
func safeRel(rel string) (string, bool) {
	if strings.ContainsAny(rel, "\\\x00") {
		return "", false
	}
	trimmed := strings.TrimSuffix(rel, "/")
	if trimmed == "" {
		return ".", true
	}
	for seg := range strings.SplitSeq(trimmed, "/") {
		if seg == "" || seg[0] == '.' {
			return "", false
		}
	}
	return trimmed, true
}

func (h siteHandler) serveFile(w http.ResponseWriter, r *http.Request, rel string) {
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.Error(w, "site folder unavailable", http.StatusInternalServerError)
		return
	}
	defer root.Close()
	f, info, rel, err := h.open(w, r, root, rel)
	if err != nil { // answered by open
		return
	}
	if h.deferred != nil {
		page, ok := h.deferred(rel)
		f.Close()
		if ok {
			h.writeHTML(w, r, http.StatusOK, page)
			return
		}
		// The file may have been put in place while deferred waited.
		if f, info, err = openRegular(root, rel); err != nil {
			h.notFound(w, r)
			return
		}
	}
	defer f.Close()
	h.writeFile(w, r, rel, info, f)
}

// open opens the file at rel, or the index.html of the folder at rel,
// and returns it with its path. When there is none, the last build may
// still make it (deferred waits for that) and it is looked for again;
// when there is still none, open answers the request itself (redirect,
// not found) and returns the error.
func (h siteHandler) open(w http.ResponseWriter, r *http.Request, root *os.Root, rel string) (*os.File, fs.FileInfo, string, error) {
	f, info, file, err := h.openPage(w, r, root, rel)
	if err != nil && h.deferred != nil && file != "" {
		if _, ok := h.deferred(file); !ok { // waited for the build to settle it
			f, info, file, err = h.openPage(w, r, root, rel)
		}
	}
	if err != nil && file != "" {
		h.notFound(w, r)
		return nil, nil, "", err
	}
	return f, info, file, err
}

// openPage opens the file at rel, or the index.html of the folder at rel,
// and returns it with its path. A folder asked for without its slash is
// redirected (then file is "").
func (h siteHandler) openPage(w http.ResponseWriter, r *http.Request, root *os.Root, rel string) (*os.File, fs.FileInfo, string, error) {
	f, info, err := openRegular(root, rel)
	if errors.Is(err, errIsDir) {
		if !strings.HasSuffix(r.URL.Path, "/") {
			redirectToFolder(w, r)
			return nil, nil, "", err
		}
		rel = path.Join(rel, "index.html")
		f, info, err = openRegular(root, rel)
	} else if err != nil && strings.HasSuffix(r.URL.Path, "/") {
		rel = path.Join(rel, "index.html") // a folder not made yet
	}
	return f, info, rel, err
}

// errIsDir reports that a path names a folder.
var errIsDir = errors.New("is a folder")

// openRegular opens rel when it is a regular file (symlinks are followed
// only inside the root).
func openRegular(root *os.Root, rel string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(rel)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	switch {
	case err != nil:
	case info.IsDir():
		err = errIsDir
	case !info.Mode().IsRegular():
		err = fs.ErrNotExist
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

func redirectToFolder(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Path + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}

// writeFile sends f. HTML is read whole so the reload script can be added;
// other files go through http.ServeContent (ranges, conditional requests).
func (h siteHandler) writeFile(w http.ResponseWriter, r *http.Request, rel string, info fs.FileInfo, f io.ReadSeeker) {
	ctype := contentType(rel)
	w.Header().Set("Content-Type", ctype)
	if !strings.HasPrefix(ctype, "text/html") {
		http.ServeContent(w, r, rel, info.ModTime(), f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "read error", http.StatusInternalServerError)
		return
	}
	h.writeHTML(w, r, http.StatusOK, page)
}

func (h siteHandler) writeHTML(w http.ResponseWriter, r *http.Request, status int, page []byte) {
	if bytes.Contains(page, diagramScript) {
		w.Header().Set("Content-Security-Policy", diagramCSP)
	}
	if h.hub != nil {
		page = injectReload(page, h.hub.Build())
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(page)
	}
}

// fallback404 is shown when the site has no 404.html yet (for example
// when the first build failed): it still loads the reload script, so the
// tab shows the error overlay and reloads once the site builds.
const fallback404 = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><main><h1>Not found</h1><p>This page is not in the site (yet).</p></main></body></html>
`

func (h siteHandler) notFound(w http.ResponseWriter, r *http.Request) {
	root, err := os.OpenRoot(h.dir)
	if err == nil {
		defer root.Close()
		if page, err := root.ReadFile("404.html"); err == nil {
			h.writeHTML(w, r, http.StatusNotFound, page)
			return
		}
	}
	h.writeHTML(w, r, http.StatusNotFound, []byte(fallback404))
}

// extraTypes are content types the system tables may lack or get wrong.
var extraTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".ico":         "image/x-icon",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
}

// contentType returns the media type for a file name.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := extraTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
