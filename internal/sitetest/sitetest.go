// Package sitetest holds helpers for tests that build sites into folders
// (generator/pipeline's and generator/rebuild's): writing inputs, reading
// outputs, a small typed site.
package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// WriteFile writes data to path, making its folders.
func WriteFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Read returns the output file rel of the site built into dest.
func Read(t *testing.T, dest, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dest, rel))
	if err != nil {
		t.Fatalf("output %s: %v", rel, err)
	}
	return string(b)
}

// MustContain fails t unless output file rel holds every one of wants.
func MustContain(t *testing.T, dest, rel string, wants ...string) {
	t.Helper()
	got := Read(t, dest, rel)
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s does not contain %q", rel, w)
		}
	}
}

// TypedSite is a small txtar site with a playbook section and a case study.
const TypedSite = `
-- config.toml --
title = "Hub"
baseURL = "https://intranet.example.com/hub/"
-- content/playbooks/_index.md --
+++
title = "Playbooks"
description = "Repeatable plays."
+++
-- content/playbooks/b-second.md --
+++
title = "Second play"
weight = 2
teams = ["Sales", "Marketing"]
tags = ["meetings"]
duration = "30 minutes"
outcome = "A decision"
[[steps]]
title = "Meet"
owner = "Sales lead"
duration = "30 min"
+++
Body of the [first](a-first.md).
-- content/playbooks/a-first.md --
+++
title = "First play"
weight = 1
teams = ["sales"]
tags = ["meetings", "sla"]
duration = "1 hour"
outcome = "An SLA"
[[steps]]
title = "Agree"
+++
## Agenda
Text.
-- content/case-studies/acme.md --
+++
title = "Acme doubles conversion"
company = "Acme"
industry = "Software"
challenge = "Leads went cold."
teams = ["Sales"]
[[results]]
label = "Conversion"
before = 4.2
after = 9.8
unit = "%"
[[results]]
label = "Response time"
before = 30
after = 6
unit = "hours"
lower_is_better = true
+++
Read the [play](/playbooks/a-first/#agenda).
`

// ReadTree returns every file below root by slash path.
func ReadTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
