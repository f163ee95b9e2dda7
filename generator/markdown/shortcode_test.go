package markdown

import (
	"html/template"
	"io"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// fakeTemplates is a ShortcodeTemplates made of html/template sources.
type fakeTemplates struct{ set *template.Template }

func (f fakeTemplates) Has(name string) bool { return f.set.Lookup(name) != nil }

func (f fakeTemplates) Execute(w io.Writer, name string, dot any) error {
	return f.set.ExecuteTemplate(w, name, dot)
}

// testTemplates parses the layouts/shortcodes/NAME.html sections of a
// golden case; nil when there are none.
func testTemplates(t *testing.T, ar *txtar.Archive) ShortcodeTemplates {
	set := template.New("")
	n := 0
	for _, f := range ar.Files {
		name, ok := strings.CutPrefix(f.Name, "layouts/shortcodes/")
		if !ok {
			continue
		}
		if _, err := set.New(strings.TrimSuffix(name, ".html")).Parse(string(f.Data)); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		n++
	}
	if n == 0 {
		return nil
	}
	return fakeTemplates{set}
}

// testPageContext is the page every golden case is rendered as.
func testPageContext() *PageContext {
	params := map[string]any{"version": "2.4", "owner": "Platform team"}
	return &PageContext{
		File: "content/test.md",
		Page: func() any {
			return map[string]any{"Title": "Test page", "Permalink": "https://example.org/test/", "Params": params}
		},
		Site: map[string]any{"Title": "Test site", "BaseURL": "https://example.org/"},
		Param: func(key string) (any, bool) {
			v, ok := params[key]
			return v, ok
		},
	}
}

// testArchive makes a txtar archive of name, content pairs.
func testArchive(pairs ...string) *txtar.Archive {
	ar := &txtar.Archive{}
	for i := 0; i+1 < len(pairs); i += 2 {
		ar.Files = append(ar.Files, txtar.File{Name: pairs[i], Data: []byte(pairs[i+1])})
	}
	return ar
}
