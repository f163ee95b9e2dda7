// Package chart turns measured results (a before and an after figure per
// metric) into the words and pictures a reader sees: the change as a
// phrase that reads the right way round ("+13 pts", "95.5% less time",
// "12% lower") and an accessible SVG bar chart drawn at build time, with
// colours taken from the page's CSS variables and no script.
//
// It imports nothing from the rest of the generator: callers hand it
// plain Metric values.
package chart
