package health

import (
	"fmt"
	"io"

	"github.com/playbookhq/playbook/generator/diag"
)

// summaryLabel names a kind in the build's warning summary.
var summaryLabel = map[Kind]string{
	BrokenLink:   "broken links",
	BrokenAnchor: "broken anchors",
	BuildWarning: "other warnings",
}

// WriteWarningSummary writes a build's warnings grouped by kind ("broken
// anchors: 366 in 120 files"), the first perKind of each, instead of every
// one; it returns how many it left out.
func WriteWarningSummary(w io.Writer, warnings diag.List, perKind int) int {
	groups := map[Kind]diag.List{}
	for _, d := range warnings {
		k := Classify(d, nil)
		groups[k] = append(groups[k], d)
	}
	left := 0
	for _, k := range []Kind{BrokenLink, BrokenAnchor, BuildWarning} {
		g := groups[k]
		if len(g) == 0 {
			continue
		}
		files := map[string]bool{}
		for _, d := range g {
			files[d.Pos.File] = true
		}
		fmt.Fprintf(w, "%s: %d in %d %s\n", summaryLabel[k], len(g), len(files), plural(len(files), "file", "files"))
		for i, d := range g {
			if i == perKind {
				fmt.Fprintf(w, "  … and %d more\n", len(g)-perKind)
				left += len(g) - perKind
				break
			}
			fmt.Fprintf(w, "  %s\n", d.Error())
		}
	}
	return left
}
