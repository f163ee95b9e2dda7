package site

import (
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
)

// makeRedirects turns the redirects of a GitBook space (.gitbook.yaml)
// into aliases, so links to a page's old address keep working. The old path
// is published like a page path ("company/old" → "/company/old/"); the new
// one names a Markdown file from the content root, as GitBook writes it.
// A redirect whose old path is a page's own URL, or whose file is missing,
// is a warning and is left out: the page wins, as it does on GitBook.
func (s *Site) makeRedirects(redirects []content.Redirect) diag.List {
	var diags diag.List
	seen := map[string]bool{}
	for _, a := range s.Aliases {
		seen[a.URL] = true
	}
	for _, r := range redirects {
		from, ok := redirectURL(r.From, !s.Config.DisablePathToLower)
		if !ok {
			diags = append(diags, diag.Warnf(r.Pos, "GitBook redirect %q: old path must be a path on this site without .. or #; ignored", r.From))
			continue
		}
		target := s.redirectTarget(r.To)
		if p := s.byURL[from]; p != nil && p != target && target != nil {
			s.yieldToAlias(p) // a generated folder list gives way, as to an alias
		}
		switch {
		case target == nil:
			diags = append(diags, diag.Warnf(r.Pos, "GitBook redirect %q: no page content/%s; ignored", r.From, cleanFile(r.To)))
		case s.byURL[from] != nil && s.byURL[from] != target:
			diags = append(diags, diag.Warnf(r.Pos, "GitBook redirect %q: %s already lives at %s; ignored", r.From, s.byURL[from].File(), from))
		case s.byURL[from] == nil && !seen[from]:
			seen[from] = true
			s.Aliases = append(s.Aliases, Alias{URL: from, OutFile: outFile(from), Target: target})
		}
	}
	return diags
}

// redirectURL maps an old GitBook path to the URL it was served at.
func redirectURL(old string, lower bool) (string, bool) {
	old = strings.Trim(strings.TrimSpace(old), "/")
	if old == "" || strings.ContainsAny(old, "#?") {
		return "", false
	}
	segs := strings.Split(old, "/")
	for i, seg := range segs {
		if seg == ".." || seg == "." || seg == "" {
			return "", false
		}
		segs[i] = urlize(strings.TrimSuffix(seg, ".md"), lower)
	}
	if last := segs[len(segs)-1]; strings.EqualFold(last, "readme") {
		segs = segs[:len(segs)-1]
	}
	if len(segs) == 0 {
		return "", false
	}
	return "/" + strings.Join(segs, "/") + "/", true
}

// redirectTarget finds the page a redirect names by its Markdown file.
func (s *Site) redirectTarget(to string) *Page {
	return s.byPath[cleanFile(to)]
}

// cleanFile turns "/a/b.md#x" or "./a/b.md" into the content path "a/b.md".
func cleanFile(to string) string {
	if i := strings.IndexByte(to, '#'); i >= 0 {
		to = to[:i]
	}
	return strings.TrimPrefix(path.Clean("/"+strings.TrimSpace(to)), "/")
}
