// Package health finds what is wrong or getting old in a site: broken
// links and anchors, overdue reviews, stale and unowned pages, orphans and
// leftovers of writing (placeholders, missing alt text, skipped heading
// levels). It looks at the site through a pipeline.Inspector, so the site is
// parsed and rendered in memory exactly as a build would, and nothing is
// written. Reports come as text, JSON, GitHub annotations or a GitLab
// Code Quality report.
package health

import (
	"fmt"
	"sort"

	"github.com/playbookhq/playbook/generator/diag"
)

// Kind names what a finding is about. Kinds are stable: CI scripts and the
// JSON schema use them.
type Kind string

// The kinds of finding, in the order reports list them.
const (
	BuildError     Kind = "build-error"     // the build's own errors (missing required fields, bad values)
	BrokenLink     Kind = "broken-link"     // a link to no page or file
	BrokenAnchor   Kind = "broken-anchor"   // a link to a #fragment its page does not have
	DraftLink      Kind = "draft-link"      // a link to a draft, which is not published
	AliasLink      Kind = "alias-link"      // a link to an alias URL instead of the page's own
	BuildWarning   Kind = "build-warning"   // the build's other warnings
	ReviewOverdue  Kind = "review-overdue"  // `reviewed` older than the review interval
	ReviewDue      Kind = "review-due"      // review deadline within [health] dueWithin
	ReviewMissing  Kind = "review-missing"  // review interval set, no `reviewed` date
	Stale          Kind = "stale"           // unchanged (git, else lastmod) for longer than staleAfter
	Unowned        Kind = "unowned"         // no `owner`, after cascades
	OwnerOverdue   Kind = "owner-overdue"   // an owner with more than ownerOverdue overdue pages
	Orphan         Kind = "orphan"          // no page, menu or list links to it
	Placeholder    Kind = "placeholder"     // archetype text left in a published page
	DraftPastDate  Kind = "draft-past-date" // a draft whose date has passed
	ImageAlt       Kind = "image-alt"       // an image without alt text
	HeadingSkip    Kind = "heading-skip"    // a heading more than one level below the one before
	DuplicateTitle Kind = "duplicate-title" // two pages of one section with the same title
)

// Kinds lists every kind in report order.
var Kinds = []Kind{BuildError, BrokenLink, BrokenAnchor, DraftLink, AliasLink, BuildWarning,
	ReviewOverdue, ReviewDue, ReviewMissing, Stale, Unowned, OwnerOverdue, Orphan,
	Placeholder, DraftPastDate, ImageAlt, HeadingSkip, DuplicateTitle}

// Severity ranks findings: errors fail a run by default, warnings with
// --fail-on warning, notices never.
type Severity string

// The severities, most severe first.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevNotice  Severity = "notice"
)

// severityOf is each kind's severity.
var severityOf = map[Kind]Severity{
	BuildError: SevError, BrokenLink: SevWarning, BrokenAnchor: SevWarning, DraftLink: SevWarning,
	AliasLink: SevNotice, BuildWarning: SevWarning, ReviewOverdue: SevWarning, ReviewDue: SevNotice,
	ReviewMissing: SevNotice, Stale: SevWarning, Unowned: SevNotice, OwnerOverdue: SevNotice,
	Orphan: SevNotice, Placeholder: SevWarning, DraftPastDate: SevNotice, ImageAlt: SevWarning,
	HeadingSkip: SevNotice, DuplicateTitle: SevWarning,
}

// KindByName returns the kind named s.
func KindByName(s string) (Kind, bool) {
	_, ok := severityOf[Kind(s)]
	return Kind(s), ok
}

// Finding is one problem, at a position where there is one.
type Finding struct {
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	File     string   `json:"file,omitempty"` // slash path from the site root
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Message  string   `json:"message"`
	Owner    string   `json:"owner,omitempty"` // the page's owner, if known
	URL      string   `json:"url,omitempty"`   // the page's URL, if it has one

	title string // the page's title, for the health page
}

// Pos returns the finding's position.
func (f *Finding) Pos() diag.Pos { return diag.Pos{File: f.File, Line: f.Line, Col: f.Col} }

// String formats the finding as "file:line:col: severity: message [kind]".
func (f *Finding) String() string {
	s := fmt.Sprintf("%s: %s [%s]", f.Severity, f.Message, f.Kind)
	if f.File != "" {
		s = f.Pos().String() + ": " + s
	}
	return s
}

func newFinding(k Kind, pos diag.Pos, msg string) Finding {
	return Finding{Kind: k, Severity: severityOf[k], File: pos.File, Line: pos.Line, Col: pos.Col, Message: msg}
}

// sortFindings orders findings by kind (report order), file, line, column, message.
func sortFindings(fs []Finding) {
	rank := map[Kind]int{}
	for i, k := range Kinds {
		rank[k] = i
	}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Kind != b.Kind:
			return rank[a.Kind] < rank[b.Kind]
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Col != b.Col:
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}
