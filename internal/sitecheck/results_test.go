package sitecheck

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// resultsPage is the page with every case study's results.
const resultsPage = "case-studies/results/"

// visibleColumn is the text (or data-sort value, when the cell has one)
// of column col of the results table's shown rows, in their order.
func visibleColumn(col int) string {
	return `Array.from(document.querySelectorAll("table.evidence-table tbody tr")).filter(r => !r.hidden).map(r => { const c = r.cells[` +
		strconv.Itoa(col) + `]; return c.dataset.sort !== undefined ? c.dataset.sort : c.textContent.trim(); })`
}

// TestResultsTableSortsAndFilters: the results page's table sorts by a
// column (both ways, aria-sort set), filters by team, industry and metric
// (the count announced, the filter kept in the address), and a shared
// address opens filtered.
func TestResultsTableSortsAndFilters(t *testing.T) {
	p := page{t, browsertest.New(t)}
	dir := buildSample(t)
	base := browsertest.ServeDir(t, dir, basePath)
	p.open(base+resultsPage, 1280)
	p.wait(`!document.querySelector("form.evidence-filters").hidden`)
	total := eval[int](p, `document.querySelectorAll("table.evidence-table tbody tr").length`)
	if total < 20 {
		t.Fatalf("the results table has %d rows; the sample site should give more than 20", total)
	}

	// Sort by change, ascending then descending; rows without a number last.
	p.do(chromedp.Click(`table.evidence-table th:nth-child(8) button`))
	if got := eval[string](p, `document.querySelector("table.evidence-table th:nth-child(8)").getAttribute("aria-sort")`); got != "ascending" {
		t.Errorf("after one click on Change: aria-sort %q", got)
	}
	checkSorted(t, eval[[]string](p, visibleColumn(7)), 1)
	p.do(chromedp.Click(`table.evidence-table th:nth-child(8) button`))
	checkSorted(t, eval[[]string](p, visibleColumn(7)), -1)
	// Sort by company, as text.
	p.do(chromedp.Click(`table.evidence-table th:nth-child(2) button`))
	companies := eval[[]string](p, visibleColumn(1))
	if !slices.IsSortedFunc(companies, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("companies not in order after sorting: %q", companies)
	}
	if n := eval[int](p, `document.querySelectorAll("table.evidence-table th[aria-sort]").length`); n != 1 {
		t.Errorf("%d columns say they are sorted; want 1", n)
	}

	// Filter by team, then also by metric.
	setSelect(p, "team", "Customer Success")
	teams := eval[[]string](p, `Array.from(document.querySelectorAll("table.evidence-table tbody tr")).filter(r => !r.hidden).map(r => r.cells[3].textContent)`)
	if len(teams) == 0 || len(teams) == total {
		t.Fatalf("team filter shows %d of %d rows", len(teams), total)
	}
	for _, s := range teams {
		if !strings.Contains(s, "Customer Success") {
			t.Errorf("team filter shows a row of teams %q", s)
		}
	}
	if got := eval[string](p, `document.querySelector(".evidence-count").textContent`); !strings.Contains(got, "of "+strconv.Itoa(total)) {
		t.Errorf("count reads %q", got)
	}
	setSelect(p, "metric", "Median sales cycle")
	metrics := eval[[]string](p, visibleColumn(4))
	if len(metrics) == 0 || len(metrics) >= len(teams) {
		t.Errorf("team and metric filters show %d rows (team alone %d)", len(metrics), len(teams))
	}
	for _, m := range metrics {
		if m != "Median sales cycle" {
			t.Errorf("metric filter shows %q", m)
		}
	}
	if q := eval[string](p, `location.search`); !strings.Contains(q, "team=Customer+Success") || !strings.Contains(q, "metric=Median+sales+cycle") {
		t.Errorf("filters not kept in the address: %q", q)
	}
	setSelect(p, "team", "")
	setSelect(p, "metric", "")
	if n := len(eval[[]string](p, visibleColumn(0))); n != total {
		t.Errorf("with no filter %d of %d rows show", n, total)
	}

	// An address with a filter opens filtered: industry.
	p.open(base+resultsPage+"?industry=Hospitality", 1280)
	p.wait(`!document.querySelector("form.evidence-filters").hidden`)
	for _, s := range eval[[]string](p, visibleColumn(2)) {
		if s != "Hospitality" {
			t.Errorf("opened with ?industry=Hospitality, shows a row of %q", s)
		}
	}
	if got := eval[string](p, `document.querySelector("select[name=industry]").value`); got != "Hospitality" {
		t.Errorf("industry filter reads %q", got)
	}

	// Without script every row is in the page as written.
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(resultsPage), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(raw), "<tr data-team="); n != total {
		t.Errorf("the page as written holds %d rows, the table %d", n, total)
	}
}

// setSelect chooses value in the filter named name, as a reader does.
func setSelect(p page, name, value string) {
	p.t.Helper()
	sel := `select[name=` + name + `]`
	p.do(chromedp.SetValue(sel, value))
	eval[bool](p, `document.querySelector("`+sel+`").dispatchEvent(new Event("change"))`)
}

// checkSorted fails unless the numbers in vals are in order (dir 1 up, −1
// down) with the empty ones last.
func checkSorted(t *testing.T, vals []string, dir int) {
	t.Helper()
	seenEmpty := false
	var prev float64
	for i, v := range vals {
		if v == "" {
			seenEmpty = true
			continue
		}
		if seenEmpty {
			t.Errorf("a number after an empty change: %q", vals)
			return
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Errorf("change %q is not a number", v)
			return
		}
		if i > 0 && float64(dir)*(f-prev) < 0 {
			t.Errorf("change column out of order (dir %d): %q", dir, vals)
			return
		}
		prev = f
	}
}

// TestChartNamesEveryValue: a case study's chart is an image named by its
// title and description, and the description gives every metric's label,
// before and after figures and change as the page's cards show them.
func TestChartNamesEveryValue(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	for _, cs := range []string{"case-studies/northwind-analytics/", "case-studies/larkspur-learning/"} {
		p.open(base+cs, 1280)
		name := eval[string](p, `(() => { const s = document.querySelector("svg.results-chart"); return s.getAttribute("role") + "|" + s.getAttribute("aria-labelledby").split(" ").map(id => document.getElementById(id).textContent).join("|"); })()`)
		if !strings.HasPrefix(name, "img|Results of ") {
			t.Errorf("%s: chart role and name %q", cs, name)
		}
		cards := eval[[][]string](p, `Array.from(document.querySelectorAll(".metric")).map(m => [m.querySelector(".metric-label").textContent, ...Array.from(m.querySelectorAll(".metric-v")).map(v => v.textContent), m.querySelector(".change-badge").textContent])`)
		if len(cards) < 3 {
			t.Fatalf("%s: %d result cards", cs, len(cards))
		}
		for _, card := range cards {
			for _, want := range card {
				if !strings.Contains(name, want) {
					t.Errorf("%s: the chart's description lacks %q (card %q): %s", cs, want, card, name)
				}
			}
		}
		bars := eval[int](p, `document.querySelectorAll("svg.results-chart rect").length`)
		if bars != 2*len(cards) {
			t.Errorf("%s: %d bars for %d metrics", cs, bars, len(cards))
		}
	}
}
