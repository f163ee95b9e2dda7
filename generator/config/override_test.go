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
