package view

import (
	"strings"

	"github.com/playbookhq/playbook/generator/site"
)

// GeneratedFiles returns the output paths (slash, no leading slash) of the
// built-in pages Lists makes for model beyond sections, taxonomies, search,
// 404, extra pages and aliases: the results page and its downloads, the
// what's-new page and the owners directory, each only when it is made. The
// output-path registry claims them.
func GeneratedFiles(model *site.Site) []string {
	var out []string
	if hasEvidence(model) {
		out = append(out, outPath(ResultsURL), outPath(ResultsCSV), outPath(ResultsJSON))
	}
	for _, u := range []string{WhatsNewURL, OwnersURL} {
		if generated(model, u) {
			out = append(out, outPath(u))
		}
	}
	return out
}

// outPath is the output file of a site path: a folder's index.html, or the file.
func outPath(u string) string {
	u = strings.TrimPrefix(u, "/")
	if u == "" || strings.HasSuffix(u, "/") {
		return u + "index.html"
	}
	return u
}
