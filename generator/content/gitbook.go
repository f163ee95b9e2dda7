package content

import (
	"errors"
	"io/fs"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"go.yaml.in/yaml/v3"
)

// GitBook keeps a space's uploaded images and files in a hidden folder at
// the root of the content, and its redirects in a hidden settings file.
// Both are part of the handbook although their names start with a dot.
const (
	// GitBookAssets is the folder below content/ whose files are published
	// (at "/gitbook/…", without the dot, so any static host serves them).
	GitBookAssets = ".gitbook"
	// GitBookConfig is the settings file below content/ whose redirects
	// become aliases.
	GitBookConfig = ".gitbook.yaml"
)

// Redirect is an old path that should lead to a page: one entry of
// .gitbook.yaml's redirects.
type Redirect struct {
	From string   // old path as written, e.g. "company/old-page"
	To   string   // Markdown file as written, e.g. "/operations/new-page.md"
	Pos  diag.Pos // where the entry is
}

// keptHidden reports whether a dot-named file or folder directly below
// content/ is nevertheless part of the site.
func keptHidden(rel string) bool {
	return rel == GitBookAssets
}

// loadRedirects reads the redirects of content/.gitbook.yaml, if there is
// one, in the order they are written.
func loadRedirects(site fs.FS) ([]Redirect, diag.List) {
	file := Dir + "/" + GitBookConfig
	src, err := fs.ReadFile(site, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: file}, "reading GitBook settings: %w", err)}
	}
	var doc struct {
		Redirects yaml.Node `yaml:"redirects"`
	}
	if err := yaml.Unmarshal(src, &doc); err != nil {
		d := yamlError(file, 1, err)
		d.Severity = diag.Warning
		d.Msg = strings.Replace(d.Msg, "invalid YAML front matter", "invalid GitBook settings (redirects ignored)", 1)
		return nil, diag.List{d}
	}
	return redirectsOf(file, &doc.Redirects)
}

// redirectsOf reads the old → new pairs of a YAML mapping.
func redirectsOf(file string, m *yaml.Node) ([]Redirect, diag.List) {
	if m.Kind == 0 {
		return nil, nil
	}
	if m.Kind != yaml.MappingNode {
		return nil, diag.List{diag.Warnf(diag.Pos{File: file, Line: m.Line, Col: m.Column}, "GitBook redirects must be a mapping of old path to file; ignored")}
	}
	var out []Redirect
	var diags diag.List
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		pos := diag.Pos{File: file, Line: k.Line, Col: k.Column}
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || k.Value == "" || v.Value == "" {
			diags = append(diags, diag.Warnf(pos, "GitBook redirect must map a path to a file; ignored"))
			continue
		}
		out = append(out, Redirect{From: k.Value, To: v.Value, Pos: pos})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos.Line < out[j].Pos.Line })
	return out, diags
}
