package render

// Evidence is what the results page shows: every result of every case
// study, the median change per metric, and where to download them.
type Evidence struct {
	Rows    []EvidenceRow
	Medians []MedianRow
	// The distinct teams, industries and metric labels, sorted: the
	// choices of the page's filters.
	Teams, Industries, Metrics []string
	CSV, JSON                  string // URLs of results.csv and results.json
}

// EvidenceRow is one result of one case study.
type EvidenceRow struct {
	Page     Link // the case study
	Company  string
	Industry string
	Teams    []Link
	Metric   Metric
	// Delta is the change as a sortable number ("13", "-95.5"): points
	// for a percentage, else percent of before; "" when there is none.
	Delta string
}

// MedianRow is the median change of one metric over the case studies
// that measured it in the same kind of unit.
type MedianRow struct {
	Label  string
	Unit   string
	Count  int    // how many results the median is taken over
	Change string // e.g. "+9 pts", "50% less time"
	Better bool   // the median moved the desired way
}
