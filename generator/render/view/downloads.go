package view

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/chart"
)

// csvHeader names the columns of results.csv (README documents them).
var csvHeader = []string{"case_study", "url", "company", "industry", "teams", "metric", "unit", "before", "after", "lower_is_better", "change", "change_value", "change_kind"}

// resultsCSV writes every result as one CSV row; permalink makes a site
// path absolute. The change's minus sign is an ASCII hyphen there, which
// every spreadsheet reads whatever encoding it guesses.
func resultsCSV(ev []evidence, permalink func(string) string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(csvHeader); err != nil {
		return nil, err
	}
	for _, x := range ev {
		j := jsonResult(x, permalink)
		value := ""
		if j.ChangeValue != nil {
			value = number(*j.ChangeValue)
		}
		row := []string{j.CaseStudy, j.URL, j.Company, j.Industry, strings.Join(j.Teams, "; "), j.Metric, j.Unit,
			number(j.Before), number(j.After), strconv.FormatBool(j.LowerIsBetter), strings.ReplaceAll(j.Change, "−", "-"), value, j.ChangeKind}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// jsonResults is results.json: every result, then the median per metric.
type jsonResults struct {
	Results []jsonRow    `json:"results"`
	Medians []jsonMedian `json:"medians"`
}

type jsonRow struct {
	CaseStudy     string   `json:"case_study"`
	URL           string   `json:"url"`
	Company       string   `json:"company"`
	Industry      string   `json:"industry"`
	Teams         []string `json:"teams"`
	Metric        string   `json:"metric"`
	Unit          string   `json:"unit"`
	Before        float64  `json:"before"`
	After         float64  `json:"after"`
	LowerIsBetter bool     `json:"lower_is_better"`
	Change        string   `json:"change"`
	ChangeValue   *float64 `json:"change_value"` // null when there is none (from 0)
	ChangeKind    string   `json:"change_kind"`  // "points" or "percent"
	Better        bool     `json:"better"`
}

type jsonMedian struct {
	Metric      string  `json:"metric"`
	Unit        string  `json:"unit"`
	Count       int     `json:"count"`
	Change      string  `json:"median_change"`
	ChangeValue float64 `json:"median_change_value"`
	ChangeKind  string  `json:"change_kind"`
}

// resultsJSON writes every result and the medians as indented JSON.
func resultsJSON(ev []evidence, meds []median, permalink func(string) string) ([]byte, error) {
	out := jsonResults{Results: make([]jsonRow, 0, len(ev)), Medians: make([]jsonMedian, 0, len(meds))}
	for _, x := range ev {
		out.Results = append(out.Results, jsonResult(x, permalink))
	}
	for _, m := range meds {
		out.Medians = append(out.Medians, jsonMedian{Metric: m.label, Unit: m.unit, Count: len(m.deltas), Change: m.change(), ChangeValue: round2(m.value()), ChangeKind: changeKind(m.unit)})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	return append(data, '\n'), err
}

// jsonResult is one result as results.json (and results.csv) tell it.
func jsonResult(x evidence, permalink func(string) string) jsonRow {
	row := jsonRow{CaseStudy: x.page.Title, URL: permalink(x.page.URL), Company: x.company, Industry: x.industry, Teams: []string{},
		Metric: x.result.Label, Unit: x.result.Unit, Before: x.result.Before, After: x.result.After, LowerIsBetter: x.result.LowerIsBetter,
		Change: chart.Change(x.metric), ChangeKind: changeKind(x.result.Unit), Better: chart.Better(x.metric)}
	for _, t := range x.teams {
		row.Teams = append(row.Teams, t.Title)
	}
	if d, ok := chart.Delta(x.metric); ok {
		d = round2(d)
		row.ChangeValue = &d
	}
	return row
}

func changeKind(unit string) string {
	if chart.Points(unit) {
		return "points"
	}
	return "percent"
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// round2 rounds to two decimals, enough for a change in percent.
func round2(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return r
}
