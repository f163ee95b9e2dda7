package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadAppliesBaseURLOverride(t *testing.T) {
	fsys := fstest.MapFS{FileName: {Data: []byte("baseURL = \"https://a.example/docs/\"\ntitle = \"T\"\n")}}
	cfg, diags := Load(fsys, WithBaseURL("https://b.example/play"))
	if len(diags) > 0 || cfg == nil {
		t.Fatalf("Load: %v, %v", cfg, diags)
	}
	if cfg.BaseURL != "https://b.example/play/" || cfg.BasePath() != "/play/" {
		t.Errorf("BaseURL %q, BasePath %q; want the override's", cfg.BaseURL, cfg.BasePath())
	}
	if cfg, _ := Load(fsys, WithBaseURL("")); cfg.BaseURL != "https://a.example/docs/" {
		t.Errorf("an empty override changed baseURL to %q", cfg.BaseURL)
	}
}

func TestLoadReportsBadOverride(t *testing.T) {
	cfg, diags := Load(fstest.MapFS{}, WithBaseURL("ftp://x y"))
	if cfg != nil {
		t.Errorf("Config %+v after a failed override; want nil", cfg)
	}
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), "--baseURL: ") {
		t.Errorf("diagnostics %v; want one --baseURL error", diags)
	}
}

func TestLoadAppliesOriginAfterBaseURL(t *testing.T) {
	fsys := fstest.MapFS{FileName: {Data: []byte("baseURL = \"https://a.example/handbook/\"\ntitle = \"T\"\n")}}
	for _, tt := range []struct{ flag, want string }{
		{"", "http://127.0.0.1:1313/handbook/"},
		{"https://b.example/docs", "http://127.0.0.1:1313/docs/"},
		{"/", "http://127.0.0.1:1313/"},
	} {
		cfg, diags := Load(fsys, WithBaseURL(tt.flag), WithOrigin("http://127.0.0.1:1313"))
		if len(diags) > 0 || cfg == nil {
			t.Fatalf("Load: %v, %v", cfg, diags)
		}
		if cfg.BaseURL != tt.want {
			t.Errorf("--baseURL %q: BaseURL %q; want %q", tt.flag, cfg.BaseURL, tt.want)
		}
	}
	if cfg, _ := Load(fstest.MapFS{}, WithOrigin("http://[::1]:80")); cfg.BaseURL != "http://[::1]:80/" {
		t.Errorf("no config file: BaseURL %q; want the origin with /", cfg.BaseURL)
	}
	if cfg, diags := Load(fsys, WithOrigin("127.0.0.1:1313/x")); cfg != nil || len(diags) != 1 {
		t.Errorf("a malformed origin gave %v, %v; want an error", cfg, diags)
	}
}
