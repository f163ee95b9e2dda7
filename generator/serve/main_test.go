package serve

import (
	"os"
	"testing"

	"github.com/playbookhq/playbook/internal/keycheck"
)

// TestMain checks every key a rebuild trusts (see package keycheck).
func TestMain(m *testing.M) { os.Exit(keycheck.Run(m)) }
