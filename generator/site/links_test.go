package site

import (
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/diag"
)

// TestResolveLikeTheOriginal covers links that GitHub, GitBook or Hugo's
// link render hook resolve from the source file's folder.
func TestResolveLikeTheOriginal(t *testing.T) {
	s, _ := model(t, map[string]string{
		"team/_index.md":             "# Team",
		"team/process.md":            "# Process",
		"team/meetings/_index.md":    "# Meetings",
		"team/meetings/weekly.md":    "# Weekly",
		"team/Roles.md":              "# Roles",
		"onboarding/README.md":       "# Onboarding",
		"onboarding/first-day.md":    "+++\ntitle = \"First day\"\naliases = [\"/day-one/\"]\n+++\n",
		"Handbook/Policies/Leave.md": "# Leave",
	}, "team/chart.png")
	from := s.ByPath("team/process.md")
	// Each link names what it must reach by content path (a page's file,
	// a folder or a file), so the test holds whatever URLs pages get.
	tests := []struct{ dest, target, fragment, warning string }{
		{"meetings/", "team/meetings", "", ""},
		{"meetings", "team/meetings", "", ""},
		{"../onboarding/", "onboarding", "", ""},
		{"meetings/weekly", "team/meetings/weekly.md", "", ""},  // Hugo's render hook: the page without .md
		{"meetings/weekly/", "team/meetings/weekly.md", "", ""}, // GitBook writes pages as folders
		{"meetings/_index.md", "team/meetings/_index.md", "", ""},
		{"../onboarding/README.md", "onboarding/README.md", "", ""},
		{"/team/meetings/weekly", "team/meetings/weekly.md", "", ""}, // root-relative content path
		{"/day-one/", "onboarding/first-day.md", "", ""},             // an alias: straight to its page
		{"/day-one/#bring", "onboarding/first-day.md", "#bring", ""},
		{"roles.md", "team/Roles.md", "", "letter case differs from content/team/Roles.md"},
		{"Chart.PNG", "team/chart.png", "", "letter case differs from content/team/chart.png"},
		{"../handbook/policies/leave.md", "Handbook/Policies/Leave.md", "", "letter case differs from content/Handbook/Policies/Leave.md"},
		{"../handbook/policies/", "Handbook/Policies", "", "letter case differs from content/Handbook/Policies"},
	}
	for _, tt := range tests {
		want := "/kb" + siteURLOf(t, s, tt.target) + tt.fragment
		got := s.Resolve(from, tt.dest, "/kb/")
		if got.Problem != "" || got.URL != want {
			t.Errorf("Resolve(%q) = %q (problem %q); want %q", tt.dest, got.URL, got.Problem, want)
		}
		if !strings.Contains(got.Warning, tt.warning) || (tt.warning == "") != (got.Warning == "") {
			t.Errorf("Resolve(%q).Warning = %q; want %q", tt.dest, got.Warning, tt.warning)
		}
	}
	for dest, want := range map[string]string{
		"../team/weekly.md":     "no page content/team/weekly.md; did you mean content/team/meetings/weekly.md?",
		"meetings/README.md":    "no page content/team/meetings/README.md; did you mean content/onboarding/README.md?",
		"../onboarding/nope.md": "no page content/onboarding/nope.md",
	} {
		if got := s.Resolve(from, dest, "/kb/"); got.Problem != want {
			t.Errorf("Resolve(%q).Problem = %q; want %q", dest, got.Problem, want)
		}
	}
	for _, dest := range []string{"meeting/", "../onboarding/last-day", "/team/nope", "Procurement@example.com"} {
		if got := s.Resolve(from, dest, "/kb/"); got.Problem == "" {
			t.Errorf("Resolve(%q) = %q; want a problem", dest, got.URL)
		}
	}
}

// siteURLOf returns the URL of what the content path names: a page's
// source file, a content file or a folder.
func siteURLOf(t *testing.T, s *Site, target string) string {
	t.Helper()
	if p := s.ByPath(target); p != nil {
		return p.URL
	}
	for _, f := range s.Files {
		if f.Src == target {
			return f.URL
		}
	}
	if p := s.dirs[target]; p != nil {
		return p.URL
	}
	t.Fatalf("no page, file or folder %s", target)
	return ""
}

// fakeAnchors is a site.Anchors over fixed lists of ids.
type fakeAnchors map[*Page][]string

func (f fakeAnchors) Has(p *Page, id string) bool { return slices.Contains(f[p], id) }

func (f fakeAnchors) IDs(p *Page) iter.Seq[string] { return slices.Values(f[p]) }

func TestCheckLinksSuggestsAnchor(t *testing.T) {
	s, _ := model(t, map[string]string{
		"a.md": "# A",
		"b.md": "# B",
	}, "b.png")
	a, b := s.ByPath("a.md"), s.ByPath("b.md")
	anchors := fakeAnchors{b: {"loa-tldr", "sales--ce", "risk-types"}}
	links := []Link{
		{Dest: "b.md#LOA-TLDR", Pos: diag.Pos{File: "content/a.md", Line: 3, Col: 5}},
		{Dest: "b.md#sales-ce"},
		{Dest: "b.md#risk-type"},
		{Dest: "b.md#pricing"},
		{Dest: "b.md#loa-tldr"},
		{Dest: "B.md"},
		{Dest: "b.png#x"}, // a file: its fragment is not checked
	}
	diags, targets := s.CheckLinks(a, links, anchors)
	got := diags.Error()
	for _, want := range []string{
		`content/a.md:3:5: warning: broken link "b.md#LOA-TLDR": content/b.md has no heading with id "LOA-TLDR"; did you mean "#loa-tldr"?`,
		`broken link "b.md#sales-ce": content/b.md has no heading with id "sales-ce"; did you mean "#sales--ce"?`,
		`broken link "b.md#risk-type": content/b.md has no heading with id "risk-type"; did you mean "#risk-types"?`,
		`broken link "b.md#pricing": content/b.md has no heading with id "pricing"` + "\n",
		`link "B.md": letter case differs from content/b.md`,
	} {
		if !strings.Contains(got+"\n", want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if len(diags) != 5 {
		t.Errorf("%d diagnostics; want 5:\n%s", len(diags), got)
	}
	if len(targets) != 6 {
		t.Errorf("targets = %d; want 6", len(targets))
	}
}

func TestNearestAnchor(t *testing.T) {
	ids := []string{"agenda", "loa-tldr", "sales--ce", "leadership-principles", "日本語の見出し", "faq"}
	tests := []struct{ want, near string }{
		{"LOA-TLDR", "loa-tldr"},
		{"loa_tldr", "loa-tldr"},
		{"salesce", "sales--ce"},
		{"Sources-of-escalations", ""},
		{"leadership-principle", "leadership-principles"},
		{"leadershipprinciple", "leadership-principles"},
		{"agnda", "agenda"},
		{"fag", "faq"},
		{"日本語の見出", "日本語の見出し"},
		{"budget", ""},
		{"xyz", ""},
	}
	for _, tt := range tests {
		if got := NearestAnchor(tt.want, slices.Values(ids)); got != tt.near {
			t.Errorf("NearestAnchor(%q) = %q; want %q", tt.want, got, tt.near)
		}
	}
}
