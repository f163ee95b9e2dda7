package content

import (
	"fmt"
	"math"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// Playbook holds the front-matter fields of a playbook.
type Playbook struct {
	Audience []string
	Duration string
	Outcome  string
	Steps    []Step
}

// Step is one step of a playbook.
type Step struct {
	Title, Owner, Duration, Detail string
}

// CaseStudy holds the front-matter fields of a case study.
type CaseStudy struct {
	Company, Industry, Challenge string
	Results                      []Result
}

// Result is one measured outcome of a case study.
type Result struct {
	Label         string
	Before, After float64
	Unit          string
	LowerIsBetter bool
}

// readPlaybook reads the playbook fields.
func readPlaybook(r *fieldReader) *Playbook {
	pb := &Playbook{
		Audience: r.strings("audience"),
		Duration: r.str("duration"),
		Outcome:  r.str("outcome"),
	}
	for i, m := range r.tables("steps") {
		t := tableReader{r: r, key: "steps", index: i, m: m}
		step := Step{Title: t.str("title"), Owner: t.str("owner"), Duration: t.str("duration"), Detail: t.str("detail")}
		if step.Title == "" {
			t.fail("needs a title")
		}
		pb.Steps = append(pb.Steps, step)
	}
	return pb
}

// readCaseStudy reads the case-study fields.
func readCaseStudy(r *fieldReader) *CaseStudy {
	cs := &CaseStudy{Company: r.str("company"), Industry: r.str("industry"), Challenge: r.str("challenge")}
	for i, m := range r.tables("results") {
		t := tableReader{r: r, key: "results", index: i, m: m}
		res := Result{Label: t.str("label"), Unit: t.str("unit"), Before: t.number("before"), After: t.number("after")}
		res.LowerIsBetter, _ = m["lower_is_better"].(bool)
		if res.Label == "" {
			t.fail("needs a label")
		}
		cs.Results = append(cs.Results, res)
	}
	return cs
}

// tables reads an array of tables ([[key]] in TOML, a list of mappings in YAML).
func (r *fieldReader) tables(key string) []map[string]any {
	v, ok := r.take(key)
	if !ok {
		return nil
	}
	var out []map[string]any
	switch l := v.(type) {
	case []map[string]any:
		for _, m := range l {
			out = append(out, lowerKeys(m))
		}
		return out
	case []any:
		for _, e := range l {
			m, ok := e.(map[string]any)
			if !ok {
				r.fail(key, "must be a list of tables ([[%s]] in TOML)", key)
				return nil
			}
			out = append(out, lowerKeys(m))
		}
		return out
	}
	r.fail(key, "must be a list of tables ([[%s]] in TOML), not %s", key, typeName(v))
	return nil
}

// tableReader reads one entry of an array of tables.
type tableReader struct {
	r     *fieldReader
	key   string
	index int
	m     map[string]any
}

func (t tableReader) fail(format string, args ...any) {
	t.r.diags = append(t.r.diags, diag.Errorf(t.r.pos(t.key), "front matter %s[%d]: %s", t.key, t.index, fmt.Sprintf(format, args...)))
}

func (t tableReader) str(k string) string {
	v, ok := t.m[k]
	if !ok || v == nil {
		return ""
	}
	s, ok := scalarString(v)
	if !ok {
		t.fail("%q must be text", k)
	}
	return strings.TrimSpace(s)
}

func (t tableReader) number(k string) float64 {
	switch n := t.m[k].(type) {
	case int64:
		return float64(n)
	case int:
		return float64(n)
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			t.fail("%q must be a finite number, not %v", k, n)
			return 0
		}
		return n
	case nil:
		t.fail("%q is missing (a number)", k)
	default:
		t.fail("%q must be a number", k)
	}
	return 0
}

// lowerKeys returns m with lowercase keys (a copy only when one is not).
func lowerKeys(m map[string]any) map[string]any {
	for k := range m {
		if k != strings.ToLower(k) {
			out := make(map[string]any, len(m))
			for k, v := range m {
				if _, set := out[strings.ToLower(k)]; !set || k == strings.ToLower(k) {
					out[strings.ToLower(k)] = v
				}
			}
			return out
		}
	}
	return m
}

// Steps returns the page's steps (the records a playbook's reader works
// through), or nil when the page has none.
func (p *Page) Steps() []Step {
	if p.Playbook == nil {
		return nil
	}
	return p.Playbook.Steps
}

// Results returns the page's measured results (a case study's before and
// after figures), or nil when the page has none.
func (p *Page) Results() []Result {
	if p.CaseStudy == nil {
		return nil
	}
	return p.CaseStudy.Results
}
