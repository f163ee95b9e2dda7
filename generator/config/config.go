// Package config loads a site's config.toml into a Config, filling in
// defaults and warning about keys playbook does not know.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/types"
)

// FileName is the name of the configuration file at the site root.
const FileName = layout.ConfigFile

// Config is a site's configuration.
type Config struct {
	Title        string
	BaseURL      string // absolute, always ending in "/"
	LanguageCode string
	Theme        string
	Copyright    string
	Params       map[string]any
	Menu         Menus
	Taxonomies   map[string]string // singular → plural, e.g. "tag" → "tags"
	Markup       Markup
	Types        types.Registry // by type name: playbook, guide, case-study and the site's own
	Related      Related
	Paginate     int // list items per page on section and term pages
	// DisablePathToLower keeps the case of file and folder names in page
	// URLs; by default they are lowercased, as Hugo does.
	DisablePathToLower bool
	// EditURL is the "Edit this page" link of every content page, with
	// {path} standing for the page's file from the repository's root,
	// e.g. "https://git.example.com/handbook/-/edit/main/{path}". "": none.
	EditURL string
	// HistoryURL is the "View history" link, with {path} as in EditURL;
	// derived from EditURL for GitLab, GitHub and Gitea when not set.
	HistoryURL string
	// Owners maps an owner's name (front matter owner) to a contact URL,
	// e.g. a team channel or a mailto: link (checked: http, https, mailto).
	Owners map[string]string
	// WhatsNew is the window of the what's-new page and the feed.
	WhatsNew WhatsNew
	// GitInfo shows each page's last change from the site's git history
	// (true unless enableGitInfo = false).
	GitInfo bool
	// Health is the [health] table as written, read by the health
	// package (which reports its unknown keys itself).
	Health map[string]any
	// FollowSymlinks lets the build follow symbolic links whose targets
	// stay inside the site root (followSymlinks = true). Links that leave
	// the site root are always refused.
	FollowSymlinks bool
	// MaxPageSize is the largest content page read, in bytes
	// (maxPageSize, default DefaultMaxPageSize).
	MaxPageSize int
}

// DefaultMaxPageSize is the default limit on a content page's size: far
// above any page a person writes, low enough that a stray dump or
// generated file is refused before it is parsed.
const DefaultMaxPageSize = 10 << 20

// Menus holds the site's menus by name; "main" is shown in the header.
type Menus map[string][]MenuItem

// MenuItem is one entry of a menu.
type MenuItem struct {
	Name   string
	URL    string
	Weight int
}

// Markup configures Markdown rendering.
type Markup struct {
	Unsafe             bool   // allow raw HTML in Markdown
	HighlightStyle     string // chroma style for the light theme
	HighlightDarkStyle string // chroma style for the dark theme
	// AutoHeadingIDType is the rule for automatic heading ids, one of
	// AutoHeadingIDTypes (Hugo's names); "github" by default, "blackfriday"
	// for a GitBook space (see Load).
	AutoHeadingIDType string

	headingIDTypeSet bool // AutoHeadingIDType was written in config.toml
}

// AutoHeadingIDTypes lists the values [markup] autoHeadingIDType takes:
// GitHub's rule (Hugo's default), the same with ASCII only, and Hugo's
// pre-0.60 Blackfriday rule.
var AutoHeadingIDTypes = []string{"github", "github-ascii", "blackfriday"}

// Related configures the related-pages list.
type Related struct {
	Count int // how many related pages to show
}

// BasePath returns the path part of BaseURL with leading and trailing slash.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// TaxonomyNames returns the plural taxonomy names, sorted.
func (c *Config) TaxonomyNames() []string {
	var names []string
	for _, plural := range c.Taxonomies {
		names = append(names, plural)
	}
	sort.Strings(names)
	return names
}

// TypeForSection returns the type whose Section is section, or "".
func (c *Config) TypeForSection(section string) string {
	return c.Types.ForSection(section)
}

// Default returns the configuration used when a site has no config.toml.
func Default() *Config {
	return &Config{
		Title:        "Playbook",
		BaseURL:      "/",
		LanguageCode: "en",
		Theme:        "default",
		Params:       map[string]any{},
		Menu:         Menus{},
		Taxonomies:   map[string]string{"tag": "tags", "team": "teams"},
		Markup:       Markup{HighlightStyle: "github", HighlightDarkStyle: "github-dark", AutoHeadingIDType: "github"},
		Types:        types.Defaults(),
		Related:      Related{Count: 5},
		WhatsNew:     WhatsNew{Days: 90, Limit: 100},
		Paginate:     50,
		MaxPageSize:  DefaultMaxPageSize,
		GitInfo:      true,
	}
}

// Load reads config.toml from the site root fsys. A missing file gives the
// defaults. Problems come back as diagnostics: unknown keys are warnings,
// malformed TOML or bad values are errors. The overrides (command-line
// flags) are applied last; see applyOverrides for when one fails.
func Load(fsys fs.FS, overrides ...Override) (*Config, diag.List) {
	cfg := Default()
	src, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		defaultsFor(fsys, cfg)
		return applyOverrides(cfg, nil, overrides)
	}
	if err != nil {
		return applyOverrides(cfg, diag.List{diag.Errorf(diag.Pos{File: FileName}, "reading config: %w", err)}, overrides)
	}
	cfg, diags := Parse(src, cfg)
	if d := checkTheme(fsys, src, cfg.Theme); d != nil {
		diags = append(diags, d)
	}
	defaultsFor(fsys, cfg)
	return applyOverrides(cfg, diags, overrides)
}

