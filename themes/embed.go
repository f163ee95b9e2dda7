// Package themes embeds playbook's default theme: Go html/template layouts in
// default/layouts and CSS/JS in default/static. A site overrides any file by
// putting one with the same path under its own themes/<name>/ folder.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default is the default theme, rooted at the theme folder: it holds
// layouts/ and static/. Files kept gzipped in the repository ("X.gz", the
// large vendored libraries) appear inflated under their own name "X".
var Default fs.FS = newGunzipFS(mustSub(embedded, "default"))

// mustSub returns the sub-tree dir of fsys; dir is a constant that exists
// in the embedded files, so an error cannot happen at run time.
func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return fsys
	}
	return sub
}
