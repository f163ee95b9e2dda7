package view

import (
	"html/template"

	"github.com/playbookhq/playbook/generator/chart"
	"github.com/playbookhq/playbook/generator/content"
)

// chartID prefixes the ids of a case study's chart (one chart a page).
const chartID = "pb-results-chart"

// chartMetric is a result as package chart takes it.
func chartMetric(r content.Result) chart.Metric {
	return chart.Metric{Label: r.Label, Before: r.Before, After: r.After, Unit: r.Unit, LowerIsBetter: r.LowerIsBetter}
}

// resultsChart draws a page's results ("" for a page without any).
func resultsChart(title string, rs []content.Result) template.HTML {
	if len(rs) == 0 {
		return ""
	}
	ms := make([]chart.Metric, len(rs))
	for i, r := range rs {
		ms[i] = chartMetric(r)
	}
	// The drawing escapes every text it holds (chart.SVG).
	return template.HTML(chart.SVG(chartID, "Results of "+title+", before and after", ms))
}
