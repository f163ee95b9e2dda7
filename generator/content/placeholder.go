package content

import (
	"bytes"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// PlaceholderMark starts every placeholder text the built-in archetypes
// write (`description = "TODO: one sentence …"`); a site's archetypes
// mark theirs the same way.
const PlaceholderMark = "TODO:"

// PlaceholderMessage starts the warning about a placeholder left in a
// published page (health classifies build warnings by it).
const PlaceholderMessage = "placeholder text from `playbook new` left in a published page"

// checkPlaceholders warns about each line of a published page that still
// holds archetype placeholder text: a front-matter line with "TODO:" in
// it, or a body line starting with it. Pages without the mark pay one
// bytes.Index.
func (p *Page) checkPlaceholders(src []byte, sp Split) diag.List {
	if p.Meta.Draft || !bytes.Contains(src, []byte(PlaceholderMark)) {
		return nil
	}
	var diags diag.List
	for i, l := range bytes.Split(src, []byte("\n")) {
		n := i + 1
		inMatter := n >= sp.MatterLine && n < sp.MatterLine+bytes.Count(sp.Matter, []byte("\n"))+1 && sp.Format != NoFrontMatter
		inBody := n > p.BodyLine
		t := strings.TrimSpace(string(l))
		at := strings.Index(t, PlaceholderMark)
		if at < 0 || !(inMatter || inBody && at == 0) {
			continue
		}
		col := strings.Index(string(l), PlaceholderMark) + 1
		diags = append(diags, diag.Warnf(diag.Pos{File: p.File, Line: n, Col: col},
			PlaceholderMessage+": %q (write the real text, or keep draft = true until it is done)", clip(t[at:])))
	}
	return diags
}

// clip cuts a placeholder at the end of its quoted value and to 60 bytes.
func clip(s string) string {
	if i := strings.IndexAny(s, `"'`); i >= 0 {
		s = s[:i]
	}
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}
