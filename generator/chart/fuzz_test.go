package chart

import (
	"encoding/xml"
	"strings"
	"testing"
)

// FuzzSVG: any figures and label give a well-formed drawing whose
// description names the label, and a change that never shows a doubled
// sign, "Inf" or "NaN".
func FuzzSVG(f *testing.F) {
	f.Add("MQL to SQL conversion", 18.0, 31.0, "%", false)
	f.Add("Cycle <time> & \"cost\"", 94.0, 71.0, "days", true)
	f.Add("", 0.0, 1e308, "M EUR", true)
	f.Add("x", -5.0, 5.0, "", false)
	f.Fuzz(func(t *testing.T, label string, before, after float64, unit string, lower bool) {
		if !xmlText(label) || !xmlText(unit) {
			t.Skip("not text XML can carry")
		}
		m := Metric{Label: label, Before: before, After: after, Unit: unit, LowerIsBetter: lower}
		c := Change(m)
		for _, bad := range []string{"Inf", "NaN", "++", "−−", "+−", "−+"} {
			if strings.Contains(c, bad) {
				t.Fatalf("Change(%+v) = %q", m, c)
			}
		}
		s := SVG("f", "Results", []Metric{m})
		var doc struct {
			Desc string `xml:"desc"`
		}
		if err := xml.Unmarshal([]byte(s), &doc); err != nil {
			t.Fatalf("not well-formed for %+v: %v\n%s", m, err, s)
		}
		if !strings.Contains(doc.Desc, strings.TrimSpace(label)) {
			t.Fatalf("description %q lacks the label %q", doc.Desc, label)
		}
	})
}

// xmlText reports whether s holds only characters XML 1.0 keeps as they
// are (a carriage return is read back as a line feed).
func xmlText(s string) bool {
	for _, r := range s {
		if r == 0xFFFD || r < 0x20 && r != '\t' && r != '\n' || r >= 0xD800 && r <= 0xDFFF || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}
