// Package render turns a *Page into HTML with the site's theme: the embedded
// default theme (package themes) merged file by file with the site's own
// themes/<name>/ folder. Layouts are Go html/template files looked up by the
// page's Kind and Type, Hugo-style; every layout except alias.html extends
// _default/baseof.html by defining "main". data.go is the contract between
// the generator and the templates.
package render
