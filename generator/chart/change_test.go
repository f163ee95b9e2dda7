package chart

import (
	"math"
	"testing"
)

func TestChange(t *testing.T) {
	cases := []struct {
		name string
		m    Metric
		want string
	}{
		{"percent rises in points", Metric{Before: 18, After: 31, Unit: "%"}, "+13 pts"},
		{"percent falls in points", Metric{Before: 12, After: 9.5, Unit: "%"}, "−2.5 pts"},
		{"percent that should fall", Metric{Before: 31, After: 22, Unit: "%", LowerIsBetter: true}, "−9 pts"},
		{"pts unit", Metric{Before: 40, After: 52, Unit: "pts"}, "+12 pts"},
		{"hours saved", Metric{Before: 26.5, After: 1.2, Unit: "hours", LowerIsBetter: true}, "95.5% less time"},
		{"days saved", Metric{Before: 94, After: 71, Unit: "days", LowerIsBetter: true}, "24.5% less time"},
		{"days spent", Metric{Before: 10, After: 12, Unit: "days"}, "20% more time"},
		{"time unit any case", Metric{Before: 10, After: 5, Unit: " Weeks "}, "50% less time"},
		{"cost falls", Metric{Before: 400, After: 352, Unit: "EUR", LowerIsBetter: true}, "12% lower"},
		{"cost rises", Metric{Before: 400, After: 432, Unit: "EUR", LowerIsBetter: true}, "8% higher"},
		{"pipeline grows", Metric{Before: 1.0, After: 2.4, Unit: "M EUR"}, "+140%"},
		{"count shrinks", Metric{Before: 200, After: 151, Unit: ""}, "−24.5%"},
		{"negative before", Metric{Before: -10, After: -5, Unit: "k EUR"}, "+50%"},
		{"no change", Metric{Before: 7, After: 7, Unit: "days"}, "no change"},
		{"no change at zero", Metric{Before: 0, After: 0, Unit: ""}, "no change"},
		{"from zero", Metric{Before: 0, After: 12, Unit: "deals"}, "up from 0"},
		{"to zero", Metric{Before: 12, After: 0, Unit: "tickets", LowerIsBetter: true}, "100% lower"},
		{"tiny change keeps a digit", Metric{Before: 1000, After: 1000.2, Unit: ""}, "+0.02%"},
		{"down from zero", Metric{Before: 0, After: -3, Unit: "k EUR"}, "down from 0"},
		{"too large to tell", Metric{Before: 77, After: 1e308, Unit: ""}, ""},
		{"not a number", Metric{Before: math.NaN(), After: 1}, ""},
		{"infinite", Metric{Before: 1, After: math.Inf(1)}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Change(c.m); got != c.want {
				t.Errorf("Change(%+v) = %q, want %q", c.m, got, c.want)
			}
		})
	}
}

func TestBetter(t *testing.T) {
	cases := []struct {
		m    Metric
		want bool
	}{
		{Metric{Before: 1, After: 2}, true},
		{Metric{Before: 2, After: 1}, false},
		{Metric{Before: 2, After: 1, LowerIsBetter: true}, true},
		{Metric{Before: 1, After: 2, LowerIsBetter: true}, false},
		{Metric{Before: 1, After: 1}, false},
	}
	for _, c := range cases {
		if got := Better(c.m); got != c.want {
			t.Errorf("Better(%+v) = %v, want %v", c.m, got, c.want)
		}
	}
}

func TestMedianChange(t *testing.T) {
	cases := []struct {
		ds    []float64
		unit  string
		lower bool
		want  string
	}{
		{[]float64{13, 5, 9}, "%", false, "+9 pts"},
		{[]float64{13, 5, 9, 1}, "%", false, "+7 pts"},
		{[]float64{-95.5, -24.5, -50}, "days", true, "50% less time"},
		{[]float64{40, 140}, "M EUR", false, "+90%"},
		{[]float64{-12, -20, 4}, "EUR", true, "12% lower"},
		{nil, "%", false, ""},
	}
	for _, c := range cases {
		if got := MedianChange(c.ds, c.unit, c.lower); got != c.want {
			t.Errorf("MedianChange(%v, %q, %v) = %q, want %q", c.ds, c.unit, c.lower, got, c.want)
		}
	}
}

func TestQuantity(t *testing.T) {
	cases := []struct {
		v    float64
		unit string
		want string
	}{
		{9.8, "%", "9.8%"},
		{12, "days", "12\u00a0days"},
		{40, "$", "$40"},
		{1.5, "", "1.5"},
		{-3, "k EUR", "−3\u00a0k EUR"},
	}
	for _, c := range cases {
		if got := Quantity(c.v, c.unit); got != c.want {
			t.Errorf("Quantity(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}
