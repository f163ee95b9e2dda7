package nav

import (
	"encoding/json"

	"github.com/playbookhq/playbook/generator/site"
)

// entry is one node in nav.json: {"t": title, "u": URL, "c": children};
// sections have "c" (possibly empty), pages do not.
type entry struct {
	Title    string   `json:"t"`
	URL      string   `json:"u"`
	Children *[]entry `json:"c,omitempty"`
}

// JSON returns the whole tree below the home page, for File: the theme
// fetches it once (the browser caches it) to fill a collapsed section the
// reader opens.
func (t *Tree) JSON() []byte {
	var top []entry
	if t.root != nil {
		top = entries(t.root.children)
	}
	b, err := json.Marshal(top)
	if err != nil { // strings and slices only: cannot fail
		panic(err)
	}
	return b
}

func entries(ns []*node) []entry {
	out := make([]entry, 0, len(ns))
	for _, n := range ns {
		e := entry{Title: n.title, URL: n.url}
		if n.page.Kind != site.KindPage {
			c := entries(n.children)
			e.Children = &c
		}
		out = append(out, e)
	}
	return out
}
