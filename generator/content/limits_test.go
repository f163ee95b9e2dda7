package content

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
)

func TestLimits(t *testing.T) {
	deepList := strings.Builder{}
	for i := range 120 {
		deepList.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	var yamlDeep strings.Builder
	yamlDeep.WriteString("---\ntitle: x\na:\n")
	for i := range 70 {
		yamlDeep.WriteString(strings.Repeat(" ", i+1) + "b:\n")
	}
	yamlDeep.WriteString("---\n")
	cases := []struct{ name, src, want string }{
		{"toml arrays", "+++\ntitle = \"x\"\na = " + strings.Repeat("[", 65) + strings.Repeat("]", 65) + "\n+++\n", "content/p.md:3:69: front matter nests deeper than 64 levels"},
		{"toml inline tables", "+++\na = " + strings.Repeat("{b = ", 70) + "1" + strings.Repeat("}", 70) + "\n+++\n", "content/p.md:2:" /* col */},
		{"yaml flow", "---\na: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n---\n", "content/p.md:2:"},
		{"yaml blocks", yamlDeep.String(), "content/p.md:67:1: front matter nests deeper than 64 levels"},
		{"yaml dashes", "---\na:\n" + strings.Repeat("- ", 70) + "x\n---\n", "content/p.md:3:1: front matter nests deeper than 64 levels"},
		{"lists", "---\ntitle: x\n---\n" + deepList.String(), "content/p.md:104:1: lists or block quotes nest deeper than 100 levels (101 here)"},
		{"quotes", "# T\n\n" + strings.Repeat(">", 150) + " deep\n", "content/p.md:3:1: lists or block quotes nest deeper than 100 levels (150 here)"},
		{"size", strings.Repeat("x", 30000), "content/p.md:1: the page is 30000 bytes, over the limit of 20000 bytes (maxPageSize in config.toml)"},
	}
	cfg := config.Default()
	cfg.MaxPageSize = 20000
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pg, diags := Parse("p.md", []byte(c.src), cfg)
			if pg != nil || len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), c.want) {
				t.Errorf("got page %v, diagnostics %v; want one starting %q", pg != nil, diags, c.want)
			}
		})
	}
}

func TestLimitsKeepOrdinaryPages(t *testing.T) {
	src := "+++\ntitle = \"ok\"\ntags = [\"a\", \"b\"]\nweird = \"[[[[{{{{ in a string\" # [[[ in a comment\n[params]\nx = {a = [1, [2, [3]]]}\n+++\n" +
		"- a\n  - b\n    - c\n\n> quote\n> > inner\n\n```\n" + strings.Repeat(" ", 150) + "code\n```\n"
	if _, diags := Parse("p.md", []byte(src), config.Default()); len(diags) != 0 {
		t.Errorf("an ordinary page was refused: %v", diags)
	}
}

func BenchmarkBodyDepth(b *testing.B) {
	body := []byte(strings.Repeat("A paragraph of ordinary text that goes on for a while.\n\n- a list item\n  - nested item\n\n> a quote\n\n", 200))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		bodyDepth(body)
	}
}

func BenchmarkMayNestDeep(b *testing.B) {
	body := []byte(strings.Repeat("A paragraph of ordinary text that goes on for a while.\n\n- a list item\n  - nested item\n\n> a quote\n\n", 200))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if mayNestDeep(body) {
			b.Fatal("an ordinary body may nest deep")
		}
	}
}

// TestMayNestDeepFindsEveryRun checks the skipping scan against a plain
// count of runs, on bodies with runs of every length at every offset.
func TestMayNestDeepFindsEveryRun(t *testing.T) {
	for pre := 0; pre < 3*minDeepRun; pre += 7 {
		for run := minDeepRun - 3; run <= minDeepRun+3; run++ {
			body := strings.Repeat("a", pre) + strings.Repeat(" ", run) + "b" + strings.Repeat("c ", 40)
			want := strings.Contains(body, strings.Repeat(" ", minDeepRun))
			if got := mayNestDeep([]byte(body)); got != want {
				t.Errorf("prefix %d, run %d: got %v, want %v", pre, run, got, want)
			}
		}
	}
	deep := "\n" + strings.Repeat("\t", minDeepRun) + "- x\n"
	if !mayNestDeep([]byte(deep)) {
		t.Error("tabs deep enough to pass the limit were missed")
	}
	if line, depth := bodyDepth([]byte(deep)); line != 2 || depth <= MaxBodyDepth {
		t.Errorf("bodyDepth of %d tabs: line %d, depth %d", minDeepRun, line, depth)
	}
}
