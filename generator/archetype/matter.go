package archetype

import (
	"fmt"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/playbookhq/playbook/generator/content"
)

// Matter returns the front matter the archetype for typ writes (the
// site's own, else the built-in one), decoded; `playbook check` looks for
// its placeholder texts in published pages. YAML archetypes give nil.
func Matter(root, typ string) (map[string]any, error) {
	src, err := source(root, typ, true) // links out of the site are still refused
	if err != nil {
		return nil, err
	}
	text, err := fill(src, Data{Title: "Title", Date: time.Unix(0, 0).UTC().Format(time.RFC3339), Type: typ})
	if err != nil {
		return nil, err
	}
	sp, d := content.SplitFrontMatter(Dir+"/"+typ+".md", text)
	if d != nil {
		return nil, d
	}
	if sp.Format != content.TOML {
		return nil, nil
	}
	m := map[string]any{}
	if _, err := toml.Decode(string(sp.Matter), &m); err != nil {
		return nil, fmt.Errorf("archetype for %s: %w", typ, err)
	}
	return m, nil
}
