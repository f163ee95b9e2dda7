package types

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/BurntSushi/toml"
)

//go:embed defaults.toml
var defaultsTOML string

var defaults = sync.OnceValue(func() Registry {
	var doc struct {
		Types map[string]any `toml:"types"`
	}
	md, err := toml.Decode(defaultsTOML, &doc)
	if err != nil {
		panic(fmt.Sprintf("types: defaults.toml: %v", err))
	}
	r := Registry{}
	if diags := r.Apply(Source{Types: doc.Types, Keys: md.Keys()}); len(diags) > 0 {
		panic(fmt.Sprintf("types: defaults.toml: %v", diags))
	}
	return r
})

// Defaults returns a fresh copy of the built-in types (playbook, guide,
// case-study), declared in the embedded defaults.toml.
func Defaults() Registry { return defaults().Clone() }

// DefaultsTOML is the text of the built-in declarations, for documentation.
func DefaultsTOML() string { return defaultsTOML }
