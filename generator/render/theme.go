package render

import (
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/themes"
)

// Names of the layouts with a special role.
const (
	baseLayout    = "_default/baseof.html"
	partialsDir   = "partials/"
	aliasLayout   = "alias.html"
	mainBlockName = "main"
)

// Theme is a parsed, ready-to-execute theme. It is safe for concurrent use.
type Theme struct {
	name    string
	layouts map[string]*layout // by path below layouts/, partials and baseof excluded
	files   map[string]layoutFile
	static  fs.FS
	shared  *template.Template // baseof and partials, for the card and chrome helpers
	cards   *cardCache         // SummaryKey → card, for summaries without a Card or (keepCards) all
	// keepCards has cards with a Card drawn once per distinct summary
	// too, kept for the next theme (see KeepDrawn).
	keepCards bool
	owners    *cardCache // Owner.Key → the entry drawn by partials/owner.html (see KeepDrawn)
	chromes   sync.Map   // chromeKey → template.HTML
	// chromeSets keeps each layout's Chrome by site (a chromeKey named
	// by the layout's path).
	chromeSets sync.Map
	links      sync.Map // linkKey → string, for the links helper
	blamed     sync.Map // layout rel → *diag.Diagnostic, see execError
}

// layout is one page layout, parsed together with baseof and the partials.
type layout struct {
	tmpl    *template.Template
	entry   string // the template to execute: baseof, or the layout itself
	rel     string // the layout's path below layouts/
	reading        // what its templates read (see Theme.Reads)
}

// LoadTheme merges the embedded default theme with the site's own
// themes/<name>/ folder (site files win, file by file). siteFS is the site
// root and may lack themes/. Parse errors become diagnostics with
// file:line(:col); the returned Theme is nil only when it is unusable.
func LoadTheme(siteFS fs.FS, name string) (*Theme, diag.List) {
	files, diags := layoutSources(siteFS, name)
	th := &Theme{name: name, layouts: map[string]*layout{}, files: files, static: staticFS(siteFS, name), owners: &cardCache{}, cards: &cardCache{}}
	base, parseDiags := parseShared(files, th.funcMap())
	diags = append(diags, parseDiags...)
	if base == nil {
		return nil, diags
	}
	th.shared = base
	for _, rel := range layoutNames(files) {
		l, d := parseLayout(base, rel, files[rel], th.funcMap())
		if d != nil {
			diags = append(diags, d)
			continue
		}
		th.layouts[rel] = l
	}
	return th, diags
}

// KeepDrawn takes over the cards and owners' entries prev has drawn: prev
// was loaded from the same theme files (the live preview's previous
// build, when only content changed since), so its drawings hold. Cards
// are then kept by their summary's key, so that the next theme can take
// them over in turn (prev may be nil).
func (t *Theme) KeepDrawn(prev *Theme) {
	t.keepCards = true
	if prev != nil && prev.name == t.name {
		t.owners = prev.owners
		t.cards = prev.cards
	}
}

// Static returns the merged static/ files of the theme (site override wins).
func (t *Theme) Static() fs.FS { return t.static }

// parseShared parses baseof and every partial into one template set that
// each layout clones.
func parseShared(files map[string]layoutFile, funcs template.FuncMap) (*template.Template, diag.List) {
	base := template.New("playbook-theme").Funcs(funcs)
	var diags diag.List
	for _, rel := range sortedKeys(files) {
		if rel != baseLayout && !strings.HasPrefix(rel, partialsDir) {
			continue
		}
		f := files[rel]
		if _, err := base.New(rel).Parse(f.source); err != nil {
			diags = append(diags, templateDiag(err, files))
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return base, diags
}

// parseLayout clones the shared set and adds the layout rel to it.
func parseLayout(base *template.Template, rel string, f layoutFile, funcs template.FuncMap) (*layout, *diag.Diagnostic) {
	files := map[string]layoutFile{rel: f}
	alone, err := template.New(rel).Funcs(funcs).Parse(f.source)
	if err != nil {
		return nil, templateDiag(err, files)
	}
	set, err := base.Clone()
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: f.display}, "clone base templates: %w", err)
	}
	if _, err := set.New(rel).Parse(f.source); err != nil {
		return nil, templateDiag(err, files)
	}
	entry := rel
	if rel != aliasLayout && alone.Lookup(mainBlockName) != nil {
		entry = baseLayout
	}
	return &layout{tmpl: set, entry: entry, rel: rel, reading: read(set)}, nil
}

// layoutNames lists the executable layouts: everything except baseof,
// partials and shortcodes (see LoadShortcodes), in a stable order.
func layoutNames(files map[string]layoutFile) []string {
	var names []string
	for _, rel := range sortedKeys(files) {
		if rel != baseLayout && !strings.HasPrefix(rel, partialsDir) && !isShortcode(rel) {
			names = append(names, rel)
		}
	}
	return names
}

// isShortcode reports whether a layout path is a shortcode template.
func isShortcode(rel string) bool {
	for _, dir := range shortcodeDirs {
		if strings.HasPrefix(rel, dir+"/") {
			return true
		}
	}
	return false
}

func sortedKeys(files map[string]layoutFile) []string {
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// staticFS is the theme's static/ folder: the site's files over the default.
func staticFS(siteFS fs.FS, name string) fs.FS {
	lower := subOrEmpty(themes.Default, "static")
	if siteFS == nil || name == "" {
		return lower
	}
	dir := path.Join("themes", name, "static")
	if !isDir(siteFS, dir) {
		return lower
	}
	return overlayFS{upper: subOrEmpty(siteFS, dir), lower: lower}
}
