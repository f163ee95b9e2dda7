package watch

import "testing"

func TestIgnoredPath(t *testing.T) {
	exclude := append([]string{"out"}, DefaultExclude...)
	tests := []struct {
		rel  string
		want bool
	}{
		{"content/a.md", false},
		{"config.toml", false},
		{"content/2024/index.md", false},
		{"themes/default/static/site.css", false},
		{"content/.a.md.swp", true},              // vim swap
		{"content/a.md.swx", true},               // vim swap, second try
		{"content/a.md~", true},                  // vim backup
		{"content/4913", true},                   // vim write test
		{"content/.#a.md", true},                 // emacs lock
		{"content/#a.md#", true},                 // emacs auto-save
		{"content/a.md___jb_tmp___", true},       // JetBrains safe write
		{"content/a.md___jb_old___", true},       // JetBrains safe write
		{"content/a.md.tmp", true},               // generic temp
		{".git/index.lock", true},                // dot folder
		{"content/.hidden/a.md", true},           // dot folder
		{"content/.gitbook/assets/a.png", false}, // GitBook assets
		{"content/.gitbook.yaml", false},         // GitBook redirects
		{"public/index.html", true},              // default output folder
		{"out/index.html", true},                 // excluded output folder
		{"outline/a.md", false},                  // only whole segments match
		{"node_modules/x/package.json", true},
	}
	for _, tt := range tests {
		if got := ignoredPath(tt.rel, exclude); got != tt.want {
			t.Errorf("ignoredPath(%q) = %v; want %v", tt.rel, got, tt.want)
		}
	}
}
