package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
)

// Meta is a page's decoded front matter.
type Meta struct {
	Title       string
	Description string
	Summary     string
	Date        time.Time
	Lastmod     time.Time
	Draft       bool
	Weight      int
	Slug        string
	URL         string
	Aliases     []string
	Type        string
	Owner       string
	Terms       map[string][]string // taxonomy (plural) → values
	Params      map[string]any      // every key playbook does not know itself, type fields included

	// Lines maps each top-level key to its 1-based line in the file.
	Lines map[string]int
}

// decodeMatter parses a front-matter block into a raw map and the line of
// each top-level key.
func decodeMatter(file string, sp Split) (map[string]any, map[string]int, *diag.Diagnostic) {
	if d := checkMatterDepth(file, sp); d != nil {
		return nil, nil, d
	}
	switch sp.Format {
	case TOML:
		raw := map[string]any{}
		if _, err := toml.Decode(string(sp.Matter), &raw); err != nil {
			return nil, nil, config.TOMLError(file, sp.MatterLine-1, err)
		}
		return raw, tomlKeyLines(sp.Matter, sp.MatterLine), nil
	case YAML:
		return decodeYAML(file, sp)
	}
	return map[string]any{}, map[string]int{}, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func decodeYAML(file string, sp Split) (map[string]any, map[string]int, *diag.Diagnostic) {
	var doc yaml.Node
	if err := yaml.Unmarshal(sp.Matter, &doc); err != nil {
		return nil, nil, yamlError(file, sp.MatterLine, err)
	}
	raw := map[string]any{}
	lines := map[string]int{}
	if len(doc.Content) == 0 {
		return raw, lines, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, diag.Errorf(diag.Pos{File: file, Line: sp.MatterLine - 1 + root.Line, Col: root.Column},
			"front matter must be a mapping of keys to values")
	}
	if err := root.Decode(&raw); err != nil {
		return nil, nil, yamlError(file, sp.MatterLine, err)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		lines[k.Value] = sp.MatterLine - 1 + k.Line
	}
	return raw, lines, nil
}

// yamlError turns a YAML error into a diagnostic at the line YAML reports.
func yamlError(file string, matterLine int, err error) *diag.Diagnostic {
	msg := err.Error()
	var terr *yaml.TypeError
	if errors.As(err, &terr) && len(terr.Errors) > 0 {
		msg = terr.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	// yaml.v3 reports syntax errors only as text, so the line is read from it.
	if m := yamlLineRE.FindStringSubmatch("yaml: " + msg); m != nil {
		fmt.Sscan(m[1], &line)
		msg = m[2]
		if strings.HasPrefix(msg, "did not find expected") {
			line++ // these errors name the line before the one that is wrong
		}
	}
	// An error yaml.v3 gives no line (a stray directive, a bad document
	// start) is placed at the front matter's first line.
	pos := diag.Pos{File: file, Line: matterLine}
	if line > 0 {
		pos.Line = matterLine - 1 + line
	}
	return &diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: "invalid YAML front matter: " + msg, Err: err}
}

var tomlKeyRE = regexp.MustCompile(`^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[=.]`)
var tomlTableRE = regexp.MustCompile(`^\s*\[\[?\s*("[^"]*"|[A-Za-z0-9_-]+)`)

// tomlKeyLines finds the line of each top-level key of a TOML block. TOML's
// decoder does not report positions, so this scans the text.
func tomlKeyLines(matter []byte, firstLine int) map[string]int {
	lines := map[string]int{}
	inTable := false
	for i, line := range bytes.Split(matter, []byte("\n")) {
		if m := tomlTableRE.FindSubmatch(line); m != nil {
			inTable = true
			setFirst(lines, strings.Trim(string(m[1]), `"`), firstLine+i)
			continue
		}
		if inTable {
			continue
		}
		if m := tomlKeyRE.FindSubmatch(line); m != nil {
			setFirst(lines, strings.Trim(string(m[1]), `"'`), firstLine+i)
		}
	}
	return lines
}

func setFirst(m map[string]int, k string, v int) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}
