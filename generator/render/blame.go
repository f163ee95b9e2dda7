package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// execError turns an error from executing layout l into a diagnostic. An
// escaping error that html/template reports against the entry template
// (baseof) without a line — "ends in a non-text context" — is caused by a
// block the layout defines; it is blamed on that block's file and line.
func (t *Theme) execError(l *layout, err error) *diag.Diagnostic {
	var terr *template.Error
	if !errors.As(err, &terr) || terr.Line > 0 || l.entry == l.rel {
		return templateDiag(err, t.files)
	}
	// Every page of the layout fails alike: find the block once.
	if d, ok := t.blamed.Load(l.rel); ok {
		return d.(*diag.Diagnostic)
	}
	d := t.blame(l.rel, terr)
	if d == nil {
		d = templateDiag(err, t.files)
	}
	t.blamed.Store(l.rel, d)
	return d
}

// blame escapes each block the layout file rel defines on its own, in a
// fresh copy of the theme, and returns a diagnostic at the first block
// that fails, or nil. Each block is reached through {{ if false }}, so
// nothing is executed: escaping alone decides.
func (t *Theme) blame(rel string, cause *template.Error) *diag.Diagnostic {
	f, ok := t.files[rel]
	if !ok {
		return nil
	}
	alone, err := template.New(rel).Funcs(t.funcMap()).Parse(f.source)
	if err != nil {
		return nil
	}
	for _, block := range alone.Templates() {
		name := block.Name()
		if block.Tree == nil || block.Tree.Root == nil || len(block.Tree.Root.Nodes) == 0 {
			continue
		}
		set, err := t.shared.Clone()
		if err != nil {
			return nil
		}
		if _, err := set.New(rel).Parse(f.source); err != nil {
			return nil
		}
		probe, err := set.New("playbook-probe").Parse(fmt.Sprintf(`{{ if false }}{{ template %q . }}{{ end }}`, name))
		if err != nil {
			return nil
		}
		if err := probe.Execute(io.Discard, nil); err == nil {
			continue
		}
		loc, _ := block.Tree.ErrorContext(block.Tree.Root.Nodes[0])
		pos, _ := parsePosition(strings.TrimPrefix(loc, rel+":"))
		pos.File = f.display
		msg := strings.TrimPrefix(cause.Description, "html/template:")
		return &diag.Diagnostic{Pos: pos, Severity: diag.Error,
			Msg: fmt.Sprintf("block %q %s", name, strings.TrimSpace(msg)), Err: cause}
	}
	return nil
}
