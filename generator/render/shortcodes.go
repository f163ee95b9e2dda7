package render

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/themes"
)

// shortcodeDirs are the folders below layouts/ that hold shortcode
// templates: Hugo's classic one and the one of Hugo 0.146 and later.
var shortcodeDirs = []string{"shortcodes", "_shortcodes"}

// Shortcodes are a site's shortcode templates, layouts/shortcodes/NAME.html
// (NAME may contain slashes: blocks/cover) from the embedded default
// theme, the site's theme folder themes/<theme>/ and the site's own
// layouts/ folder, the later winning name by name. Each runs with a
// markdown.Shortcode as its dot. It is safe for concurrent use and
// implements markdown.ShortcodeTemplates.
type Shortcodes struct {
	set   *template.Template
	files map[string]layoutFile // by shortcode name
}

// LoadShortcodes reads and parses the shortcode templates of a site.
// funcs adds to and overrides the helpers every shortcode template may
// call (see shortcodeFuncs); the build adds markdownify, relURL and
// absURL. Parse errors are diagnostics at the template's file:line:col.
func LoadShortcodes(siteFS fs.FS, theme string, funcs template.FuncMap) (*Shortcodes, diag.List) {
	files := map[string]layoutFile{}
	var diags diag.List
	for _, dir := range shortcodeDirs {
		if isDir(themes.Default, "layouts/"+dir) {
			diags = append(diags, readShortcodes(themes.Default, "layouts/"+dir, "themes/default/layouts/"+dir, files)...)
		}
	}
	if siteFS != nil {
		for _, root := range siteLayoutRoots(theme) {
			for _, dir := range shortcodeDirs {
				d := path.Join(root, dir)
				if isDir(siteFS, d) {
					diags = append(diags, readShortcodes(siteFS, d, d, files)...)
				}
			}
		}
	}
	sc := &Shortcodes{set: template.New("shortcodes").Funcs(shortcodeFuncs()).Funcs(funcs), files: files}
	for _, name := range sortedKeys(files) {
		if _, err := sc.set.New(name).Parse(files[name].source); err != nil {
			diags = append(diags, templateDiag(err, files))
		}
	}
	return sc, diags
}

// siteLayoutRoots are the site's folders with layouts, lowest first.
func siteLayoutRoots(theme string) []string {
	if theme == "" {
		return []string{"layouts"}
	}
	return []string{path.Join("themes", theme, "layouts"), "layouts"}
}

// readShortcodes adds the .html files below dir to files, keyed by their
// path below dir without the extension.
func readShortcodes(fsys fs.FS, dir, display string, files map[string]layoutFile) diag.List {
	found := map[string]layoutFile{}
	diags := readLayouts(fsys, dir, display, found)
	for rel, f := range found {
		files[strings.TrimSuffix(rel, ".html")] = f
	}
	return diags
}

// Has reports whether the site defines the shortcode name.
func (s *Shortcodes) Has(name string) bool {
	if s == nil {
		return false
	}
	_, ok := s.files[name]
	return ok
}

// Execute runs the template of name with dot. An error is a diagnostic at
// the template's file:line:col.
func (s *Shortcodes) Execute(w io.Writer, name string, dot any) error {
	if err := s.set.ExecuteTemplate(w, name, dot); err != nil {
		return templateDiag(err, s.files)
	}
	return nil
}

// shortcodeFuncs are the helpers of Hugo's that shortcode templates use
// most, besides Go's own (printf, len, index, eq…).
func shortcodeFuncs() template.FuncMap {
	return template.FuncMap{
		"safeHTML":     func(s any) template.HTML { return template.HTML(Text(s)) },         //nolint:gosec // the site's own template asks for it
		"safeHTMLAttr": func(s any) template.HTMLAttr { return template.HTMLAttr(Text(s)) }, //nolint:gosec // as above
		"safeURL":      func(s any) template.URL { return template.URL(Text(s)) },           //nolint:gosec // as above
		"lower":        func(s any) string { return strings.ToLower(Text(s)) },
		"upper":        func(s any) string { return strings.ToUpper(Text(s)) },
		"trim":         func(s any, cut string) string { return strings.Trim(Text(s), cut) },
		"replace":      func(s any, old, new string) string { return strings.ReplaceAll(Text(s), old, new) },
		"default":      defaultValue,
		"markdownify":  func(s any) template.HTML { return template.HTML(template.HTMLEscapeString(Text(s))) },
		"relURL":       func(s any) string { return Text(s) },
		"absURL":       func(s any) string { return Text(s) },
	}
}

// defaultValue returns v unless it is empty, else def: {{ .Get "x" | default "y" }}.
func defaultValue(def, v any) any {
	switch x := v.(type) {
	case nil:
		return def
	case string:
		if x == "" {
			return def
		}
	case bool:
		if !x {
			return def
		}
	}
	return v
}

// Text prints a template value as text: strings and template.HTML as they
// are, nil as "", anything else with fmt.
func Text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case template.HTML:
		return string(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
