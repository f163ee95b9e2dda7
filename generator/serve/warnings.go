package serve

import (
	"encoding/json"
	"net/http"
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// eventWarnings tells the tabs that pages' warnings changed: each asks
// warningsPath for its own.
const eventWarnings = "warnings"

// warningsPath answers GET ?path=/guides/x/ with the JSON list of the
// warnings (broken links and anchors included) of the page at that path.
const warningsPath = "/__playbook/warnings"

// SetWarnings records the warnings of the last good build by page URL
// (urls maps source files to URLs) and tells the tabs when they changed.
func (h *Hub) SetWarnings(warnings diag.List, urls map[string]string) {
	byURL := map[string][]problem{}
	for _, d := range warnings {
		if u, ok := urls[d.Pos.File]; ok {
			byURL[u] = append(byURL[u], problems(diag.List{d})...)
		}
	}
	data, _ := json.Marshal(byURL)
	h.mu.Lock()
	defer h.mu.Unlock()
	if string(data) == string(h.warningsJSON) {
		return
	}
	h.warnings, h.warningsJSON = byURL, data
	h.broadcast(eventWarnings)
}

// serveWarnings answers warningsPath.
func (h *Hub) serveWarnings(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Query().Get("path")
	p = strings.TrimSuffix(p, "index.html")
	if !strings.HasSuffix(p, "/") && path.Ext(p) == "" {
		p += "/"
	}
	h.mu.Lock()
	list := h.warnings[p]
	h.mu.Unlock()
	if list == nil {
		list = []problem{}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(list)
}
