package view

import (
	"errors"

	"strconv"

	"github.com/playbookhq/playbook/generator/diag"
)

// formatNumber prints a metric value without trailing zeros.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// asDiag keeps a diagnostic as it is and wraps any other error.
func asDiag(err error) *diag.Diagnostic {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return diag.Errorf(diag.Pos{}, "%w", err)
}
