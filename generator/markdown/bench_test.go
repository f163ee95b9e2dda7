package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchPage builds a realistic page of about 1000 words: headings, lists,
// a table, a callout, links and three code blocks. n varies the text.
func benchPage(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Aligning sales and marketing, part %d\n\n", n)
	para := "Marketing and sales disagree about what makes a lead *qualified*, so every week " +
		"the same argument returns in the pipeline review. This guide shows how a joint " +
		"definition, a shared [service-level agreement](../guides/sla.md#targets) and a " +
		"short weekly meeting replace blame with numbers that both teams trust.[^%d]\n\n"
	for s := 1; s <= 6; s++ {
		fmt.Fprintf(&b, "## Step %d: agree on the handoff\n\n", s)
		for range 2 {
			fmt.Fprintf(&b, para, s)
		}
		b.WriteString("- Review last month's funnel with `both` teams\n- Name an owner for each stage\n" +
			"- [x] Publish the definition on the [wiki](https://wiki.example.com/leads)\n\n")
		if s%2 == 0 {
			b.WriteString("> [!TIP]\n> Keep the meeting to **45 minutes** and end with one decision.\n\n")
			fmt.Fprintf(&b, "```sql\nSELECT stage, count(*) AS leads\nFROM funnel\nWHERE created_at > now() - interval '%d days'\nGROUP BY stage\nORDER BY leads DESC;\n```\n\n", n*10+s)
		} else {
			b.WriteString("| Stage | Owner | SLA |\n|:--|:-:|--:|\n| MQL | Marketing | 24h |\n| SQL | Sales | 4h |\n\n")
			fmt.Fprintf(&b, "```go\nfunc score(l Lead) int {\n\tif l.Visits > 3 && l.Title != \"\" {\n\t\treturn %d\n\t}\n\treturn 20\n}\n```\n\n", n*10+s)
		}
		fmt.Fprintf(&b, "### Details %d\n\n%s", s, strings.ReplaceAll(para, "%d", fmt.Sprint(s)))
	}
	for s := 1; s <= 6; s++ {
		fmt.Fprintf(&b, "[^%d]: Source: the %d%s quarterly [review](review-%d.md).\n", s, s, "th", s)
	}
	return b.String()
}

// BenchmarkRender renders distinct pages (their code differs), so the
// highlight cache does not help: the cost of a cold build.
func BenchmarkRender(b *testing.B) {
	r := New(Options{})
	pages := make([][]byte, b.N)
	for i := range pages {
		// Offset by b.N so that the pages of each calibration run differ from
		// the ones before (the highlight cache is shared).
		pages[i] = []byte(benchPage(i + 1_000_000*b.N))
	}
	b.SetBytes(int64(len(pages[0])))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := r.Render(pages[i], 5, testResolver); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(countWords(pages[0])), "words/page")
}

// BenchmarkRenderCached renders the same page again, as a rebuild in
// playbook serve does: code highlighting comes from the cache.
func BenchmarkRenderCached(b *testing.B) {
	r := New(Options{})
	src := []byte(benchPage(1))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(src, 5, testResolver); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderRawHTML renders the page of BenchmarkRenderCached with
// raw HTML added (a details block, a table, line breaks, superscripts, a
// link, an image and an anchor): compared with that benchmark, the cost
// of sanitizing, balancing and resolving the raw HTML of one page.
func BenchmarkRenderRawHTML(b *testing.B) {
	r := New(Options{})
	src := []byte(benchPage(1) + rawHTMLSection)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(src, 5, testResolver); err != nil {
			b.Fatal(err)
		}
	}
}

const rawHTMLSection = `
## Raw HTML <a name="raw"></a>

<details>
<summary>Quarterly targets</summary>

| Team | Target |
|---|---|
| Sales | 12<sup>th</sup> of each month<br>and a review |
| Marketing | 40 MQLs<br>per week |

</details>

<p align="center"><img src="chart.png" alt="Chart" width="400"><br>
<a href="../guides/sla.md#targets">The SLA</a> and <kbd>Ctrl</kbd>+<kbd>K</kbd>.</p>

<table>
<tr><th>Stage</th><th>Owner</th></tr>
<tr><td>MQL</td><td>Marketing</td></tr>
</table>
`

func BenchmarkRenderParallel(b *testing.B) {
	r := New(Options{})
	src := []byte(benchPage(1))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.Render(src, 5, testResolver); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkRenderCorpus renders the bodies of the Markdown files under
// $PLAYBOOK_BENCH_SITE/content (for example a corpus made by
// ../shared/bench/gencorpus.py), one file per iteration, round robin.
func BenchmarkRenderCorpus(b *testing.B) {
	site := os.Getenv("PLAYBOOK_BENCH_SITE")
	if site == "" {
		b.Skip("set PLAYBOOK_BENCH_SITE to a site root")
	}
	var bodies [][]byte
	err := filepath.WalkDir(filepath.Join(site, "content"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		bodies = append(bodies, stripFrontMatter(src))
		return nil
	})
	if err != nil || len(bodies) == 0 {
		b.Fatalf("no Markdown read from %s: %v", site, err)
	}
	r := New(Options{})
	var out bytes.Buffer
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := r.RenderInto(&out, bodies[i%len(bodies)], 0, nil); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// stripFrontMatter drops a leading +++ or --- block.
func stripFrontMatter(src []byte) []byte {
	for _, fence := range []string{"+++\n", "---\n"} {
		if rest, ok := bytes.CutPrefix(src, []byte(fence)); ok {
			if _, body, ok := bytes.Cut(rest, []byte("\n"+fence)); ok {
				return body
			}
		}
	}
	return src
}

// BenchmarkCollapseSpace collapses a page's worth of prose and code.
func BenchmarkCollapseSpace(b *testing.B) {
	src := []byte(strings.Repeat("Marketing and sales  disagree about\nwhat makes a lead qualified,\n\tso every week ", 60) +
		strings.Repeat("func score(l Lead) int {\n\tif l.Visits > 3 {\n\t\treturn 10\n\t}\n}\n", 20))
	buf := make([]byte, len(src))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		copy(buf, src)
		_ = collapseSpace(buf)
	}
}

// BenchmarkMayAutolink checks a corpus-sized page without autolinks.
func BenchmarkMayAutolink(b *testing.B) {
	src := []byte(strings.Repeat("Sales and marketing should agree on which leads follow up first. Note: the weekly review works when the shared funnel is owned by both teams, with one worksheet.\n", 50))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if mayAutolink(src) {
			b.Fatal("found an autolink")
		}
	}
}
