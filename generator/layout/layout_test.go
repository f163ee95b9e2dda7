package layout

import "testing"

func TestClassify(t *testing.T) {
	cases := map[string]Kind{
		"config.toml":                        Config,
		"content/guides/a.md":                Page,
		"content/guides/A.MD":                Page,
		"content/guides/diagram.png":         ContentFile,
		"static/css/extra.css":               StaticFile,
		"themes/default/static/css/main.css": StaticFile,
		"themes/default/layouts/page.html":   Template,
		"themes/default/theme.toml":          Template,
		"layouts/shortcodes/box.html":        Template,
		"archetypes/playbook.md":             Archetype,
		"README.md":                          Other,
		"public/index.html":                  Other,
		"contentious.txt":                    Other,
		".":                                  Root,
		"content":                            Root,
	}
	for p, want := range cases {
		if got := Classify(p); got != want {
			t.Errorf("Classify(%q) = %d, want %d", p, got, want)
		}
	}
}

func TestIsInput(t *testing.T) {
	for p, want := range map[string]bool{
		"content/a.md": true, "config.toml": true, "static": true, "archetypes/x.md": true,
		"README.md": false, "contentious.txt": false, "generator/pipeline/run.go": false, ".": true,
	} {
		if got := IsInput(p); got != want {
			t.Errorf("IsInput(%q) = %v, want %v", p, got, want)
		}
	}
}
