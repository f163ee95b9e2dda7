package content

import (
	"io/fs"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
)

// cascadeRule is one entry of a folder page's front-matter `cascade`
// (Hugo's): values that the pages below it take unless they set them.
type cascadeRule struct {
	values map[string]any // lowercase keys
	path   string         // _target.path: a glob on the page's path, "" for any
	kind   string         // _target.kind: "page", "section", "home" or "" for any
	line   int            // the line of the `cascade` key
}

// Inherited is what a page takes from the cascades of the folder pages
// above it: values by (lowercase) key, and where each was set.
type Inherited struct {
	Values map[string]any
	From   map[string]diag.Pos
}

// Inherited returns what the page took from cascades (empty when nothing).
func (p *Page) Inherited() Inherited { return p.inherited }

// HasCascade reports whether the page's front matter has a `cascade`.
func (p *Page) HasCascade() bool { return len(p.cascade) > 0 }

// readCascade reads `cascade`: one table, or a list of tables each with an
// optional `_target` of `path` (a glob such as "/docs/**") and `kind`.
func readCascade(r *fieldReader) []cascadeRule {
	v, ok := r.take("cascade")
	if !ok {
		return nil
	}
	var tables []map[string]any
	switch c := v.(type) {
	case map[string]any:
		tables = []map[string]any{c}
	case []map[string]any:
		tables = c
	case []any:
		for _, e := range c {
			m, ok := e.(map[string]any)
			if !ok {
				r.fail("cascade", "must be a table or a list of tables")
				return nil
			}
			tables = append(tables, m)
		}
	default:
		r.fail("cascade", "must be a table or a list of tables, not %s", typeName(v))
		return nil
	}
	var rules []cascadeRule
	for _, m := range tables {
		if rule, ok := cascadeEntry(r, lowerKeys(m)); ok {
			rules = append(rules, rule)
		}
	}
	return rules
}

// cascadeEntry reads one table of `cascade`.
func cascadeEntry(r *fieldReader, m map[string]any) (cascadeRule, bool) {
	rule := cascadeRule{values: map[string]any{}, line: r.lines["cascade"]}
	for k, v := range m {
		if k != "_target" && k != "target" && k != "cascade" {
			rule.values[k] = v
		}
	}
	t, ok := m["_target"]
	if !ok {
		t, ok = m["target"] // Hugo's older name
	}
	if !ok {
		return rule, true
	}
	target, isMap := t.(map[string]any)
	if !isMap {
		r.fail("cascade", "_target must be a table with path and kind")
		return rule, false
	}
	target = lowerKeys(target)
	rule.path, _ = target["path"].(string)
	rule.kind, _ = target["kind"].(string)
	rule.kind = strings.ToLower(rule.kind)
	if rule.path != "" && !doublestar.ValidatePattern(rule.path) {
		r.fail("cascade", "_target path %q is not a valid glob", rule.path)
		return rule, false
	}
	return rule, true
}

// matches reports whether the rule applies to a page of the given Hugo
// path ("/docs/tasks/beds") and kind.
func (c cascadeRule) matches(hugoPath, kind string) bool {
	if c.kind != "" && c.kind != kind {
		return false
	}
	if c.path == "" {
		return true
	}
	ok, _ := doublestar.Match(strings.ToLower(c.path), hugoPath)
	return ok
}

// applyCascade gives each page the values that the cascades of the folder
// pages above it set and that it does not set itself, the nearest folder
// first. A page that inherits anything is parsed again from its file (the
// cached page stays as it is); every other page is returned unchanged, and
// a site without any cascade costs nothing.
func applyCascade(site fs.FS, pages []*Page, cfg *config.Config) ([]*Page, diag.List) {
	carriers := false
	for _, p := range pages {
		carriers = carriers || p.HasCascade()
	}
	if !carriers {
		return pages, nil
	}
	folders, hasPages := folderInfo(pages)
	byFolder := map[string]*Page{}
	for p, f := range folders {
		if p.HasCascade() && (byFolder[f] == nil || p.IsIndex()) {
			byFolder[f] = p
		}
	}
	out := make([]*Page, len(pages))
	var diags diag.List
	for i, p := range pages {
		out[i] = p
		inh := inheritFor(p, folders, hasPages, byFolder)
		if len(inh.Values) == 0 {
			continue
		}
		d, ds := reparse(site, p, cfg, inh)
		diags = append(diags, ds...)
		if d != nil {
			out[i] = d
		}
	}
	return out, diags
}

// inheritFor collects what page p takes from the cascades above it.
func inheritFor(p *Page, folders map[*Page]string, hasPages map[string]bool, byFolder map[string]*Page) Inherited {
	hugoPath, kind := "/"+strings.TrimSuffix(p.Path, ".md"), "page"
	start, isFolder := folders[p]
	if isFolder {
		hugoPath = "/" + start
		if hasPages[start] || start == "" {
			kind = "section"
		}
		if start == "" {
			kind = "home"
		}
		start = parent(start)
	} else {
		start = p.Dir()
	}
	hugoPath = strings.ToLower(hugoPath)
	var inh Inherited
	for d := start; ; d = parent(d) {
		if c := byFolder[d]; c != nil && c != p {
			inh.take(p, c, hugoPath, kind)
		}
		if d == "" {
			return inh
		}
	}
}

// take adds the values of carrier c's matching rules that neither the
// page nor a nearer cascade set.
func (inh *Inherited) take(p, c *Page, hugoPath, kind string) {
	for _, rule := range c.cascade {
		if !rule.matches(hugoPath, kind) {
			continue
		}
		for k, v := range rule.values {
			if _, set := inh.Values[k]; set || p.keys[k] {
				continue
			}
			if inh.Values == nil {
				inh.Values, inh.From = map[string]any{}, map[string]diag.Pos{}
			}
			inh.Values[k] = v
			inh.From[k] = diag.Pos{File: c.File, Line: rule.line}
		}
	}
}

// reparse parses page p again from its file with the inherited values.
func reparse(site fs.FS, p *Page, cfg *config.Config, inh Inherited) (*Page, diag.List) {
	src, err := fs.ReadFile(site, p.File)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: p.File}, "reading page: %w", err)}
	}
	if hashBytes(src) != p.Hash {
		return nil, diag.List{diag.Errorf(diag.Pos{File: p.File}, "%w", ErrChanged)}
	}
	d, diags := ParseInherited(p.Path, src, cfg, inh)
	if d != nil && p.dropped {
		d.dropBody()
	}
	return d, diags
}
