// Package layout owns the folder and file names of a site root (content/,
// static/, themes/, layouts/, archetypes/, config.toml) and classifies a
// changed path by what it feeds: the watcher keeps only site inputs,
// rebuilds decide what to redo, loaders read their folder by these names.
package layout

import (
	"path"
	"strings"
)

// The names of a site root's inputs.
const (
	Content    = "content"     // Markdown pages and the files beside them
	Static     = "static"      // copied to the output as they are
	Themes     = "themes"      // themes/<name>/{layouts,static}
	Layouts    = "layouts"     // the site's own templates and shortcodes
	Archetypes = "archetypes"  // templates of `playbook new`
	ConfigFile = "config.toml" // the site's configuration
)

// inputs are the top-level names a site build reads.
var inputs = []string{Content, Static, Themes, Layouts, Archetypes, ConfigFile}

// Inputs returns the top-level names a site build reads (folders and
// config.toml): an output folder must not be, or lie inside, any of them.
func Inputs() []string { return append([]string(nil), inputs...) }

// Kind is what a changed path feeds.
type Kind int

// The kinds of site path.
const (
	Other       Kind = iota // not read by a build (README.md, the output folder, …)
	Config                  // config.toml
	Page                    // a Markdown file below content/
	ContentFile             // another file below content/, copied beside its page
	StaticFile              // a file below static/ or a theme's static/
	Template                // layouts/, a theme's layouts/ or anything else of a theme
	Archetype               // archetypes/: read by `playbook new`, not by builds
	Root                    // the site root itself, or one of its input folders as a whole
)

// Classify says what the changed path p (slash, relative to the site
// root) feeds.
func Classify(p string) Kind {
	p = strings.TrimPrefix(p, "./")
	switch {
	case p == "" || p == ".":
		return Root
	case p == ConfigFile:
		return Config
	case p == Content || p == Static || p == Themes || p == Layouts:
		return Root
	}
	top, rest, _ := strings.Cut(p, "/")
	switch top {
	case Content:
		if strings.EqualFold(path.Ext(rest), ".md") {
			return Page
		}
		return ContentFile
	case Static:
		return StaticFile
	case Themes:
		if _, sub, ok := strings.Cut(rest, "/"); ok && strings.HasPrefix(sub, Static+"/") {
			return StaticFile
		}
		return Template
	case Layouts:
		return Template
	case Archetypes:
		return Archetype
	}
	return Other
}

// IsInput reports whether p is read by builds or by `playbook new`: what
// the watcher passes on.
func IsInput(p string) bool {
	if p == "." || p == "" {
		return true
	}
	for _, in := range inputs {
		if p == in || strings.HasPrefix(p, in+"/") {
			return true
		}
	}
	return false
}

// ContentPath returns the path of p below content/, and whether p is below it.
func ContentPath(p string) (string, bool) {
	return strings.CutPrefix(p, Content+"/")
}
