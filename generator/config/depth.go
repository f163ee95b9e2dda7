package config

import (
	"bytes"

	"github.com/playbookhq/playbook/generator/diag"
)

// MaxDepth is how deep config.toml may nest tables and arrays.
const MaxDepth = 64

// checkDepth refuses a config.toml nested deeper than MaxDepth before
// the TOML decoder sees it.
func checkDepth(src []byte) *diag.Diagnostic {
	line, col, deep := DepthBeyond(src, false, MaxDepth)
	if !deep {
		return nil
	}
	return diag.Errorf(diag.Pos{File: FileName, Line: line, Col: col}, "config nests deeper than %d levels", MaxDepth)
}

// DepthBeyond reports whether TOML or (yaml) YAML source nests deeper
// than max, and the 1-based line and column where it first does, without
// decoding it: it counts [ and { outside strings and comments and, for
// YAML, block indentation and "- " items. The TOML decoder's time grows
// with the square of the depth, so callers check before decoding.
func DepthBeyond(src []byte, yaml bool, max int) (line, col int, deep bool) {
	var indents []int // YAML: the indentation of each open block level
	depth, lineNo := 0, 0
	for len(src) > 0 {
		text, rest, _ := bytes.Cut(src, []byte("\n"))
		src = rest
		lineNo++
		base := 0
		if yaml {
			base, indents = yamlBlockDepth(text, indents)
		}
		var quote byte
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch {
			case quote != 0:
				if c == '\\' && quote == '"' {
					i++
				} else if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '#':
				i = len(text)
			case c == '[' || c == '{':
				depth++
			case c == ']' || c == '}':
				if depth > 0 {
					depth--
				}
			}
			if base+depth > max {
				return lineNo, i + 1, true
			}
		}
		if base > max {
			return lineNo, 1, true
		}
	}
	return 0, 0, false
}

// yamlBlockDepth returns how many block levels a YAML line opens or sits
// in: the open indentations below its own, plus one per "- " it starts
// with. Blank and comment lines keep the levels as they are.
func yamlBlockDepth(line []byte, indents []int) (int, []int) {
	t := bytes.TrimLeft(line, " ")
	if len(bytes.TrimSpace(t)) == 0 || t[0] == '#' {
		return len(indents), indents
	}
	indent := len(line) - len(t)
	for len(indents) > 0 && indents[len(indents)-1] >= indent {
		indents = indents[:len(indents)-1]
	}
	indents = append(indents, indent)
	dashes := 0
	for len(t) > 1 && t[0] == '-' && (t[1] == ' ' || t[1] == '\t') {
		dashes++
		t = bytes.TrimLeft(t[1:], " \t")
	}
	return len(indents) + dashes, indents
}
