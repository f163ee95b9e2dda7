package build

import (
	"errors"
	"io/fs"
	"path"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/markdown"
)

// StaticDir is the site folder copied to the output as it is.
const StaticDir = "static"

// copyStatic writes the theme's static files, then the site's static/
// (which wins), then the files that sit beside pages in content/.
func (r *run) copyStatic() {
	files := map[string]func() ([]byte, error){}
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
			r.diags.Add(diag.Errorf(diag.Pos{File: label}, "reading static files: %w", err))
		}
	}
	collect(r.theme.Static(), ".", "theme static")
	collect(r.siteFS, StaticDir, StaticDir)
	for rel, read := range files {
		r.copyFile(rel, read)
	}
	for _, f := range r.model.Files {
		src := path.Join(content.Dir, f.Src)
		r.copyFile(f.OutFile, func() ([]byte, error) { return fs.ReadFile(r.siteFS, src) })
	}
	r.writeSyntaxCSS()
}

func (r *run) copyFile(rel string, read func() ([]byte, error)) {
	if r.inspect != nil { // a check only learns which URLs exist
		r.model.AddKnownURL("/" + rel)
		return
	}
	data, err := read()
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{File: rel}, "reading: %w", err))
		return
	}
	r.model.AddKnownURL("/" + rel)
	r.write(rel, data)
}

// writeSyntaxCSS writes the code-highlighting stylesheet for light and dark.
func (r *run) writeSyntaxCSS() {
	if r.inspect != nil {
		r.model.AddKnownURL("/css/syntax.css")
		return
	}
	css, err := markdown.HighlightCSS(r.cfg.Markup.HighlightStyle, r.cfg.Markup.HighlightDarkStyle)
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{File: "config.toml"}, "markup highlight style: %w", err))
		return
	}
	r.model.AddKnownURL("/css/syntax.css")
	r.write("css/syntax.css", css)
}
