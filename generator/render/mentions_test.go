package render

import (
	"strings"
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

// TestReadsThroughChrome checks which names a layout reads outside the
// partials only the chrome helper draws: the default pages show the
// site's menu and sections only in their header and footer, a layout
// that names them itself or executes the footer with {{ template }}
// reads them directly, and one that names a chrome partial other than
// by a constant may read anything.
func TestReadsThroughChrome(t *testing.T) {
	def, diags := LoadTheme(fstest.MapFS{}, "default")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	single := &Page{Kind: KindPage, Site: &Site{Title: "Hub", Sections: []Link{{Title: "Guides", URL: "/guides/"}}}}
	for _, name := range []string{"Menu", "Sections"} {
		if def.ReadsDirectly(single, name) {
			t.Errorf("the default single page reads the site's %s outside its chrome", name)
		}
		if !def.Reads(single, name) {
			t.Errorf("the default single page does not read the site's %s at all", name)
		}
	}
	if !def.ReadsDirectly(single, "Title") || !def.ReadsDirectly(&Page{Kind: Kind404}, "Sections") {
		t.Error("a name read outside the chrome is not read directly")
	}
	c, ok := def.Chrome(single)
	if !ok || c.Sum() == 0 {
		t.Fatal("the default single page has no chrome")
	}
	single.Site = &Site{Title: "Hub", Sections: []Link{{Title: "Playbooks", URL: "/playbooks/"}}}
	other, _ := def.Chrome(single)
	swapped := 0
	other.Changed(c, func(old, now string) {
		swapped++
		if !strings.Contains(old, "Guides") || !strings.Contains(now, "Playbooks") {
			t.Errorf("the changed chrome is not the footer: %q → %q", old, now)
		}
	})
	if other.Sum() == c.Sum() || swapped != 1 {
		t.Errorf("new sections change %d chrome partials (sums %x, %x); want the footer", swapped, c.Sum(), other.Sum())
	}
	cases := map[string]bool{
		`{{ range .Site.Sections }}{{ .Title }}{{ end }}`:                                    true,
		`{{ template "partials/footer.html" .Site }}`:                                        true,
		`{{ $n := "partials/footer.html" }}{{ chrome $n .Site }}`:                            true,
		`{{ chrome "partials/footer.html" .Site }}{{ chrome "partials/header.html" .Site }}`: false,
	}
	for src, want := range cases {
		th, diags := LoadTheme(fstest.MapFS{"themes/x/layouts/_default/single.html": {Data: []byte(`{{ define "main" }}` + src + `{{ end }}`)}}, "x")
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		if got := th.ReadsDirectly(&Page{Kind: KindPage}, "Sections"); got != want {
			t.Errorf("%s: ReadsDirectly(Sections) = %v; want %v", src, got, want)
		}
	}
}
