package content

import (
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// foldKeys makes the top-level front-matter keys lowercase, as Hugo does,
// so that "Title:" sets the title. Lines follow their keys. When one key
// is set twice in different case, the lowercase spelling (else the first
// in the file) wins and the other is reported as a warning at its line.
func foldKeys(file string, raw map[string]any, lines map[string]int) diag.List {
	var upper []string
	for k := range raw {
		if k != strings.ToLower(k) {
			upper = append(upper, k)
		}
	}
	if len(upper) == 0 {
		return nil // the usual case: nothing to do
	}
	// Visit keys in file order so that "first in the file" is well defined.
	sort.Slice(upper, func(i, j int) bool {
		if lines[upper[i]] != lines[upper[j]] {
			return lines[upper[i]] < lines[upper[j]]
		}
		return upper[i] < upper[j]
	})
	var diags diag.List
	for _, k := range upper {
		low := strings.ToLower(k)
		v, line := raw[k], lines[k]
		delete(raw, k)
		delete(lines, k)
		if _, taken := raw[low]; taken {
			diags = append(diags, diag.Warnf(diag.Pos{File: file, Line: line},
				"front matter %q is also set as %q (keys ignore case); this one is ignored", k, low))
			continue
		}
		raw[low] = v
		if line > 0 {
			lines[low] = line
		}
	}
	return diags
}
