package render

import (
	"io/fs"
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/themes"
)

// layoutFile is one template source with the path it is reported under.
type layoutFile struct {
	display string // e.g. themes/default/layouts/_default/single.html
	source  string
}

// layoutSources returns every layout of the merged theme keyed by its path
// below layouts/ (e.g. "_default/single.html"); the site's files win.
func layoutSources(siteFS fs.FS, name string) (map[string]layoutFile, diag.List) {
	files := map[string]layoutFile{}
	diags := readLayouts(themes.Default, "layouts", "themes/default/layouts", files)
	if siteFS != nil && name != "" {
		dir := path.Join("themes", name, "layouts")
		if isDir(siteFS, dir) {
			diags = append(diags, readLayouts(siteFS, dir, dir, files)...)
		}
	}
	return files, diags
}

// readLayouts adds every .html file below dir of fsys to files.
func readLayouts(fsys fs.FS, dir, display string, files map[string]layoutFile) diag.List {
	var diags diag.List
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, diag.Errorf(diag.Pos{File: displayPath(p, dir, display)}, "read theme: %w", err))
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags = append(diags, diag.Errorf(diag.Pos{File: displayPath(p, dir, display)}, "read template: %w", err))
			return nil
		}
		rel := strings.TrimPrefix(p, dir+"/")
		files[rel] = layoutFile{display: displayPath(p, dir, display), source: string(data)}
		return nil
	})
	if err != nil {
		diags = append(diags, diag.Errorf(diag.Pos{File: display}, "read theme: %w", err))
	}
	return diags
}

func displayPath(p, dir, display string) string {
	return display + strings.TrimPrefix(p, dir)
}

func isDir(fsys fs.FS, dir string) bool {
	info, err := fs.Stat(fsys, dir)
	return err == nil && info.IsDir()
}
