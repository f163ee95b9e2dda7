// Package keycheck runs a package's tests with pipeline.VerifyKeys set:
// every page or list key that lets a rebuild keep a file is checked
// against the view made anyway, so a key that misses something the view
// reads fails the rebuild that trusted it.
package keycheck

import (
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// Run runs the tests of m with pipeline.VerifyKeys set and returns their
// exit code, for a TestMain.
func Run(m *testing.M) int {
	pipeline.VerifyKeys = true
	return m.Run()
}
