package content

import (
	"bytes"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/markdown"
)

// FuzzPage runs a whole page — front matter and body — through content
// parsing and Markdown rendering: nothing panics, every problem is an
// error positioned inside the file, and a page that parses renders.
func FuzzPage(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"T\"\ntags = [\"a\"]\n[params]\nx = {a = [1, [2]]}\n+++\n# Hi\n\n- a\n  - b\n"))
	f.Add([]byte("---\ntitle: T\ntype: case-study\ncompany: A\nresults:\n  - label: x\n    before: .nan\n---\n> q\n> > r\n"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("+++\na = " + strings.Repeat("[", 70) + "\n+++\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n" + strings.Repeat(">", 120) + " deep\n"))
	f.Add([]byte("+++\ntitle = \"x\"\ntype = \"playbook\"\n[[steps]]\ntitle = \"s\"\n+++\n{{< note >}}x{{< /note >}}\n"))
	cfg := config.Default()
	cfg.MaxPageSize = 1 << 16
	md := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, src []byte) {
		pg, diags := Parse("guides/p.md", src, cfg)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range diags {
			if d.Pos.File != "content/guides/p.md" || d.Pos.Line < 1 || d.Pos.Line > lines {
				t.Fatalf("diagnostic %q is not positioned inside the file (%d lines)", d.Error(), lines)
			}
		}
		if pg == nil {
			if len(diags) == 0 {
				t.Fatal("no page and no diagnostic")
			}
			return
		}
		if pg.BodyLine < 0 || pg.BodyLine > lines {
			t.Fatalf("body starts at line %d of %d", pg.BodyLine, lines)
		}
		if _, err := md.Render(pg.Body, pg.BodyLine, nil); err != nil {
			t.Fatalf("render: %v", err)
		}
	})
}
