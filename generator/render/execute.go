package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/playbookhq/playbook/generator/diag"
)

// Execute renders p with the layout its Kind and Type select. Template
// errors are returned as a *diag.Diagnostic naming the layout file and
// line:col. Nothing is written to w unless the whole page rendered.
func (t *Theme) Execute(w io.Writer, p *Page) error {
	if p == nil || p.Site == nil {
		return errors.New("render: page and page.Site must not be nil")
	}
	l, err := t.lookup(p)
	if err != nil {
		return err
	}
	// A bytes.Buffer is rendered into directly and cut back on error.
	if b, ok := w.(*bytes.Buffer); ok {
		n := b.Len()
		if err := l.tmpl.ExecuteTemplate(b, l.entry, p); err != nil {
			b.Truncate(n)
			return t.execError(l, err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := l.tmpl.ExecuteTemplate(&buf, l.entry, p); err != nil {
		return t.execError(l, err)
	}
	_, err = buf.WriteTo(w)
	return err
}

// lookup finds the first existing layout among the candidates for p.
func (t *Theme) lookup(p *Page) (*layout, error) {
	candidates := Candidates(p)
	for _, name := range candidates {
		if l, ok := t.layouts[name]; ok {
			return l, nil
		}
	}
	return nil, diag.Errorf(diag.Pos{File: "themes/" + t.name + "/layouts"},
		"no layout for %s page %q of type %q (looked for %v)", p.Kind, p.URL, p.Type, candidates)
}

// Candidates lists, in order, the layouts (paths below layouts/) that may
// render p: the first one that exists is used.
func Candidates(p *Page) []string {
	if p.Redirect != "" {
		return []string{aliasLayout}
	}
	switch p.Kind {
	case KindPage:
		return typed(p.Type, "single.html")
	case KindSection:
		return typed(p.Type, "list.html")
	case KindHome:
		return []string{"index.html", "_default/list.html"}
	case KindTaxonomy:
		return []string{"_default/taxonomy.html"}
	case KindTerm:
		return []string{"_default/term.html"}
	case KindSearch:
		return []string{"search.html"}
	case Kind404:
		return []string{"404.html"}
	case KindResults:
		return []string{"results.html"}
	case KindWhatsNew:
		return []string{"whatsnew.html"}
	case KindOwners:
		return []string{"owners.html"}
	}
	return []string{fmt.Sprintf("(unknown kind %q)", p.Kind)}
}

// typed returns "<type>/<file>" then "_default/<file>".
func typed(typ, file string) []string {
	if typ == "" || typ == "_default" {
		return []string{"_default/" + file}
	}
	return []string{typ + "/" + file, "_default/" + file}
}

// HasLayout reports whether the theme has the layout rel (a path below
// layouts/, e.g. "docs/single.html").
func (t *Theme) HasLayout(rel string) bool {
	_, ok := t.layouts[rel]
	return ok
}
