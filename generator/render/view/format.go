package view

import (
	"errors"

	"math"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// formatNumber prints a metric value without trailing zeros.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// formatChange describes the change from before to after: percentage
// points for values in %, a relative change otherwise.
func formatChange(before, after float64, unit string) string {
	diff := after - before
	var s string
	switch {
	case strings.TrimSpace(unit) == "%":
		s = trimFloat(math.Abs(diff)) + " pts"
	case before == 0:
		return ""
	default:
		s = trimFloat(math.Abs(diff/before*100)) + "%"
	}
	switch {
	case diff > 0:
		return "+" + s
	case diff < 0:
		return "−" + s
	}
	return "±0"
}

// trimFloat rounds to one decimal and drops a trailing ".0".
func trimFloat(v float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64), ".0")
}

// asDiag keeps a diagnostic as it is and wraps any other error.
func asDiag(err error) *diag.Diagnostic {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return diag.Errorf(diag.Pos{}, "%w", err)
}
