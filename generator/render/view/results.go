package view

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/chart"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// The results page and its downloads, written when any page has results.
const (
	ResultsSection = "/case-studies/"             // the section list that links to the results page
	ResultsURL     = "/case-studies/results/"     // every result in one table
	ResultsCSV     = "/case-studies/results.csv"  // the same rows for spreadsheets
	ResultsJSON    = "/case-studies/results.json" // the same rows and medians for dashboards
)

// ResultsURLs are the site paths of the results page and its downloads
// when any of pages has results (nil otherwise), for links to resolve.
func ResultsURLs(pages []*content.Page) []string {
	for _, p := range pages {
		if len(p.Results()) > 0 {
			return []string{ResultsURL, ResultsCSV, ResultsJSON}
		}
	}
	return nil
}

// evidence is one result of one case study, with the page it is from.
type evidence struct {
	page     *site.Page
	company  string
	industry string
	teams    []render.Link
	result   content.Result
	metric   chart.Metric
}

// gatherEvidence returns every result of every page of model, in URL
// order and each page's own order; nil when no page has results or a
// content page already takes the results page's URL.
func (r *Renderer) gatherEvidence() []evidence {
	if r.model.ByURL(ResultsURL) != nil {
		return nil
	}
	var out []evidence
	for _, p := range r.model.Pages {
		if p.Src == nil || len(p.Src.Results()) == 0 {
			continue
		}
		company, industry := caseFacts(p.Src)
		teams := r.termLinks(p, "teams")
		for _, res := range p.Src.Results() {
			out = append(out, evidence{page: p, company: company, industry: industry, teams: teams, result: res, metric: chartMetric(res)})
		}
	}
	return out
}

// caseFacts is a case study's company and industry.
func caseFacts(src *content.Page) (company, industry string) {
	company, _ = src.Fields["company"].(string)
	industry, _ = src.Fields["industry"].(string)
	return company, industry
}

// hasEvidence reports whether model has a results page: some page has
// results and no content page takes its URL.
func hasEvidence(model *site.Site) bool {
	if model.ByURL(ResultsURL) != nil {
		return false
	}
	for _, p := range model.Pages {
		if p.Src != nil && len(p.Src.Results()) > 0 {
			return true
		}
	}
	return false
}

// resultsPage writes the results page, results.csv and results.json.
func (r *Renderer) resultsPage(buf *bytes.Buffer) *diag.Diagnostic {
	ev := r.gatherEvidence()
	if len(ev) == 0 {
		return nil
	}
	meds := medians(ev)
	csvData, err := resultsCSV(ev, r.Permalink)
	if err != nil {
		return asDiag(err)
	}
	jsonData, err := resultsJSON(ev, meds, r.Permalink)
	if err != nil {
		return asDiag(err)
	}
	r.write(strings.TrimPrefix(ResultsCSV, "/"), csvData)
	r.write(strings.TrimPrefix(ResultsJSON, "/"), jsonData)
	return r.Execute(strings.TrimPrefix(ResultsURL, "/")+"index.html", r.resultsView(ev, meds), buf)
}

// resultsView is the results page's view.
func (r *Renderer) resultsView(ev []evidence, meds []median) *render.Page {
	v := r.NewPage(render.KindResults, "Results across case studies", ResultsURL)
	v.Description = "Every before-and-after figure from " + plural(countPages(ev), "case study", "case studies") + " of " + r.cfg.Title + ", with the median change per metric."
	v.Lead = v.Description
	v.Breadcrumbs = []render.Link{{Title: "Home", URL: r.URL("/")}}
	if s := r.model.ByURL(ResultsSection); s != nil {
		v.Breadcrumbs = append(v.Breadcrumbs, render.Link{Title: s.Title, URL: r.URL(s.URL)})
	}
	e := &render.Evidence{CSV: r.URL(ResultsCSV), JSON: r.URL(ResultsJSON)}
	for _, x := range ev {
		row := render.EvidenceRow{Page: render.Link{Title: x.page.Title, URL: r.URL(x.page.URL)}, Company: x.company, Industry: x.industry, Teams: x.teams, Metric: metricView(x.result)}
		if d, ok := chart.Delta(x.metric); ok {
			row.Delta = strconv.FormatFloat(d, 'f', 2, 64)
		}
		e.Rows = append(e.Rows, row)
		e.Industries = addUnique(e.Industries, x.industry)
		e.Metrics = addUnique(e.Metrics, x.result.Label)
		for _, t := range x.teams {
			e.Teams = addUnique(e.Teams, t.Title)
		}
	}
	for _, s := range [][]string{e.Teams, e.Industries, e.Metrics} {
		slices.Sort(s)
	}
	for _, m := range meds {
		e.Medians = append(e.Medians, render.MedianRow{Label: m.label, Unit: m.unit, Count: len(m.deltas), Change: m.change(), Better: m.better()})
	}
	v.Evidence = e
	return v
}

func addUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func countPages(ev []evidence) int {
	n := 0
	for i, x := range ev {
		if i == 0 || ev[i-1].page != x.page {
			n++
		}
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// resultsLink is the link a section list shows to the results page: set
// on ResultsSection only, when the results page is written.
func (r *Renderer) resultsLink(p *site.Page) *render.Link {
	if p.URL != ResultsSection || !hasEvidence(r.model) {
		return nil
	}
	return &render.Link{Title: "All results in one table", URL: r.URL(ResultsURL)}
}
