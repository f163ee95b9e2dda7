package config

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/playbookhq/playbook/generator/diag"
)

// applyHeadingIDType sets Markup.AutoHeadingIDType from [markup]
// autoHeadingIDType or, failing that, Hugo's [markup.goldmark.parser]
// autoHeadingIDType. An unknown value is an error on its line.
func (f *fileConfig) applyHeadingIDType(src []byte, cfg *Config) diag.List {
	if f.Markup == nil {
		return nil
	}
	v, key := f.Markup.AutoHeadingIDType, toml.Key{"markup", "autoHeadingIDType"}
	if v == nil && f.Markup.Goldmark != nil && f.Markup.Goldmark.Parser != nil {
		v, key = f.Markup.Goldmark.Parser.AutoHeadingIDType, toml.Key{"markup", "goldmark", "parser", "autoHeadingIDType"}
	}
	if v == nil {
		return nil
	}
	if !slices.Contains(AutoHeadingIDTypes, *v) {
		pos := diag.Pos{File: FileName, Line: keyLine(src, key)}
		return diag.List{diag.Errorf(pos, "%s %q: must be one of %s", key, *v, strings.Join(AutoHeadingIDTypes, ", "))}
	}
	cfg.Markup.AutoHeadingIDType = *v
	cfg.Markup.headingIDTypeSet = true
	return nil
}

// gitBookMarkers are files whose presence makes the content a GitBook
// space (its settings file and its assets folder).
var gitBookMarkers = []string{"content/.gitbook.yaml", "content/.gitbook"}

// defaultsFor adjusts defaults that depend on where the content comes from.
// A GitBook space's links use GitBook's heading ids, which collapse every
// run of punctuation and spaces into one hyphen ("Country/Region" →
// "country-region"): Hugo's blackfriday rule. config.toml still decides
// when it names a style.
func defaultsFor(fsys fs.FS, cfg *Config) {
	if cfg.Markup.headingIDTypeSet {
		return
	}
	for _, m := range gitBookMarkers {
		if _, err := fs.Stat(fsys, m); err == nil {
			cfg.Markup.AutoHeadingIDType = "blackfriday"
			return
		}
	}
}
