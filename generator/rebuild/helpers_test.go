package rebuild

import "github.com/playbookhq/playbook/internal/sitetest"

// Helpers shared with generator/pipeline's tests.
var (
	writeFile   = sitetest.WriteFile
	read        = sitetest.Read
	mustContain = sitetest.MustContain
	readTree    = sitetest.ReadTree
)

const typedSite = sitetest.TypedSite
