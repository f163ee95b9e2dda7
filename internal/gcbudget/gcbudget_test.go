package gcbudget

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPercentFor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		budget, live uint64
		want         int
	}{
		{256 * mib, 0, minPercent},         // nothing measured yet
		{256 * mib, 64 * mib, 300},         // grow to 256: three times the live heap on top
		{256 * mib, 128 * mib, minPercent}, // exactly half the budget: the default
		{256 * mib, 200 * mib, minPercent}, // beyond half: never below the default
		{256 * mib, 1 * mib, maxPercent},   // tiny heap: capped
		{0, 10 * mib, minPercent},          // no budget
		{100 * mib, 40 * mib, 150},         // (100-40)/40
	} {
		if got := percentFor(c.budget, c.live); got != c.want {
			t.Errorf("percentFor(%d MiB, %d MiB) = %d; want %d", c.budget/mib, c.live/mib, got, c.want)
		}
	}
}

// TestTunerSetsAndRestoresPercent runs collections under a Tuner and checks
// that it raised the GC percentage for a small heap and that Stop puts
// back the percentage in force before Start.
func TestTunerSetsAndRestoresPercent(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)

	tu := Start(1 << 30)
	for range 3 {
		runtime.GC()
		runtime.GC() // the finalizer of the first cycle's sentinel has run by the second
	}
	got := debug.SetGCPercent(-1)
	debug.SetGCPercent(got)
	if got <= minPercent {
		t.Errorf("GC percent under a 1 GiB budget with a small heap = %d; want more than %d", got, minPercent)
	}
	tu.Stop()
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("GC percent after Stop = %d; want the 77 set before Start", got)
	}
}

func TestTunerLeavesUserSettingAlone(t *testing.T) {
	t.Setenv("GOGC", "50")
	before := debug.SetGCPercent(50)
	defer debug.SetGCPercent(before)
	tu := Start(1 << 30)
	runtime.GC()
	runtime.GC()
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("GC percent with GOGC=50 set = %d; want 50 left alone", got)
	}
	tu.Stop()
}
