package serve

import (
	"os"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// TestMain checks every page key that lets a rebuild keep a page against
// the page's view (pipeline.VerifyKeys): a key that misses something the
// view reads fails the rebuild that trusted it.
func TestMain(m *testing.M) {
	pipeline.VerifyKeys = true
	os.Exit(m.Run())
}
