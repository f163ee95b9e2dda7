package config

import (
	"strings"
	"testing"
)

// TestOwners: [owners] maps a name to a URL, as a string or a table with
// url or contact; a bad entry is a warning on its line and is left out.
func TestOwners(t *testing.T) {
	src := `[owners]
"Lee Chan" = "https://chat.example.com/lee"
"Bad Scheme" = "javascript:alert(1)"
[owners."Dana Reyes"]
contact = "mailto:dana@example.com"
[owners."Sam Ortiz"]
url = "https://chat.example.com/sam"
[owners."Two Keys"]
url = "https://a.example.com/"
contact = "mailto:b@example.com"
[owners."Relative"]
url = "/team/relative/"
`
	cfg, diags := Parse([]byte(src), Default())
	want := map[string]string{
		"Lee Chan":   "https://chat.example.com/lee",
		"Dana Reyes": "mailto:dana@example.com",
		"Sam Ortiz":  "https://chat.example.com/sam",
	}
	if len(cfg.Owners) != len(want) {
		t.Errorf("Owners = %v, want %v", cfg.Owners, want)
	}
	for name, u := range want {
		if cfg.Owners[name] != u {
			t.Errorf("Owners[%q] = %q, want %q", name, cfg.Owners[name], u)
		}
	}
	got := diags.Error()
	for _, w := range []string{
		`config.toml:3: warning: [owners] "Bad Scheme": contact URL "javascript:alert(1)" must be an absolute`,
		`config.toml:9: warning: [owners] "Two Keys": give url or contact, not both`,
		`config.toml:12: warning: [owners] "Relative": contact URL "/team/relative/" must be an absolute`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "unknown config key") || len(diags) != 3 {
		t.Errorf("want exactly three warnings, got:\n%s", got)
	}
}

func TestWhatsNew(t *testing.T) {
	cfg, diags := Parse([]byte("[whatsNew]\ndays = 30\nlimit = 10\n"), Default())
	if len(diags) != 0 || cfg.WhatsNew != (WhatsNew{Days: 30, Limit: 10}) {
		t.Errorf("WhatsNew = %+v, %v", cfg.WhatsNew, diags)
	}
	if d := Default().WhatsNew; d != (WhatsNew{Days: 90, Limit: 100}) {
		t.Errorf("default WhatsNew = %+v", d)
	}
	if _, diags := Parse([]byte("[whatsNew]\nlimit = 0\n"), Default()); !strings.Contains(diags.Error(), "config.toml:2: [whatsNew] limit must be at least 1") {
		t.Errorf("limit 0: %v", diags)
	}
}
