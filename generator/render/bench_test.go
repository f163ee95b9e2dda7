package render

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"
)

// benchGuide is a guide shaped like the pages of the benchmark corpus: a
// dozen headings in its table of contents, four related cards, three tags.
func benchGuide() *Page {
	p := fixtureGuide()
	p.TOC = nil
	for i := range 6 {
		e := TOCEntry{ID: fmt.Sprintf("h%d", i), Text: fmt.Sprintf("Heading number %d", i), Level: 2}
		e.Children = []TOCEntry{{ID: fmt.Sprintf("h%d-a", i), Text: "A subheading", Level: 3}}
		p.TOC = append(p.TOC, e)
	}
	p.Tags = []Link{{Title: "meetings", URL: "/playbook/tags/meetings/"}, {Title: "sla", URL: "/playbook/tags/sla/"}, {Title: "pipeline", URL: "/playbook/tags/pipeline/"}}
	s := fixtureSummaries()
	p.Related = []Summary{s[0], s[1], s[0], s[1]}
	for i := range p.Related {
		p.Related[i].URL += fmt.Sprint(i)
	}
	return p
}

// BenchmarkExecuteGuide renders one guide page with the default theme.
func BenchmarkExecuteGuide(b *testing.B) {
	th, diags := LoadTheme(fstest.MapFS{}, "default")
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	p := benchGuide()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := th.Execute(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}
