package pipeline

import (
	"os"
	"testing"
)

// TestMain checks every page key that lets a rebuild keep a page against
// the page's view (VerifyKeys): a key that misses something the
// view reads fails the rebuild that trusted it.
func TestMain(m *testing.M) {
	VerifyKeys = true
	os.Exit(m.Run())
}
