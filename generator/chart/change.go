package chart

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Metric is one measured result: a figure before and after a change.
type Metric struct {
	Label         string
	Before, After float64
	Unit          string // "%", "pts", "days", "k EUR", …
	LowerIsBetter bool   // a fall is the improvement (cycle time, cost, churn)
}

// Points reports whether unit is a percentage (or a count of percentage
// points), whose change is told as a difference in points: going from 18%
// to 31% is "+13 pts", not "+72%".
func Points(unit string) bool {
	switch strings.ToLower(strings.TrimSpace(unit)) {
	case "%", "pts", "pt", "pp", "points", "percent":
		return true
	}
	return false
}

// timeUnits are the units whose change reads as "less time"/"more time".
var timeUnits = map[string]bool{
	"s": true, "sec": true, "secs": true, "second": true, "seconds": true,
	"min": true, "mins": true, "minute": true, "minutes": true,
	"h": true, "hr": true, "hrs": true, "hour": true, "hours": true,
	"d": true, "day": true, "days": true, "business days": true, "working days": true,
	"wk": true, "week": true, "weeks": true, "month": true, "months": true,
	"quarter": true, "quarters": true, "year": true, "years": true,
}

// IsTime reports whether unit measures a duration.
func IsTime(unit string) bool { return timeUnits[strings.ToLower(strings.TrimSpace(unit))] }

// maxChange bounds the changes told: beyond it (a typo in the front
// matter, most likely) the numbers would not print as numbers.
const maxChange = 1e12

// Delta is the change of m as a number: the difference in points for a
// percentage unit, else the relative change in percent of before. ok is
// false when there is no relative change to tell (before is 0 and after
// is not) or a figure or the change is not finite.
func Delta(m Metric) (d float64, ok bool) {
	if !finite(m.Before) || !finite(m.After) {
		return 0, false
	}
	diff := m.After - m.Before
	if Points(m.Unit) || diff == 0 {
		return diff, math.Abs(diff) < maxChange
	}
	if m.Before == 0 {
		return 0, false
	}
	d = diff / math.Abs(m.Before) * 100
	return d, math.Abs(d) < maxChange
}

// Better reports whether m moved the desired way.
func Better(m Metric) bool {
	return m.After != m.Before && (m.After > m.Before) != m.LowerIsBetter
}

// Change describes the change of m in words that read naturally in both
// directions. The rules:
//   - a percentage unit ("%", "pts"): the difference in points, signed:
//     "+13 pts", "−2.5 pts";
//   - a duration unit (hours, days, …): the relative change as time saved
//     or spent: "95.5% less time", "20% more time";
//   - any other unit where lower is better (cost, churn, tickets): "12%
//     lower", "8% higher";
//   - any other unit: the relative change, signed: "+140%", "−24.5%";
//   - no change is "no change"; from 0 to something is "up from 0" (or
//     "down from 0"); a figure or change that is not a finite number
//     gives "".
//
// Numbers are rounded to one decimal (two significant digits when that
// would show a real change as 0). The minus is U+2212.
func Change(m Metric) string {
	if !finite(m.Before) || !finite(m.After) {
		return ""
	}
	if m.After == m.Before {
		return "no change"
	}
	d, ok := Delta(m)
	switch {
	case !ok && m.Before == 0:
		return pick(m.After > 0, "up", "down") + " from 0"
	case !ok:
		return "" // too large a change to tell
	}
	n := round(math.Abs(d))
	switch {
	case Points(m.Unit):
		return sign(d) + n + " pts"
	case IsTime(m.Unit):
		return n + "% " + pick(d < 0, "less", "more") + " time"
	case m.LowerIsBetter:
		return n + "% " + pick(d < 0, "lower", "higher")
	}
	return sign(d) + n + "%"
}

// MedianChange describes the median of changes ds (each a Delta of
// metrics measured in unit) the way Change describes one change.
func MedianChange(ds []float64, unit string, lowerIsBetter bool) string {
	if len(ds) == 0 {
		return ""
	}
	d := Median(ds)
	if Points(unit) {
		return Change(Metric{Before: 0, After: d, Unit: unit})
	}
	return Change(Metric{Before: 100, After: 100 + d, Unit: unit, LowerIsBetter: lowerIsBetter})
}

// Median returns the median of ds (the mean of the middle two for an
// even count); ds is not changed. It is 0 for no values.
func Median(ds []float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := append([]float64(nil), ds...)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

func sign(d float64) string { return pick(d < 0, "−", "+") }

func pick(c bool, yes, no string) string {
	if c {
		return yes
	}
	return no
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// round prints v with one decimal at most, or two significant digits when
// one decimal would round a non-zero v to 0.
func round(v float64) string {
	r := math.Round(v*10) / 10
	if r == 0 && v != 0 {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
