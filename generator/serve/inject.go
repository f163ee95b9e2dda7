package serve

import (
	"bytes"
	"strconv"
)

// Paths of the live-reload endpoints, served at the root whatever the
// site's base path.
const (
	pathPrefix  = "/__playbook/"
	eventsPath  = pathPrefix + "events"
	scriptPath  = pathPrefix + "reload.js"
	overlayPath = pathPrefix + "overlay.css"
)

// reloadTag loads the reload script, telling it which build the page comes
// from; it is an external script, so pages keep working under a strict
// Content-Security-Policy.
func reloadTag(build int) []byte {
	return []byte(`<script src="` + scriptPath + `?build=` + strconv.Itoa(build) + `" defer></script>`)
}

// injectReload returns page with the reload script tag added before the
// first </head>, else before the last </body>, else at the end. The page in
// the output folder is never changed.
func injectReload(page []byte, build int) []byte {
	tag := reloadTag(build)
	at := indexFold(page, []byte("</head>"))
	if at < 0 {
		at = lastIndexFold(page, []byte("</body>"))
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// indexFold is bytes.Index ignoring ASCII case.
func indexFold(s, sep []byte) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i] == '<' && bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
