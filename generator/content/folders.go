package content

import (
	"path"
	"strings"
)

// IsReadme reports whether the page is a README.md (in any case), which
// GitHub and GitBook show as its folder's page.
func (p *Page) IsReadme() bool {
	return strings.EqualFold(path.Base(p.Path), "README.md")
}

// FolderPages returns every page that is a folder's own page, with that
// folder (a slash path below content/, "" for content/ itself). A folder's
// page is, in this order:
//   - its _index.md or index.md (both are returned when both exist, so
//     that the caller can report the clash);
//   - foo.md beside the folder foo/, when foo/ holds pages (Hugo publishes
//     foo.md at /foo/ and the folder's pages below it);
//   - its README.md (GitHub, GitBook).
//
// Any other page is not a folder's page.
func FolderPages(pages []*Page) map[*Page]string {
	out, _ := folderInfo(pages)
	return out
}

// folderInfo returns FolderPages and the set of folders that hold pages.
func folderInfo(pages []*Page) (map[*Page]string, map[string]bool) {
	out := map[*Page]string{}
	hasIndex := map[string]bool{}
	hasPages := map[string]bool{}
	for _, p := range pages {
		if p.IsIndex() {
			out[p] = p.Dir()
			hasIndex[p.Dir()] = true
		}
		for d := p.Dir(); d != ""; d = parent(d) {
			if hasPages[d] {
				break
			}
			hasPages[d] = true
		}
	}
	claimed := map[string]bool{}
	for _, p := range pages {
		if p.IsIndex() || p.IsReadme() || !strings.EqualFold(path.Ext(p.Path), ".md") {
			continue
		}
		folder := strings.TrimSuffix(p.Path, path.Ext(p.Path))
		if hasPages[folder] && !hasIndex[folder] {
			out[p] = folder
			claimed[folder] = true
		}
	}
	for _, p := range pages {
		if p.IsReadme() && !hasIndex[p.Dir()] && !claimed[p.Dir()] && !claimed["\x00"+p.Dir()] {
			out[p] = p.Dir()
			claimed["\x00"+p.Dir()] = true // one README per folder (names differing in case)
		}
	}
	return out, hasPages
}

// parent returns the folder above d ("" at the top).
func parent(d string) string {
	if i := strings.LastIndexByte(d, '/'); i >= 0 {
		return d[:i]
	}
	return ""
}
