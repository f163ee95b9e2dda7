package render

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/playbookhq/playbook/generator/diag"
)

// templateDiag turns a parse or execution error of html/template into a
// diagnostic at the layout file and line:col it names. Go's template
// errors carry the position only in their text, as
// "template: NAME:LINE[:COL]: ...", where NAME is one of our layout paths.
func templateDiag(err error, files map[string]layoutFile) *diag.Diagnostic {
	msg := err.Error()
	var exec template.ExecError
	if errors.As(err, &exec) {
		msg = exec.Err.Error()
	}
	rest, ok := strings.CutPrefix(msg, "template: ")
	if !ok {
		rest, ok = strings.CutPrefix(msg, "html/template:")
	}
	if !ok {
		return &diag.Diagnostic{Severity: diag.Error, Msg: msg, Err: err}
	}
	for _, rel := range longestFirst(files) {
		after, found := strings.CutPrefix(rest, rel+":")
		if !found {
			continue
		}
		pos, text := parsePosition(after)
		pos.File = files[rel].display
		return &diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: text, Err: err}
	}
	return &diag.Diagnostic{Severity: diag.Error, Msg: msg, Err: err}
}

// parsePosition reads "LINE[:COL]: text" and returns the position and text.
func parsePosition(s string) (diag.Pos, string) {
	var pos diag.Pos
	pos.Line, s = leadingInt(s)
	if rest, ok := strings.CutPrefix(s, ":"); ok && pos.Line > 0 {
		if col, after := leadingInt(rest); col > 0 {
			pos.Col, s = col, after
		}
	}
	s = strings.TrimPrefix(s, ":")
	return pos, strings.TrimSpace(s)
}

// leadingInt splits off the decimal number s starts with (0 when none).
func leadingInt(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return 0, s
	}
	return n, s[i:]
}

// longestFirst orders layout names so that "a/b.html" is tried before a
// name that is its prefix.
func longestFirst(files map[string]layoutFile) []string {
	names := sortedKeys(files)
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return names
}
