package view

import (
	"sort"

	"github.com/playbookhq/playbook/generator/chart"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/render"
)

func playbookView(pb *content.Playbook) *render.Playbook {
	v := &render.Playbook{Audience: pb.Audience, Duration: pb.Duration, Outcome: pb.Outcome}
	for _, s := range pb.Steps {
		v.Steps = append(v.Steps, render.Step{Title: s.Title, Owner: s.Owner, Duration: s.Duration, Detail: s.Detail})
	}
	return v
}

func caseStudyView(cs *content.CaseStudy) *render.CaseStudy {
	v := &render.CaseStudy{Company: cs.Company, Industry: cs.Industry, Challenge: cs.Challenge}
	for _, r := range cs.Results {
		v.Results = append(v.Results, metricView(r))
	}
	return v
}

func metricView(r content.Result) render.Metric {
	m := chartMetric(r)
	return render.Metric{
		Label:  r.Label,
		Before: formatNumber(r.Before),
		After:  formatNumber(r.After),
		Unit:   r.Unit,
		Change: chart.Change(m),
		Better: chart.Better(m),
	}
}

// sortTerms orders terms by page count, most first, then by name.
func sortTerms(ts []render.Term) {
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].Count != ts[j].Count {
			return ts[i].Count > ts[j].Count
		}
		return ts[i].Name < ts[j].Name
	})
}
