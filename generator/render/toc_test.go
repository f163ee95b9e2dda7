package render

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// tocTemplate is the table of contents written as a template, ranging over
// .TOC: TableOfContents must give the same bytes.
const tocTemplate = `{{- if .ShowTOC }}{{ with .TOC }}
<nav class="toc" aria-labelledby="pb-toc-title">
  <details class="toc-details">
    <summary><h2 id="pb-toc-title" class="toc-title">On this page</h2></summary>
  <ol>
    {{- range . }}
    <li><a href="#{{ .ID }}">{{ .Text }}</a>
      {{- with .Children }}
      <ol>
        {{- range . }}
        <li><a href="#{{ .ID }}">{{ .Text }}</a></li>
        {{- end }}
      </ol>
      {{- end }}
    </li>
    {{- end }}
  </ol>
  </details>
</nav>
{{- end }}{{ end }}
`

func TestTableOfContentsMatchesTemplate(t *testing.T) {
	builtIn, diags := LoadTheme(fstest.MapFS{}, "default")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	ranged, diags := LoadTheme(fstest.MapFS{"themes/x/layouts/partials/toc.html": {Data: []byte(tocTemplate)}}, "x")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	p := fixtureGuide()
	p.TOC = []TOCEntry{
		{ID: "why", Text: "Why", Level: 2},
		{ID: "q-and-a", Text: `Q&A: "quotes", <tags> and 'apostrophes'`, Level: 2, Children: []TOCEntry{
			{ID: "café-über", Text: "Café über", Level: 3},
			{ID: "a/b?c#d%e f+g", Text: "Odd id", Level: 3},
		}},
		{ID: "last", Text: "Last", Level: 2},
	}
	var got, want bytes.Buffer
	if err := builtIn.Execute(&got, p); err != nil {
		t.Fatal(err)
	}
	if err := ranged.Execute(&want, p); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("TableOfContents differs from the ranged template:\n got: %s\nwant: %s", got.String(), want.String())
	}
	if len(p.TableOfContents()) == 0 || (&Page{}).TableOfContents() != "" {
		t.Error("TableOfContents: want HTML for a page with headings, nothing for one without")
	}
}
