package health

import (
	"fmt"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
)

// ignoredArchetypeKeys hold values an archetype fills in that a real page
// may well keep (its owner, teams) or that are the page's own.
var ignoredArchetypeKeys = map[string]bool{"title": true, "date": true, "owner": true, "teams": true, "tags": true, "draft": true}

// Placeholders returns the text values an archetype's front matter sets
// (decoded with matter), except those a real page keeps on purpose (owner,
// teams, title, date) and single words: "One sentence on when…",
// "Company name". A published page that still holds one was never
// finished.
func Placeholders(matter map[string]any) []string {
	var out []string
	for k, v := range matter {
		if ignoredArchetypeKeys[k] {
			continue
		}
		if s, ok := v.(string); ok && strings.Contains(strings.TrimSpace(s), " ") {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// matterPlaceholders reports front-matter values that are archetype text.
func (c *Checker) matterPlaceholders(p *content.Page) []Finding {
	if len(c.opts.Placeholders) == 0 {
		return nil
	}
	is := map[string]bool{}
	for _, ph := range c.opts.Placeholders {
		is[ph] = true
	}
	var fs []Finding
	check := func(key, v string) {
		if is[v] && !strings.Contains(v, content.PlaceholderMark) { // marked ones: the build warns
			fs = append(fs, newFinding(Placeholder, p.KeyPos(key), fmt.Sprintf("%s is still the archetype's placeholder %q", key, v)))
		}
	}
	check("description", p.Meta.Description)
	check("summary", p.Meta.Summary)
	keys := make([]string, 0, len(p.Meta.Params))
	for k := range p.Meta.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if s, ok := p.Meta.Params[k].(string); ok {
			check(k, s)
		}
	}
	return fs
}
