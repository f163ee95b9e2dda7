package view

import (
	"cmp"
	"slices"
	"strings"

	"github.com/playbookhq/playbook/generator/chart"
)

// median is the change of one metric over the case studies that measured
// it: results with the same label and unit (letter case and spaces aside)
// are one metric; the same label in another unit is another.
type median struct {
	label, unit   string
	lowerIsBetter bool      // as the first result of the metric says
	deltas        []float64 // chart.Delta of each result that has one
}

// medians groups results by metric, ordered by label then unit. Metrics
// whose results have no change to tell (from 0) are left out.
func medians(ev []evidence) []median {
	var out []median
	index := map[string]int{}
	for _, x := range ev {
		d, ok := chart.Delta(x.metric)
		if !ok {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(x.result.Label)) + "\x00" + strings.ToLower(strings.TrimSpace(x.result.Unit))
		i, seen := index[key]
		if !seen {
			i = len(out)
			index[key] = i
			out = append(out, median{label: x.result.Label, unit: x.result.Unit, lowerIsBetter: x.result.LowerIsBetter})
		}
		out[i].deltas = append(out[i].deltas, d)
	}
	slices.SortStableFunc(out, func(a, b median) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.label), strings.ToLower(b.label)), strings.Compare(a.unit, b.unit))
	})
	return out
}

// value is the median change as a number (see chart.Delta).
func (m median) value() float64 { return chart.Median(m.deltas) }

// change is the median change in words (see chart.Change).
func (m median) change() string { return chart.MedianChange(m.deltas, m.unit, m.lowerIsBetter) }

// better reports whether the median moved the desired way.
func (m median) better() bool {
	d := m.value()
	return d != 0 && (d > 0) != m.lowerIsBetter
}