// Parse decodes src over the defaults in cfg.
func Parse(src []byte, cfg *Config) (*Config, diag.List) {
	if d := checkDepth(src); d != nil {
		return cfg, diag.List{d}
	}
	var raw fileConfig
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		return cfg, diag.List{tomlError(FileName, 0, err)}
	}
	var diags diag.List
	for _, key := range md.Undecoded() {
		if isFreeForm(key) {
			continue
		}
		pos := diag.Pos{File: FileName, Line: keyLine(src, key)}
		diags = append(diags, diag.Warnf(pos, "unknown config key %q", key.String()))
	}
	diags = append(diags, raw.apply(cfg, src)...)
	diags = append(diags, cfg.Types.Apply(types.Source{Types: raw.Types, Keys: md.Keys(), Pos: func(k toml.Key) diag.Pos {
		return diag.Pos{File: FileName, Line: keyLine(src, k)}
	}})...)
	diags = append(diags, raw.applyHeadingIDType(src, cfg)...)
	diags = append(diags, raw.applyOwners(src, cfg)...)
	diags = append(diags, raw.applyWhatsNew(src, cfg)...)
	return cfg, diags
}

// isFreeForm reports keys whose contents are the site's own (params),
// are checked by another package (health, types) or by their own reader
// (owners, applyOwners).
func isFreeForm(key toml.Key) bool {
	return len(key) > 0 && (key[0] == "params" || key[0] == "health" || key[0] == "owners" || key[0] == "types")
}

// tomlError turns a TOML decoding error into a diagnostic with its position.
// lineOffset is added to the line (front matter starts below a fence).
func tomlError(file string, lineOffset int, err error) *diag.Diagnostic {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		pos := diag.Pos{File: file, Line: perr.Position.Line + lineOffset, Col: perr.Position.Col}
		return &diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: "invalid TOML: " + firstLine(perr.Message), Err: err}
	}
	// Type mismatches found while decoding are plain errors that carry the
	// line only in their text: "toml: line 2 (last key "x"): incompatible …".
	if m := decodeErrorLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg := fmt.Sprintf("%s: %s", m[2], m[3])
		return &diag.Diagnostic{Pos: diag.Pos{File: file, Line: line + lineOffset}, Severity: diag.Error, Msg: msg, Err: err}
	}
	return diag.Errorf(diag.Pos{File: file}, "invalid TOML: %w", err)
}

// decodeErrorLine matches the text of the TOML decoder's type errors.
var decodeErrorLine = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// TOMLError is tomlError for other packages that decode TOML (front matter).
func TOMLError(file string, lineOffset int, err error) *diag.Diagnostic {
	return tomlError(file, lineOffset, err)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// keyLine finds the 1-based line on which key is set, or 0. TOML's decoder
// does not report key positions, so it scans for the table header and then
// the key's last part at the start of a line.
func keyLine(src []byte, key toml.Key) int {
	lines := strings.Split(string(src), "\n")
	table := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	inTable := table == ""
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			name := strings.Trim(t, "[] \t")
			if name == table {
				inTable = true
				continue
			}
			inTable = false
			if strings.Join(key, ".") == name {
				return i + 1
			}
			continue
		}
		if inTable && (strings.HasPrefix(t, last+" ") || strings.HasPrefix(t, last+"=") || strings.HasPrefix(t, `"`+last+`"`)) {
			return i + 1
		}
	}
	return 0
}

// errf is a shorthand for a config error without a line.
func errf(format string, args ...any) *diag.Diagnostic {
	return diag.Errorf(diag.Pos{File: FileName}, format, args...)
}

// An Override changes a setting after config.toml is read: a command-line
// flag such as --baseURL wins over the file.
type Override func(cfg *Config) error

// WithBaseURL overrides baseURL with raw, normalized as the file's is.
func WithBaseURL(raw string) Override {
	return func(cfg *Config) error {
		if raw == "" {
			return nil
		}
		base, err := NormalizeBaseURL(raw)
		if err != nil {
			return fmt.Errorf("--baseURL: %w", err)
		}
		cfg.BaseURL = base
		return nil
	}
}

// WithOrigin replaces the scheme and host of baseURL (after --baseURL)
// with those of origin, e.g. http://127.0.0.1:1313, and keeps its path:
// the live preview builds the pages for where it serves them, under the
// base path the site is published at. An empty origin changes nothing.
func WithOrigin(origin string) Override {
	return func(cfg *Config) error {
		if origin == "" {
			return nil
		}
		o, err := url.Parse(origin)
		if err != nil || (o.Scheme != "http" && o.Scheme != "https") || o.Host == "" || (o.Path != "" && o.Path != "/") {
			return fmt.Errorf("preview origin %q: want http://host:port", origin)
		}
		cfg.BaseURL = (&url.URL{Scheme: o.Scheme, Host: o.Host, Path: cfg.BasePath()}).String()
		return nil
	}
}

// applyOverrides applies overrides to cfg. When one fails, the Config is
// nil and the failure is the last diagnostic: a build must not go on with
// settings other than those asked for.
func applyOverrides(cfg *Config, diags diag.List, overrides []Override) (*Config, diag.List) {
	for _, o := range overrides {
		if err := o(cfg); err != nil {
			return nil, append(diags, diag.Errorf(diag.Pos{}, "%w", err))
		}
	}
	return cfg, diags
}
