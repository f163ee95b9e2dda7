package chart

import (
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sample is a case study's results in both directions and several units.
var sample = []Metric{
	{Label: "MQL to SQL conversion", Before: 18, After: 31, Unit: "%"},
	{Label: "Median speed to lead", Before: 26.5, After: 1.2, Unit: "hours", LowerIsBetter: true},
	{Label: "Pipeline <influenced> & sourced", Before: 1.2, After: 0.9, Unit: "M EUR"},
	{Label: "Open disputes", Before: 0, After: 0, Unit: ""},
	{Label: "Pipeline from marketing-sourced leads, per quarter, all regions", Before: 0.8, After: 1.3, Unit: "M EUR"},
}

func TestWrap(t *testing.T) {
	cases := map[string][]string{
		"Win rate": {"Win rate"},
		"":         {""},
		"Pipeline from marketing-sourced leads, per quarter, all regions": {"Pipeline from marketing-sourced leads, per", "quarter, all regions"},
		strings.Repeat("x", 60) + " y":                                    {strings.Repeat("x", 60), "y"},
	}
	for in, want := range cases {
		if got := wrap(in); !slices.Equal(got, want) {
			t.Errorf("wrap(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSVGGolden(t *testing.T) {
	got := SVG("pb-chart", "Results of Northwind Analytics", sample)
	golden := filepath.Join("testdata", "results.svg")
	if *update {
		if err := os.WriteFile(golden, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got+"\n" != string(want) {
		t.Errorf("SVG differs from %s (run go test -update and check the diff):\n%s", golden, got)
	}
}

// TestSVGAccessible checks that the drawing is well-formed XML, an image
// labelled by its title and description, and that the description names
// every figure and change.
func TestSVGAccessible(t *testing.T) {
	s := SVG("c1", "Results", sample)
	var doc struct {
		XMLName xml.Name
		Role    string `xml:"role,attr"`
		Labels  string `xml:"aria-labelledby,attr"`
		Title   struct {
			ID   string `xml:"id,attr"`
			Text string `xml:",chardata"`
		} `xml:"title"`
		Desc struct {
			ID   string `xml:"id,attr"`
			Text string `xml:",chardata"`
		} `xml:"desc"`
	}
	if err := xml.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, s)
	}
	if doc.XMLName.Local != "svg" || doc.Role != "img" || doc.Labels != "c1-title c1-desc" || doc.Title.ID != "c1-title" || doc.Desc.ID != "c1-desc" {
		t.Errorf("svg role %q labelled by %q (title %q, desc %q)", doc.Role, doc.Labels, doc.Title.ID, doc.Desc.ID)
	}
	for _, m := range sample {
		for _, want := range []string{m.Label, Quantity(m.Before, m.Unit), Quantity(m.After, m.Unit), Change(m)} {
			if !strings.Contains(doc.Desc.Text, want) {
				t.Errorf("description lacks %q: %s", want, doc.Desc.Text)
			}
		}
	}
	if strings.Contains(s, "<script") {
		t.Error("the chart has a script")
	}
	if SVG("x", "none", nil) != "" {
		t.Error("no metrics should draw nothing")
	}
}
