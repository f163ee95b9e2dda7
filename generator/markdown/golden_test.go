package markdown

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txtar")

// A golden case is a txtar archive. Its comment holds options, one per line:
// "unsafe", "drop-h1", "line-offset N", "no-resolver". Sections:
// input.md (required), output.html, toc.json (h1, TOC and headings),
// links.json, anchors.json (only when raw HTML has ids or names),
// warnings.txt (only when there are warnings). Sections named
// layouts/shortcodes/NAME.html are shortcode templates; every case renders
// with testPageContext.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases found: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runGolden(t, file)
		})
	}
}

func runGolden(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := parseCaseOptions(t, string(ar.Comment))
	c.opts.Shortcodes = testTemplates(t, ar)
	input := section(ar, "input.md")
	if input == nil {
		t.Fatalf("%s: no input.md section", file)
	}
	res, err := New(c.opts).render(nil, input, c.lineOffset, c.resolver, c.page)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	got := map[string][]byte{
		"output.html": res.HTML,
		"toc.json":    mustJSON(t, map[string]any{"h1": res.H1, "toc": res.TOC, "headings": res.Headings}),
		"links.json":  mustJSON(t, res.Links),
	}
	if len(res.Diagnostics) > 0 {
		got["warnings.txt"] = formatWarnings(res)
	}
	if len(res.Anchors) > 0 {
		got["anchors.json"] = mustJSON(t, res.Anchors)
	}
	if *update {
		writeGolden(t, file, ar, got)
		return
	}
	for _, name := range goldenSections {
		if want := section(ar, name); !bytes.Equal(got[name], want) {
			t.Errorf("%s: %s differs (run go test -update to accept)\n--- got ---\n%s\n--- want ---\n%s", file, name, got[name], want)
		}
	}
}

// goldenSections are the sections a case's output is compared in, in order.
var goldenSections = []string{"output.html", "toc.json", "links.json", "anchors.json", "warnings.txt"}

type caseOptions struct {
	opts       Options
	lineOffset int
	resolver   LinkResolver
	page       *PageContext
}

func parseCaseOptions(t *testing.T, comment string) caseOptions {
	c := caseOptions{resolver: testResolver, page: testPageContext()}
	for _, line := range strings.Split(comment, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		switch fields[0] {
		case "unsafe":
			c.opts.Unsafe = true
		case "drop-h1":
			c.opts.DropLeadingH1 = true
		case "no-resolver":
			c.resolver = nil
		case "line-offset":
			n, err := strconv.Atoi(fields[len(fields)-1])
			if err != nil {
				t.Fatalf("bad line-offset: %v", err)
			}
			c.lineOffset = n
		default:
			t.Fatalf("unknown case option %q", fields[0])
		}
	}
	return c
}

func section(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

func writeGolden(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	out := &txtar.Archive{Comment: ar.Comment}
	for _, f := range ar.Files {
		if f.Name == "input.md" || strings.HasPrefix(f.Name, "layouts/") {
			out.Files = append(out.Files, f)
		}
	}
	for _, name := range goldenSections {
		if got[name] != nil {
			out.Files = append(out.Files, txtar.File{Name: name, Data: got[name]})
		}
	}
	if err := os.WriteFile(file, txtar.Format(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// testResolver stands in for the site's resolver: Markdown files become
// pretty URLs, other relative files are placed under /page/, absolute
// URLs, site paths and fragments are kept.
func testResolver(dest string) (string, bool) {
	if dest == "" || strings.Contains(dest, ":") || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") {
		return "", false
	}
	path, frag, hasFrag := strings.Cut(dest, "#")
	if strings.HasSuffix(path, ".md") {
		path = "/" + strings.TrimSuffix(strings.TrimLeft(path, "./"), ".md") + "/"
	} else {
		path = "/page/" + path
	}
	if hasFrag {
		path += "#" + frag
	}
	return path, true
}

// formatWarnings prints diagnostics as "line:col: message" lines.
func formatWarnings(res *Result) []byte {
	var b bytes.Buffer
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "%d:%d: %s: %s\n", d.Pos.Line, d.Pos.Col, d.Severity, d.Msg)
	}
	return b.Bytes()
}
