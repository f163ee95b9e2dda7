package sitecheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/internal/browsertest"
)

// hvResult is the part of html-validate's JSON report the test reads.
type hvResult struct {
	FilePath string `json:"filePath"`
	Messages []struct {
		RuleID   string `json:"ruleId"`
		Severity int    `json:"severity"` // 2 = error, 1 = warning
		Message  string `json:"message"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
	} `json:"messages"`
}

// TestHTMLValidate runs html-validate (config htmlvalidate.json) over every
// HTML file of the built sample site and fails on any error.
func TestHTMLValidate(t *testing.T) {
	dir := buildSample(t)
	htmlValidate(t, dir, htmlPages(t, dir))
}

// TestHTMLValidatePaginated validates list pages whose paginator leaves
// gaps (see TestAccessibilityPaginated).
func TestHTMLValidatePaginated(t *testing.T) {
	htmlValidate(t, buildSampleWith(t, "paginate", "1"), paginatedPages)
}

// htmlValidate runs html-validate over pages of dir and fails on any error.
func htmlValidate(t *testing.T, dir string, pages []string) {
	t.Helper()
	modules := browsertest.NodeModules(t)
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not found in PATH")
	}
	bin := filepath.Join(modules, "html-validate", "bin", "html-validate.mjs")
	config, err := filepath.Abs("htmlvalidate.json")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{bin, "--config", config, "--formatter", "json"}
	for _, p := range pages {
		args = append(args, filepath.Join(dir, filepath.FromSlash(p)))
	}
	// The report goes to a file: node's process.exit cuts large output
	// written to a pipe short.
	reportPath := filepath.Join(t.TempDir(), "report.json")
	report, err := os.Create(reportPath)
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(node, args...)
	cmd.Stdout, cmd.Stderr = report, &stderr
	runErr := cmd.Run() // exits 1 when it finds errors; the report says which
	report.Close()
	data, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatal(err)
	}
	var results []hvResult
	if err := json.Unmarshal(data, &results); err != nil {
		t.Fatalf("html-validate: %v; no JSON report (%v)\nstderr: %s", runErr, err, stderr.String())
	}
	for _, r := range results {
		rel, _ := filepath.Rel(dir, r.FilePath)
		for _, m := range r.Messages {
			if m.Severity >= 2 {
				t.Errorf("%s", fmt.Sprintf("%s:%d:%d: %s (%s)", rel, m.Line, m.Column, m.Message, m.RuleID))
			}
		}
	}
}
