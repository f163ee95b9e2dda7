package content

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/playbookhq/playbook/generator/diag"
)

// locate finds the line and column of a front-matter value by its path.
// It reads the front matter again, so it is only called for a
// diagnostic; pages without problems never pay for it. A value inherited
// from a cascade is at the cascade; a record written inline (steps =
// [{…}]) is at its key.
func (r *fieldReader) locate(pa fieldPath) diag.Pos {
	top, _ := pa[0].(string)
	if pos, ok := r.from[top]; ok {
		return pos
	}
	pos := diag.Pos{File: r.file, Line: r.lines[top]}
	var line, col int
	switch r.format {
	case TOML:
		line, col = locateTOML(r.matter, pa)
	case YAML:
		line, col = locateYAML(r.matter, pa)
	}
	if line > 0 {
		pos.Line, pos.Col = r.matterLine+line-1, col
	}
	return pos
}

// locateTOML scans TOML front matter for pa: a top-level key, or the
// n-th [[key]] table and a key in it. Line is 1-based in matter, 0 when
// not found.
func locateTOML(matter []byte, pa fieldPath) (line, col int) {
	top, _ := pa[0].(string)
	var index = -1
	var sub string
	if len(pa) > 1 {
		index, _ = pa[1].(int)
	}
	if len(pa) > 2 {
		sub, _ = pa[2].(string)
	}
	table, seen := "", -1 // the current [table] and how many [[top]] were seen
	for i, l := range bytes.Split(matter, []byte("\n")) {
		if m := tomlTableRE.FindSubmatch(l); m != nil {
			table = strings.ToLower(strings.Trim(string(m[1]), `"`))
			if table == top {
				seen++
				if index < 0 || seen == index && sub == "" {
					return i + 1, indent(l) + 1
				}
				if seen == index {
					line, col = i+1, indent(l)+1 // the table, if the key is missing
				}
			}
			continue
		}
		m := tomlKeyRE.FindSubmatch(l)
		if m == nil {
			continue
		}
		key := strings.ToLower(strings.Trim(string(m[1]), `"'`))
		switch {
		case table == "" && key == top && (index < 0 || line == 0):
			if index < 0 {
				return i + 1, indent(l) + 1
			}
			line, col = i+1, indent(l)+1 // inline records: at their key
		case table == top && seen == index && key == sub:
			return i + 1, indent(l) + 1
		}
	}
	return line, col
}

func indent(l []byte) int { return len(l) - len(bytes.TrimLeft(l, " \t")) }

// locateYAML walks the YAML node tree along pa.
func locateYAML(matter []byte, pa fieldPath) (line, col int) {
	var doc yaml.Node
	if yaml.Unmarshal(matter, &doc) != nil || len(doc.Content) == 0 {
		return 0, 0
	}
	n := doc.Content[0]
	for _, e := range pa {
		var next *yaml.Node
		switch e := e.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return line, col
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				if strings.EqualFold(n.Content[i].Value, e) {
					line, col = n.Content[i].Line, n.Content[i].Column
					next = n.Content[i+1]
				}
			}
		case int:
			if n.Kind != yaml.SequenceNode || e >= len(n.Content) {
				return line, col
			}
			next = n.Content[e]
			line, col = next.Line, next.Column
		}
		if next == nil {
			return line, col
		}
		n = next
	}
	return line, col
}
