package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadDefaultsWithoutFile(t *testing.T) {
	cfg, diags := Load(fstest.MapFS{})
	if len(diags) != 0 {
		t.Fatalf("Load(empty) diagnostics = %v", diags)
	}
	if cfg.BaseURL != "/" || cfg.Taxonomies["tag"] != "tags" || cfg.Types["playbook"].Section != "playbooks" || cfg.Paginate != 50 {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestParse(t *testing.T) {
	src := `title = "Hub"
baseURL = "https://intranet.example.com/playbook"
titel = "typo"
[params]
anything = "goes"
[markup]
unsafe = true
colour = "red"
[types.playbook]
required = ["title"]
[[menu.main]]
name = "B"
url = "/b/"
weight = 2
[[menu.main]]
name = "A"
url = "/a/"
weight = 1
`
	cfg, diags := Parse([]byte(src), Default())
	if cfg.Title != "Hub" || cfg.BaseURL != "https://intranet.example.com/playbook/" || cfg.BasePath() != "/playbook/" {
		t.Errorf("title/base = %q %q %q", cfg.Title, cfg.BaseURL, cfg.BasePath())
	}
	if !cfg.Markup.Unsafe || len(cfg.Types["playbook"].Required) != 1 || cfg.Types["guide"].Section != "guides" {
		t.Errorf("markup/types = %+v %+v", cfg.Markup, cfg.Types)
	}
	if m := cfg.Menu["main"]; len(m) != 2 || m[0].Name != "A" {
		t.Errorf("menu = %+v; want A before B", m)
	}
	got := diags.Error()
	for _, want := range []string{`config.toml:3: warning: unknown config key "titel"`, `config.toml:8: warning: unknown config key "markup.colour"`} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics %q lack %q", got, want)
		}
	}
	if strings.Contains(got, "anything") {
		t.Errorf("params keys reported as unknown: %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title = \n", "config.toml:1:"},
		{"baseURL = \"ftp://x/\"\n", "scheme must be http or https"},
		{"baseURL = \"docs\"\n", "must be absolute"},
		{"paginate = 0\n", "paginate must be at least 1"},
		{"title = \"x\"\n[markup]\nunsafe = true\nautoHeadingIDType = \"gitlab\"\n", `config.toml:4: markup.autoHeadingIDType "gitlab": must be one of github, github-ascii, blackfriday`},
		{"[markup.goldmark.parser]\nautoHeadingIDType = \"GitHub\"\n", `config.toml:2: markup.goldmark.parser.autoHeadingIDType "GitHub"`},
	}
	for _, tt := range tests {
		_, diags := Parse([]byte(tt.src), Default())
		if !diags.HasErrors() || !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v; want an error containing %q", tt.src, diags, tt.want)
		}
	}
}

func TestAutoHeadingIDType(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "github"},
		{"[markup]\nautoHeadingIDType = \"blackfriday\"\n", "blackfriday"},
		{"[markup.goldmark.parser]\nautoHeadingIDType = \"github-ascii\"\n", "github-ascii"},
		// playbook's own key wins over Hugo's spelling.
		{"[markup]\nautoHeadingIDType = \"github\"\n[markup.goldmark.parser]\nautoHeadingIDType = \"blackfriday\"\n", "github"},
	}
	for _, tt := range tests {
		cfg, diags := Parse([]byte(tt.src), Default())
		if len(diags) != 0 {
			t.Errorf("Parse(%q): unexpected diagnostics %v", tt.src, diags)
		}
		if cfg.Markup.AutoHeadingIDType != tt.want {
			t.Errorf("Parse(%q): autoHeadingIDType = %q; want %q", tt.src, cfg.Markup.AutoHeadingIDType, tt.want)
		}
	}
}

func TestGitBookSpaceHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"plain site", fstest.MapFS{"content/a.md": {}}, "github"},
		{"gitbook settings", fstest.MapFS{"content/.gitbook.yaml": {}}, "blackfriday"},
		{"gitbook assets", fstest.MapFS{"content/.gitbook/assets/x.png": {}}, "blackfriday"},
		{"config decides", fstest.MapFS{
			"content/.gitbook.yaml": {},
			"config.toml":           {Data: []byte("[markup]\nautoHeadingIDType = \"github\"\n")},
		}, "github"},
	}
	for _, tt := range tests {
		cfg, diags := Load(tt.fsys)
		if len(diags) != 0 {
			t.Errorf("%s: unexpected diagnostics %v", tt.name, diags)
		}
		if got := cfg.Markup.AutoHeadingIDType; got != tt.want {
			t.Errorf("%s: autoHeadingIDType = %q; want %q", tt.name, got, tt.want)
		}
	}
}
