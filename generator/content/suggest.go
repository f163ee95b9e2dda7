package content

import (
	"slices"

	"github.com/agnivade/levenshtein"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/types"
)

// suggestKeys warns about each key of a typed page that no one reads but
// is within two edits of a declared field or a common key: most likely a
// typo ("ownr" for "owner") that would otherwise be lost in .Params.
func (p *Page) suggestKeys(r *fieldReader, t *types.Type) {
	if len(t.Fields) == 0 {
		return
	}
	var names []string
	for k := range r.raw {
		if !r.used[k] && !slices.Contains(knownElsewhere, k) {
			names = append(names, k)
		}
	}
	if len(names) == 0 {
		return
	}
	slices.Sort(names)
	cands := slices.Clone(types.CommonKeys)
	for _, f := range t.Fields {
		cands = append(cands, f.Name)
	}
	for _, k := range names {
		r.suggest(k, fieldPath{k}, cands)
	}
}

// knownElsewhere are front-matter keys other stages read from .Params.
var knownElsewhere = []string{"toc", "sidebar", "linktitle", "reviewed", "review_every", "layout", "keywords", "images"}

// suggest warns at pa when key is close to one of cands.
func (r *fieldReader) suggest(key string, pa fieldPath, cands []string) {
	best, bestD := "", 3
	for _, c := range cands {
		if d := levenshtein.ComputeDistance(key, c); d > 0 && d < bestD && 2*d < len(c)+1 {
			best, bestD = c, d
		}
	}
	if best != "" {
		r.diags = append(r.diags, diag.Warnf(r.locate(pa), "unknown field %q; did you mean %q?", pa.String(), best))
	}
}
