package render

import (
	"testing"
	"testing/fstest"
)

// TestReadsTaxonomies checks which layouts may read the site's
// taxonomies: the default home page does, its single page does not, and
// a layout that prints or passes on a whole page or site may read all.
func TestReadsTaxonomies(t *testing.T) {
	def, diags := LoadTheme(fstest.MapFS{}, "default")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if !def.Reads(&Page{Kind: KindHome}, "Taxonomies") {
		t.Error("the default home page does not read the taxonomies")
	}
	if def.Reads(&Page{Kind: KindPage}, "Taxonomies") || def.Reads(&Page{Kind: KindPage, Type: "playbook"}, "Taxonomies") {
		t.Error("the default single pages read the taxonomies")
	}
	cases := map[string]bool{
		`{{ range .Site.Taxonomies }}{{ .Title }}{{ end }}`: true,
		`{{ with $.Site }}{{ len .Taxonomies }}{{ end }}`:   true,
		`{{ .Site }}`:                                                   true,
		`{{ with .Site }}{{ . }}{{ end }}`:                              true,
		`{{ printf "%v" $ }}`:                                           true,
		`{{ $s := .Site }}{{ $s }}`:                                     true,
		`{{ .Site | printf "%v" }}`:                                     true,
		`{{ (or .Site 1) }}`:                                            true,
		`{{ . }}`:                                                       true,
		`{{ range .Tags }}{{ . }}{{ end }}`:                             false,
		`{{ $s := .Site }}{{ $s.Title }}`:                               false,
		`{{ range $i, $t := .Tags }}{{ $t }}{{ end }}`:                  false,
		`{{ chrome "partials/footer.html" .Site }}{{ len .Tags }}`:      false,
		`{{ with .Params }}{{ printf "%v" . }}{{ end }}`:                false,
		`{{ plural (len .Tags) "tag" "tags" }}{{ .Site.Title | html }}`: false,
	}
	for src, want := range cases {
		th, diags := LoadTheme(fstest.MapFS{"themes/x/layouts/_default/single.html": {Data: []byte(`{{ define "main" }}` + src + `{{ end }}`)}}, "x")
		if len(diags) > 0 {
			t.Fatalf("%s: %v", src, diags)
		}
		if got := th.Reads(&Page{Kind: KindPage}, "Taxonomies"); got != want {
			t.Errorf("%s: reads the taxonomies %v, want %v", src, got, want)
		}
	}
}
