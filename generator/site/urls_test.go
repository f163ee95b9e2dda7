package site

import (
	"strings"
	"testing"
)

// TestUrlizeShortcut checks that the shortcut for plain names gives what
// folding every name gives.
func TestUrlizeShortcut(t *testing.T) {
	for _, seg := range []string{"", "guides", "Guides", "joint-meetings", "a b", "a\tb", " lead", "ÄÖ", "x\u00a0y", "Q3_plan.v2", "a\x01b", "~tilde", "ZZ"} {
		for _, lower := range []bool{true, false} {
			want := strings.Join(strings.Fields(seg), "-")
			if lower {
				want = strings.ToLower(want)
			}
			if got := urlize(seg, lower); got != want {
				t.Errorf("urlize(%q, %v) = %q; want %q", seg, lower, got, want)
			}
		}
	}
}
