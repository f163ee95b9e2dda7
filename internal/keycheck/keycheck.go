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

// Set sets pipeline.VerifyKeys to on for the rest of test t: with it off,
// the preview keeps, splices and defers pages as it does for users.
func Set(t testing.TB, on bool) {
	was := pipeline.VerifyKeys
	pipeline.VerifyKeys = on
	t.Cleanup(func() { pipeline.VerifyKeys = was })
}
