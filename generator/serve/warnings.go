package serve

import (
	"encoding/json"
	"net/http"
	"path"
	"slices"
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
	shown := shownWarnings(warnings, urls)
	h.mu.Lock()
	same := h.warningsOf != nil && slices.Equal(h.warningsOf, shown)
	h.mu.Unlock()
	if same { // most edits leave them as they were: spare encoding them again
		return
	}
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
	h.warnings, h.warningsJSON, h.warningsOf = byURL, data, shown
	h.broadcast(eventWarnings)
}

// shownWarning is what the tabs are told of one warning: where it is, on
// which page, and what it says (its text is made of the rest).
type shownWarning struct {
	pos      diag.Pos
	severity diag.Severity
	msg, url string
}

// shownWarnings lists what the tabs are told of warnings, on the pages
// of urls.
func shownWarnings(warnings diag.List, urls map[string]string) []shownWarning {
	out := make([]shownWarning, 0, len(warnings))
	for _, d := range warnings {
		if u, ok := urls[d.Pos.File]; ok {
			out = append(out, shownWarning{d.Pos, d.Severity, d.Msg, u})
		}
	}
	return out
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
