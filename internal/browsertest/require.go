package browsertest

import (
	"os"
	"testing"
)

// RequireEnv is the environment variable that turns a missing browser or
// missing node_modules into a test failure instead of a skip.
const RequireEnv = "REQUIRE_BROWSER"

// required reports whether browser tests must run on this machine.
func required() bool { return os.Getenv(RequireEnv) == "1" }

// unavailable skips t with reason, or fails it when REQUIRE_BROWSER=1.
func unavailable(t testing.TB, reason string) {
	t.Helper()
	if required() {
		t.Fatalf("%s (%s=1 makes this a failure)", reason, RequireEnv)
	}
	t.Skipf("skipping browser test: %s (set %s=1 to make this a failure)", reason, RequireEnv)
}
