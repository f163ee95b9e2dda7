package pipeline

import (
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/site"
)

func (r *Run) stats() Stats {
	st := Stats{PagesByType: map[string]int{}, Aliases: len(r.model.Aliases)}
	for _, p := range r.model.Pages {
		if p.Kind == site.KindPage {
			st.PagesByType[p.Type]++
		} else {
			st.Sections++
		}
	}
	for _, t := range r.model.Taxonomies {
		st.Terms += len(t.Terms)
	}
	return st
}

// cssOnly reports whether every changed file is a stylesheet.
func cssOnly(changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	for _, f := range changed {
		if !strings.EqualFold(path.Ext(f), ".css") {
			return false
		}
	}
	return true
}
