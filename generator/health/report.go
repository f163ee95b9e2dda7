package health

import (
	"time"
)

// SchemaVersion is the version of the JSON report (schema.json). It
// changes only when a field changes meaning or goes away; new fields and
// kinds may be added within a version.
const SchemaVersion = 1

// Report is everything a check found.
type Report struct {
	Version  int       `json:"version"`
	Date     string    `json:"date"` // the day ages were measured to, 2006-01-02
	Summary  Summary   `json:"summary"`
	Notes    []string  `json:"notes,omitempty"` // e.g. why git dates were not used
	Findings []Finding `json:"findings"`
}

// Summary counts findings by severity and by kind.
type Summary struct {
	Errors   int          `json:"errors"`
	Warnings int          `json:"warnings"`
	Notices  int          `json:"notices"`
	ByKind   map[Kind]int `json:"byKind"`
}

func newReport(fs []Finding, now time.Time) *Report {
	r := &Report{Version: SchemaVersion, Date: now.Format(time.DateOnly), Findings: fs}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.Summary.ByKind = map[Kind]int{}
	for _, f := range fs {
		r.Summary.ByKind[f.Kind]++
		switch f.Severity {
		case SevError:
			r.Summary.Errors++
		case SevWarning:
			r.Summary.Warnings++
		default:
			r.Summary.Notices++
		}
	}
	return r
}

// Fails reports whether the report fails a run with --fail-on level:
// "error" (any error), "warning" (any error or warning) or "none".
func (r *Report) Fails(level string) bool {
	switch level {
	case "none":
		return false
	case "warning":
		return r.Summary.Errors+r.Summary.Warnings > 0
	}
	return r.Summary.Errors > 0
}
