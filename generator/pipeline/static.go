package pipeline

import (
	"errors"
	"io/fs"
	"path"
	"sort"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/render"
)

// StaticDir is the site folder copied to the output as it is.
const StaticDir = layout.Static

// syntaxCSS is where the code-highlighting stylesheet is written.
const syntaxCSS = "css/syntax.css"

// staticFiles maps each static file's output path to a reader of its bytes.
type staticFiles map[string]func() ([]byte, error)

// listStatic lists the theme's static files, then the site's static/
// (which wins). It runs before the site model is made, so that links to
// static files resolve from the first page on.
func listStatic(theme *render.Theme, siteFS fs.FS) (staticFiles, diag.List) {
	files := staticFiles{}
	var diags diag.List
	collect := func(fsys fs.FS, dir, label string) {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := p
			if dir != "." {
				rel = p[len(dir)+1:]
			}
			files[rel] = func() ([]byte, error) { return fs.ReadFile(fsys, p) }
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			diags = append(diags, diag.Errorf(diag.Pos{File: label}, "reading static files: %w", err))
		}
	}
	if theme != nil {
		collect(theme.Static(), ".", "theme static")
	}
	collect(siteFS, StaticDir, StaticDir)
	return files, diags
}

// urls returns the site paths of the static files and of the syntax
// stylesheet: URLs that exist although no page makes them.
func (sf staticFiles) urls() []string {
	out := make([]string, 0, len(sf)+1)
	for rel := range sf {
		out = append(out, "/"+rel)
	}
	out = append(out, "/"+syntaxCSS)
	sort.Strings(out)
	return out
}

// copyStatic writes the static files, then the files that sit beside
// pages in content/, then the syntax stylesheet.
func (r *Run) copyStatic() {
	for rel, read := range r.static {
		r.copyFile(rel, read)
	}
	for _, f := range r.model.Files {
		src := path.Join(content.Dir, f.Src)
		r.copyFile(f.OutFile, func() ([]byte, error) { return fs.ReadFile(r.siteFS, src) })
	}
	r.writeSyntaxCSS()
}

func (r *Run) copyFile(rel string, read func() ([]byte, error)) {
	data, err := read()
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{File: rel}, "reading: %w", err))
		return
	}
	r.write(rel, data)
}

// writeSyntaxCSS writes the code-highlighting stylesheet for light and
// dark, unless a static file of that path replaces it.
func (r *Run) writeSyntaxCSS() {
	if _, ok := r.static[syntaxCSS]; ok {
		return
	}
	css, err := markdown.HighlightCSS(r.cfg.Markup.HighlightStyle, r.cfg.Markup.HighlightDarkStyle)
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{File: "config.toml"}, "markup highlight style: %w", err))
		return
	}
	r.write(syntaxCSS, css)
}
