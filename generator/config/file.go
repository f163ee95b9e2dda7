package config

import (
	"net/url"

	"github.com/BurntSushi/toml"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// fileConfig mirrors config.toml; pointers tell "absent" from "zero".
type fileConfig struct {
	Title        *string               `toml:"title"`
	BaseURL      *string               `toml:"baseURL"`
	LanguageCode *string               `toml:"languageCode"`
	Theme        *string               `toml:"theme"`
	Copyright    *string               `toml:"copyright"`
	Params       map[string]any        `toml:"params"`
	Health       map[string]any        `toml:"health"`
	Menu         map[string][]MenuItem `toml:"menu"`
	Taxonomies   map[string]string     `toml:"taxonomies"`
	Markup       *fileMarkup           `toml:"markup"`
	Types        map[string]any        `toml:"types"` // read by types.Registry.Apply
	Related      *struct{ Count *int } `toml:"related"`
	Paginate     *int                  `toml:"paginate"`
	// DisablePathToLower is Hugo's key of the same name.
	DisablePathToLower *bool          `toml:"disablePathToLower"`
	EditURL            *string        `toml:"editURL"`
	HistoryURL         *string        `toml:"historyURL"`
	Owners             map[string]any `toml:"owners"`
	EnableGitInfo      *bool          `toml:"enableGitInfo"`
	WhatsNew           *fileWhatsNew  `toml:"whatsNew"`
	FollowSymlinks     *bool          `toml:"followSymlinks"`
	MaxPageSize        *int           `toml:"maxPageSize"`
}

type fileMarkup struct {
	Unsafe             *bool   `toml:"unsafe"`
	HighlightStyle     *string `toml:"highlightStyle"`
	HighlightDarkStyle *string `toml:"highlightDarkStyle"`
	AutoHeadingIDType  *string `toml:"autoHeadingIDType"`
	// Goldmark holds Hugo's spelling of the same setting,
	// [markup.goldmark.parser] autoHeadingIDType, so a Hugo site's
	// config works unchanged.
	Goldmark *struct {
		Parser *struct {
			AutoHeadingIDType *string `toml:"autoHeadingIDType"`
		} `toml:"parser"`
	} `toml:"goldmark"`
}

// apply copies the values that were set over cfg and validates them.
func (f *fileConfig) apply(cfg *Config, src []byte) diag.List {
	var diags diag.List
	setString(&cfg.Title, f.Title)
	setString(&cfg.LanguageCode, f.LanguageCode)
	setString(&cfg.Theme, f.Theme)
	setString(&cfg.Copyright, f.Copyright)
	if f.BaseURL != nil {
		base, d := normalizeBaseURL(*f.BaseURL)
		if d != nil {
			diags = append(diags, atKey(src, "baseURL", d))
		} else {
			cfg.BaseURL = base
		}
	}
	cfg.Health = f.Health
	if f.Params != nil {
		cfg.Params = f.Params
	}
	if f.Menu != nil {
		cfg.Menu = f.Menu
		for _, items := range cfg.Menu {
			sort.SliceStable(items, func(i, j int) bool { return items[i].Weight < items[j].Weight })
		}
	}
	if f.Taxonomies != nil {
		cfg.Taxonomies = f.Taxonomies
	}
	if m := f.Markup; m != nil {
		if m.Unsafe != nil {
			cfg.Markup.Unsafe = *m.Unsafe
		}
		setString(&cfg.Markup.HighlightStyle, m.HighlightStyle)
		setString(&cfg.Markup.HighlightDarkStyle, m.HighlightDarkStyle)
	}
	if f.Paginate != nil {
		if *f.Paginate < 1 {
			diags = append(diags, atKey(src, "paginate", errf("paginate must be at least 1")))
		} else {
			cfg.Paginate = *f.Paginate
		}
	}
	if f.DisablePathToLower != nil {
		cfg.DisablePathToLower = *f.DisablePathToLower
	}
	setString(&cfg.EditURL, f.EditURL)
	setString(&cfg.HistoryURL, f.HistoryURL)
	if f.EnableGitInfo != nil {
		cfg.GitInfo = *f.EnableGitInfo
	}
	if f.FollowSymlinks != nil {
		cfg.FollowSymlinks = *f.FollowSymlinks
	}
	if f.MaxPageSize != nil {
		if *f.MaxPageSize < 1 {
			diags = append(diags, atKey(src, "maxPageSize", errf("maxPageSize must be at least 1 (bytes)")))
		} else {
			cfg.MaxPageSize = *f.MaxPageSize
		}
	}
	if f.Related != nil && f.Related.Count != nil {
		cfg.Related.Count = *f.Related.Count
	}
	return diags
}

// atKey places d on the line of config.toml that sets the top-level key.
func atKey(src []byte, key string, d *diag.Diagnostic) *diag.Diagnostic {
	d.Pos.Line = keyLine(src, toml.Key{key})
	return d
}

func setString(dst *string, src *string) {
	if src != nil {
		*dst = *src
	}
}

// NormalizeBaseURL checks a base URL and gives it a trailing slash.
// Relative bases such as "/" or "/docs/" are allowed.
func NormalizeBaseURL(raw string) (string, error) {
	base, d := normalizeBaseURL(raw)
	if d != nil {
		return "", d
	}
	return base, nil
}

func normalizeBaseURL(raw string) (string, *diag.Diagnostic) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "/", nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errf("invalid baseURL %q: %w", raw, err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return "", errf("invalid baseURL %q: scheme must be http or https", raw)
	}
	if u.Scheme == "" && !strings.HasPrefix(u.Path, "/") {
		return "", errf("invalid baseURL %q: must be absolute (https://host/path/) or start with /", raw)
	}
	u.RawQuery, u.Fragment = "", ""
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}
