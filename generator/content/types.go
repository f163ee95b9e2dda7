package content

import (
	"github.com/playbookhq/playbook/generator/types"
)

// Step is one step of a playbook: an entry of the records field a type
// declares with role = "steps".
type Step struct {
	Title, Owner, Duration, Detail string
}

// Result is one measured outcome of a case study: an entry of the records
// field a type declares with role = "results".
type Result struct {
	Label         string
	Before, After float64
	Unit          string
	LowerIsBetter bool
}

// Record is one entry of a records field: its declared sub-fields that
// are set, by name, with values as in Page.Fields.
type Record = map[string]any

// Steps returns the page's steps (the records a playbook's reader works
// through), or nil when the page has none.
func (p *Page) Steps() []Step { return p.steps }

// Results returns the page's measured results (a case study's before and
// after figures), or nil when the page has none.
func (p *Page) Results() []Result { return p.results }

// fillRoles makes the steps and results from the records fields that play
// those roles.
func (p *Page) fillRoles(t *types.Type) {
	if f := t.Role(types.RoleSteps); f != nil {
		for _, rec := range records(p.Fields[f.Name]) {
			p.steps = append(p.steps, Step{Title: text(rec["title"]), Owner: text(rec["owner"]), Duration: text(rec["duration"]), Detail: text(rec["detail"])})
		}
	}
	if f := t.Role(types.RoleResults); f != nil {
		for _, rec := range records(p.Fields[f.Name]) {
			res := Result{Label: text(rec["label"]), Unit: text(rec["unit"])}
			res.Before, _ = rec["before"].(float64)
			res.After, _ = rec["after"].(float64)
			res.LowerIsBetter, _ = rec["lower_is_better"].(bool)
			p.results = append(p.results, res)
		}
	}
}

func records(v any) []Record {
	rs, _ := v.([]Record)
	return rs
}

func text(v any) string {
	s, _ := v.(string)
	return s
}
