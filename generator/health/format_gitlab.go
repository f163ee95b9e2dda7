package health

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/playbookhq/playbook/generator/config"
)

// gitlabIssue is one entry of a GitLab Code Quality report
// (https://docs.gitlab.com/ci/testing/code_quality/): the fields GitLab
// requires are description, check_name, fingerprint, severity,
// location.path and location.lines.begin.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"` // info, minor, major, critical or blocker
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// gitlabSeverity maps severities onto GitLab's scale.
var gitlabSeverity = map[Severity]string{SevError: "major", SevWarning: "minor", SevNotice: "info"}

// WriteGitLab writes the report as a GitLab Code Quality report (a JSON
// array), for `artifacts: reports: codequality:`. prefix is the site
// root's path inside the repository. Findings without a file (an owner's
// overdue count) point at config.toml, line 1.
func WriteGitLab(w io.Writer, r *Report, prefix string) error {
	issues := make([]gitlabIssue, 0, len(r.Findings))
	seen := map[string]int{}
	for _, f := range r.Findings {
		file, line := f.File, f.Line
		if file == "" {
			file = config.FileName
		}
		line = max(line, 1)
		fp := fingerprint(f, seen)
		issues = append(issues, gitlabIssue{
			Description: f.Message,
			CheckName:   "playbook/" + string(f.Kind),
			Fingerprint: fp,
			Severity:    gitlabSeverity[f.Severity],
			Location:    gitlabLocation{Path: prefix + file, Lines: gitlabLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// fingerprint identifies a finding across runs: kind, file and message,
// not the line, so an edit above it does not make it new. Identical
// findings in one file are told apart by their rank.
func fingerprint(f Finding, seen map[string]int) string {
	key := fmt.Sprintf("%s\x00%s\x00%s", f.Kind, f.File, f.Message)
	n := seen[key]
	seen[key] = n + 1
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
	return hex.EncodeToString(sum[:16])
}
