package config

import (
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
	return nil
}
