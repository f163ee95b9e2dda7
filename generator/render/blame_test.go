package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

// An escaping error that html/template reports against baseof without a
// line is blamed on the block of the layout that causes it.
func TestEndContextBlamedOnLayout(t *testing.T) {
	site := fstest.MapFS{
		"themes/mine/layouts/guide/single.html": {Data: []byte("{{ define \"main\" }}\n<p>fine</p>\n<a href=\"{{ .Title }}\n{{ end }}\n")},
	}
	th, diags := LoadTheme(site, "mine")
	if th == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	err := th.Execute(new(strings.Builder), basePage(KindPage, "guide", "G", "/g/"))
	want := `themes/mine/layouts/guide/single.html:1:19: block "main" ends in a non-text context`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %s…", err, want)
	}
}
