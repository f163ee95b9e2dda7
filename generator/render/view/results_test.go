package view

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleEvidence is three case studies' results: both directions, a
// percentage, durations, money, a count from 0, a label with a comma and
// quotes, and one metric measured by two case studies.
func sampleEvidence() []evidence {
	a := &site.Page{Title: "Acme: a shared pipeline", URL: "/case-studies/acme/"}
	b := &site.Page{Title: `Bolt "Works", one SLA`, URL: "/case-studies/bolt/"}
	c := &site.Page{Title: "Cove Hotels", URL: "/case-studies/cove/"}
	sales, mkt := render.Link{Title: "Sales", URL: "/teams/sales/"}, render.Link{Title: "Marketing", URL: "/teams/marketing/"}
	row := func(p *site.Page, company, industry string, teams []render.Link, r content.Result) evidence {
		return evidence{page: p, company: company, industry: industry, teams: teams, result: r, metric: chartMetric(r)}
	}
	return []evidence{
		row(a, "Acme", "Software", []render.Link{sales, mkt}, content.Result{Label: "MQL to SQL conversion", Before: 18, After: 31, Unit: "%"}),
		row(a, "Acme", "Software", []render.Link{sales, mkt}, content.Result{Label: "Median sales cycle", Before: 94, After: 71, Unit: "days", LowerIsBetter: true}),
		row(b, "Bolt Works", "Manufacturing", []render.Link{sales}, content.Result{Label: "MQL to SQL conversion", Before: 22, After: 20, Unit: "%"}),
		row(b, "Bolt Works", "Manufacturing", []render.Link{sales}, content.Result{Label: "Median sales cycle", Before: 120, After: 101, Unit: "days", LowerIsBetter: true}),
		row(b, "Bolt Works", "Manufacturing", []render.Link{sales}, content.Result{Label: "Cost per SQL, blended", Before: 95, After: 118, Unit: "EUR", LowerIsBetter: true}),
		row(c, "Cove", "Hospitality", nil, content.Result{Label: "Referral deals", Before: 0, After: 12}),
		row(c, "Cove", "Hospitality", nil, content.Result{Label: "MQL to SQL conversion", Before: 9, After: 17, Unit: "%"}),
	}
}

func permalink(p string) string { return "https://hub.example.com" + p }

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update and review the diff); got:\n%s", file, got)
	}
}

func TestResultsCSVGolden(t *testing.T) {
	data, err := resultsCSV(sampleEvidence(), permalink)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "results.csv", data)
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("results.csv does not parse: %v", err)
	}
	if len(rows) != 1+len(sampleEvidence()) || rows[2][4] != "Sales; Marketing" || rows[2][10] != "24.5% less time" {
		t.Errorf("results.csv rows: %q", rows)
	}
}

func TestResultsJSONGolden(t *testing.T) {
	ev := sampleEvidence()
	data, err := resultsJSON(ev, medians(ev), permalink)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "results.json", data)
	var back jsonResults
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Results) != len(ev) || back.Results[5].ChangeValue != nil || back.Results[5].Change != "up from 0" {
		t.Errorf("results.json results: %+v", back.Results)
	}
}

// TestMedians checks the grouping by label and unit and the medians'
// words: three conversions (+13, −2, +8 pts), two cycles.
func TestMedians(t *testing.T) {
	meds := medians(sampleEvidence())
	want := map[string]struct {
		n      int
		change string
		better bool
	}{
		"MQL to SQL conversion": {3, "+8 pts", true},
		"Median sales cycle":    {2, "20.2% less time", true},
		"Cost per SQL, blended": {1, "24.2% higher", false},
	}
	if len(meds) != len(want) {
		t.Fatalf("%d medians, want %d (the count from 0 has none): %+v", len(meds), len(want), meds)
	}
	for _, m := range meds {
		w, ok := want[m.label]
		if !ok || len(m.deltas) != w.n || m.change() != w.change || m.better() != w.better {
			t.Errorf("median %q over %d: %q better=%v; want %+v", m.label, len(m.deltas), m.change(), m.better(), w)
		}
	}
}

func TestMetricViewWording(t *testing.T) {
	cases := []struct {
		r      content.Result
		change string
		better bool
	}{
		{content.Result{Before: 26.5, After: 1.2, Unit: "hours", LowerIsBetter: true}, "95.5% less time", true},
		{content.Result{Before: 4.2, After: 9.8, Unit: "%"}, "+5.6 pts", true},
		{content.Result{Before: 400, After: 432, Unit: "EUR", LowerIsBetter: true}, "8% higher", false},
		{content.Result{Before: 3, After: 3}, "no change", false},
	}
	for _, c := range cases {
		m := metricView(c.r)
		if m.Change != c.change || m.Better != c.better {
			t.Errorf("metricView(%+v) = %q better=%v; want %q better=%v", c.r, m.Change, m.Better, c.change, c.better)
		}
	}
}
