package config

import (
	"io/fs"
	"path"

	"github.com/BurntSushi/toml"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
)

// checkTheme reports a theme that is neither the embedded default nor a
// folder themes/<name> in the site, at the line of config.toml that names
// it: a misspelt theme would otherwise build silently with the default.
func checkTheme(fsys fs.FS, src []byte, name string) *diag.Diagnostic {
	if name == "" || name == "default" {
		return nil
	}
	dir := path.Join(layout.Themes, name)
	if info, err := fs.Stat(fsys, dir); err == nil && info.IsDir() && fs.ValidPath(dir) {
		return nil
	}
	return diag.Errorf(diag.Pos{File: FileName, Line: keyLine(src, toml.Key{"theme"})},
		"theme %q not found: there is no folder %s (the embedded theme is \"default\")", name, dir)
}
