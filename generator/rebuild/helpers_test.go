package rebuild

import (
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/sitetest"
)

// Helpers shared with generator/pipeline's tests.
var (
	writeFile   = sitetest.WriteFile
	read        = sitetest.Read
	mustContain = sitetest.MustContain
	readTree    = sitetest.ReadTree
)

const typedSite = sitetest.TypedSite

// newBuilder returns a Builder for opts that is closed when the test
// ends, before its temporary folders are removed: its background search
// index must not write into them after.
func newBuilder(t testing.TB, opts pipeline.Options) *Builder {
	b := NewBuilder(opts)
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Errorf("closing the builder: %v", err)
		}
	})
	return b
}
