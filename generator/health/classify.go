package health

import (
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
)

// Classify gives a build diagnostic its kind: broken links and anchors,
// links to drafts, other warnings and errors. The build's messages are
// the contract (site.CheckLinks writes "broken link …").
func Classify(d *diag.Diagnostic, isDraft func(file string) bool) Kind {
	switch {
	case d.Severity == diag.Error:
		return BuildError
	case strings.HasPrefix(d.Msg, content.PlaceholderMessage):
		return Placeholder
	case !strings.HasPrefix(d.Msg, "broken link "):
		return BuildWarning
	case strings.Contains(d.Msg, " has no heading with id "):
		return BrokenAnchor
	case isDraft != nil && isDraft(missingFile(d.Msg)):
		return DraftLink
	}
	return BrokenLink
}

// missingFile returns the content file a "broken link …: no page
// content/x.md" message names, or "".
func missingFile(msg string) string {
	_, rest, ok := strings.Cut(msg, ": no page content/")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "; "); i >= 0 {
		rest = rest[:i]
	}
	if !strings.HasSuffix(rest, ".md") {
		rest = strings.TrimSuffix(rest, "/") + ".md"
	}
	return "content/" + rest
}

// classify turns a build diagnostic into a finding.
func (c *Checker) classify(d *diag.Diagnostic) Finding {
	k := Classify(d, func(file string) bool { return c.drafts[file] })
	f := newFinding(k, d.Pos, d.Msg)
	if k == DraftLink {
		f.Message = strings.Replace(d.Msg, "broken link", "link to a draft", 1)
		f.Message = strings.Replace(f.Message, "no page "+missingFile(d.Msg), missingFile(d.Msg)+" is a draft and is not published", 1)
	}
	f.Owner = c.owners[d.Pos.File]
	if c.model != nil {
		if p := c.model.ByPath(strings.TrimPrefix(d.Pos.File, "content/")); p != nil {
			f.URL = p.URL
		}
	}
	return f
}
