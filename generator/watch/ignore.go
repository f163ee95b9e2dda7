package watch

import (
	"strings"
)

// editorTempSuffixes are name endings of files that editors write next to
// the file being saved and remove again (vim swap and backup files,
// JetBrains "safe write", Kate, generic temp files).
var editorTempSuffixes = []string{
	".swp", ".swx", ".swo", "~", ".tmp", ".bak", ".kate-swp",
	"___jb_tmp___", "___jb_old___",
}

// IgnoredName reports whether a file or folder with this base name never
// affects the site: dotfiles (including editor lock and swap files such as
// ".#page.md" and ".page.md.swp"), vim's "4913" write test, Emacs
// auto-save files ("#page.md#") and other editor temp files. GitBook's
// ".gitbook" assets folder and ".gitbook.yaml" settings are part of a site.
func IgnoredName(name string) bool {
	if name == ".gitbook" || name == ".gitbook.yaml" {
		return false
	}
	if name == "" || name[0] == '.' || name == "4913" {
		return true
	}
	if len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#' {
		return true
	}
	for _, suffix := range editorTempSuffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// ignoredPath reports whether rel (slash-separated, relative to the watched
// root) is ignored: any of its segments is an ignored name or it lies
// in one of the excluded folders.
func ignoredPath(rel string, exclude []string) bool {
	for _, ex := range exclude {
		if rel == ex || strings.HasPrefix(rel, ex+"/") {
			return true
		}
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if IgnoredName(seg) {
			return true
		}
	}
	return false
}
