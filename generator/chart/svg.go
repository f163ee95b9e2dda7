package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Geometry of the chart, in SVG user units (the drawing scales to the
// width of its container; the viewBox keeps these proportions).
const (
	width   = 400 // the whole drawing
	barX    = 56  // where bars start: the "Before"/"After" names sit left of it
	barMax  = 210 // the longest bar of a metric
	barH    = 18  // one bar's height
	rowGap  = 6   // between a metric's two bars
	labelH  = 22  // a metric's first label line above its bars
	lineH   = 17  // each further label line
	metricH = labelH + 2*barH + rowGap + 18
	// lineChars is how many characters of a label fit on one line (at
	// the label's size, in the drawing's width); longer labels wrap.
	lineChars = 46
	textPad   = 6 // between a bar's end and its value
	fontSize  = 13
)

// SVG draws metrics as paired horizontal bars, before above after, each
// metric scaled to its own larger figure (the metrics have different
// units, so one scale would mean nothing). id prefixes the ids of the
// title and description (unique on the page); title names the chart.
//
// The drawing is an image to assistive technology (role="img") labelled
// by its title and a description that names every value and change. Its
// colours are classes the theme styles with CSS variables (chart-before,
// chart-after, chart-better, chart-worse, chart-text), with plain fills
// as a fallback where no stylesheet applies. It has no script. No
// metrics give "".
func SVG(id, title string, metrics []Metric) string {
	if len(metrics) == 0 {
		return ""
	}
	h := 0
	for _, m := range metrics {
		h += metricHeight(m)
	}
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="results-chart" role="img" viewBox="0 0 `)
	b.WriteString(itoa(width) + " " + itoa(h))
	b.WriteString(`" aria-labelledby="` + id + `-title ` + id + `-desc">`)
	b.WriteString(`<title id="` + id + `-title">` + esc(title) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(Describe(metrics)) + `</desc>`)
	y := 0
	for _, m := range metrics {
		drawMetric(&b, m, y)
		y += metricHeight(m)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Describe tells every metric in one sentence each: "MQL to SQL
// conversion: before 18%, after 31% (+13 pts, better)."
func Describe(metrics []Metric) string {
	parts := make([]string, 0, len(metrics))
	for _, m := range metrics {
		s := m.Label + ": before " + Quantity(m.Before, m.Unit) + ", after " + Quantity(m.After, m.Unit)
		if c := Change(m); c != "" && c != "no change" {
			s += " (" + c + ", " + pick(Better(m), "better", "worse") + ")"
		} else if c != "" {
			s += " (no change)"
		}
		parts = append(parts, s+".")
	}
	return strings.Join(parts, " ")
}

// metricHeight is the height of one metric's drawing.
func metricHeight(m Metric) int { return metricH + (len(wrap(m.Label))-1)*lineH }

// wrap splits a label into lines of at most lineChars characters at
// spaces (a longer word keeps a line of its own).
func wrap(label string) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(label) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > lineChars {
			lines = append(lines, line)
			line = ""
		}
		line = strings.TrimPrefix(line+" "+w, " ")
	}
	return append(lines, line)
}

// drawMetric draws one metric's label and two bars from y down.
func drawMetric(b *strings.Builder, m Metric, y int) {
	scale := math.Max(math.Abs(m.Before), math.Abs(m.After))
	afterClass := "chart-after " + pick(Better(m), "chart-better", pick(m.After == m.Before, "chart-same", "chart-worse"))
	b.WriteString(`<g class="chart-metric">`)
	b.WriteString(`<text class="chart-label" x="0" y="` + itoa(y+labelH-7) + `" font-size="` + itoa(fontSize+1) + `" font-weight="600" fill="currentColor">`)
	for i, line := range wrap(m.Label) {
		if i > 0 {
			y += lineH
		}
		b.WriteString(`<tspan x="0" y="` + itoa(y+labelH-7) + `">` + esc(line) + `</tspan>`)
	}
	b.WriteString(`</text>`)
	bar(b, "Before", m.Before, m.Unit, scale, y+labelH, "chart-before", "#8b93a7")
	bar(b, "After", m.After, m.Unit, scale, y+labelH+barH+rowGap, afterClass, "#4338ca")
	b.WriteString(`</g>`)
}

// bar draws one named bar of value v at y, its length v/scale of barMax.
func bar(b *strings.Builder, name string, v float64, unit string, scale float64, y int, class, fill string) {
	w := 0.0
	if scale > 0 && finite(v) {
		w = math.Abs(v) / scale * barMax
	}
	if w < 2 && v != 0 {
		w = 2 // a tiny figure still shows a sliver
	}
	mid := itoa(y + barH/2 + fontSize/2 - 2)
	b.WriteString(`<text class="chart-name" x="0" y="` + mid + `" font-size="` + itoa(fontSize) + `" fill="currentColor">` + name + `</text>`)
	b.WriteString(`<rect class="` + class + `" x="` + itoa(barX) + `" y="` + itoa(y) + `" width="` + ftoa(w) + `" height="` + itoa(barH) + `" rx="3" fill="` + fill + `"/>`)
	b.WriteString(`<text class="chart-value" x="` + ftoa(barX+w+textPad) + `" y="` + mid + `" font-size="` + itoa(fontSize) + `" fill="currentColor">` + esc(Quantity(v, unit)) + `</text>`)
}

// Quantity writes a figure with its unit: "9.8%", "12 days", "$40",
// "1.4 M EUR". Numbers show as written (no trailing zeros).
func Quantity(v float64, unit string) string {
	n := strconv.FormatFloat(v, 'f', -1, 64)
	if v < 0 {
		n = "−" + n[1:]
	}
	return WithUnit(n, unit)
}

// WithUnit writes an already formatted number with its unit: a currency
// sign before it, a word after a no-break space, a symbol ("%") right after.
func WithUnit(n, unit string) string {
	switch {
	case unit == "":
		return n
	case unit == "$" || unit == "€" || unit == "£":
		return unit + n
	}
	r, _ := utf8.DecodeRuneInString(unit)
	if unicode.IsLetter(r) {
		return n + "\u00a0" + unit
	}
	return n + unit
}

func itoa(n int) string { return strconv.Itoa(n) }

// ftoa prints a coordinate with one decimal at most.
func ftoa(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// esc escapes text for SVG character data and attribute values.
func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
