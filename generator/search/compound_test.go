package search

import (
	"slices"
	"testing"
)

func TestCompounds(t *testing.T) {
	for text, want := range map[string][]string{
		"The lead hand-off happens daily.":   {"handoff"},
		"A Follow-Up and an end-to-end test": {"followup", "endtoend"},
		"no compound here":                   nil,
		"a - b, --flag, x-, -y, 2025-03-14":  nil,
		"trailing hyphen-":                   nil,
	} {
		var got []string
		compounds(text, nil, func(w []byte) { got = append(got, string(w)) })
		if !slices.Equal(got, want) {
			t.Errorf("compounds(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzCompounds(f *testing.F) {
	f.Add("hand-off a-b-c -x- --")
	f.Fuzz(func(t *testing.T, text string) {
		compounds(text, nil, func(w []byte) {
			if len(w) == 0 || len(w) > maxWordBytes || slices.Contains(w, '-') {
				t.Fatalf("compounds(%q) gave %q", text, w)
			}
		})
	})
}
