package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func mustRender(t *testing.T, opts Options, src string, lineOffset int, resolve LinkResolver) *Result {
	t.Helper()
	res, err := New(opts).Render([]byte(src), lineOffset, resolve)
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return res
}

func headingIDs(res *Result) []string {
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestHeadingIDsUnique(t *testing.T) {
	src := "## Agenda\n\n## Agenda\n\n## Notes {#agenda-1}\n\n## Agenda\n\n## Later {#first}\n\n# First\n"
	res := mustRender(t, Options{}, src, 0, nil)
	want := []string{"agenda", "agenda-2", "agenda-1", "agenda-3", "first", "first-1"}
	if got := headingIDs(res); !reflect.DeepEqual(got, want) {
		t.Errorf("ids = %q; want %q", got, want)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("unexpected warnings: %v", res.Diagnostics)
	}
	for _, id := range want {
		if !bytes.Contains(res.HTML, []byte(`id="`+id+`"`)) {
			t.Errorf("HTML lacks id %q:\n%s", id, res.HTML)
		}
	}
}

func TestDuplicateCustomIDWarns(t *testing.T) {
	res := mustRender(t, Options{}, "intro\n\n## A {#x}\n\n## B {#x}\n", 10, nil)
	if len(res.Diagnostics) != 1 {
		t.Fatalf("diagnostics = %v; want one warning", res.Diagnostics)
	}
	d := res.Diagnostics[0]
	if d.Pos.Line != 15 || !strings.Contains(d.Msg, `"x"`) {
		t.Errorf("warning = %d:%d %q; want line 15 naming \"x\"", d.Pos.Line, d.Pos.Col, d.Msg)
	}
}

func TestHeadingTextHasNoAnchor(t *testing.T) {
	res := mustRender(t, Options{}, "## Agenda *today*\n", 0, nil)
	if len(res.TOC) != 1 || res.TOC[0].Text != "Agenda today" {
		t.Fatalf("TOC = %+v; want one entry with text %q", res.TOC, "Agenda today")
	}
	if res.Sections[0].Title != "Agenda today" {
		t.Errorf("section title = %q", res.Sections[0].Title)
	}
}

func TestCalloutMarker(t *testing.T) {
	tests := []struct {
		line string
		want string
		end  int // where the text after the marker begins
		ok   bool
	}{
		{"[!NOTE]", "NOTE", 7, true},
		{"  [!Tip]  \n", "Tip", 11, true},
		{"[!warning]", "warning", 10, true},
		{"[!NOTE] text", "NOTE", 8, true},
		{" [!NOTE]   text ", "NOTE", 11, true},
		{"[!NOTE]text", "", 0, false},
		{"[!]", "", 0, false},
		{"[NOTE]", "", 0, false},
		{"[!NO TE]", "", 0, false},
		{"[!NOTE", "", 0, false},
	}
	for _, tt := range tests {
		got, end, ok := calloutMarker([]byte(tt.line))
		if got != tt.want || end != tt.end || ok != tt.ok {
			t.Errorf("calloutMarker(%q) = %q, %d, %v; want %q, %d, %v", tt.line, got, end, ok, tt.want, tt.end, tt.ok)
		}
	}
}

func TestCalloutKeepsContentAndPositions(t *testing.T) {
	src := "> [!WARNING]\n> See [the SLA](sla.md) **now**.\n"
	res := mustRender(t, Options{}, src, 2, testResolver)
	want := "<aside class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n" +
		"<p>See <a href=\"/sla/\">the SLA</a> <strong>now</strong>.</p>\n</aside>\n"
	if string(res.HTML) != want {
		t.Errorf("HTML = %q; want %q", res.HTML, want)
	}
	if len(res.Links) != 1 || res.Links[0].Line != 4 || res.Links[0].Col != 7 {
		t.Errorf("links = %+v; want one at 4:7", res.Links)
	}
	if res.Summary != "" || res.Sections[0].Text != "See the SLA now." {
		t.Errorf("summary %q, sections %+v", res.Summary, res.Sections)
	}
}

func TestLinkPositions(t *testing.T) {
	lines := []string{
		"Intro with [a link](a.md).",
		"",
		"- item ![img](pic.png) and [b](https://b.example/)",
		"",
		"> quoted [c][ref]",
		"",
		"Footnote.[^1]",
		"",
		"[^1]: See [d](#d).",
		"",
		"[ref]: c.md",
	}
	const offset = 7
	src := strings.Join(lines, "\n") + "\n"
	res := mustRender(t, Options{}, src, offset, testResolver)
	want := []struct {
		needle string
		line   int
		dest   string
		url    string
		image  bool
	}{
		{"[a link]", 0, "a.md", "/a/", false},
		{"![img]", 2, "pic.png", "/page/pic.png", true},
		{"[b]", 2, "https://b.example/", "https://b.example/", false},
		{"[c]", 4, "c.md", "/c/", false},
		{"[d]", 8, "#d", "#d", false},
	}
	if len(res.Links) != len(want) {
		t.Fatalf("got %d links %+v; want %d", len(res.Links), res.Links, len(want))
	}
	for i, w := range want {
		got := res.Links[i]
		col := strings.Index(lines[w.line], w.needle) + 1
		if got.Line != offset+w.line+1 || got.Col != col || got.Dest != w.dest || got.URL != w.url || got.Image != w.image {
			t.Errorf("link %d = %+v; want %s at %d:%d → %s (image %v)", i, got, w.dest, offset+w.line+1, col, w.url, w.image)
		}
	}
}

func TestLinkPositionsCRLFAndUnicode(t *testing.T) {
	src := "# Tïtle\r\n\r\nÄö [x](y.md)\r\n"
	res := mustRender(t, Options{}, src, 0, nil)
	if len(res.Links) != 1 || res.Links[0].Line != 3 || res.Links[0].Col != len("Äö ")+1 {
		t.Errorf("links = %+v; want one at 3:%d (byte column)", res.Links, len("Äö ")+1)
	}
	if res.Links[0].URL != "y.md" {
		t.Errorf("without a resolver the URL must stay as written, got %q", res.Links[0].URL)
	}
}

func TestSummary(t *testing.T) {
	long := strings.Repeat("alignment ", 40)
	tests := []struct{ name, src, want string }{
		{"first paragraph", "# T\n\nFirst *para*\ngraph.\n\nSecond.\n", "First para graph."},
		{"skips headings and lists", "## H\n\n- list\n\nThe paragraph.\n", "The paragraph."},
		{"none", "## Only a heading\n", ""},
		{"escapes resolved", "Fish \\& chips &amp; peas.\n", "Fish & chips & peas."},
		{"cut at word", long, strings.TrimSpace(strings.Repeat("alignment ", 30)) + "…"},
	}
	for _, tt := range tests {
		res := mustRender(t, Options{}, tt.src, 0, nil)
		if res.Summary != tt.want {
			t.Errorf("%s: Summary = %q; want %q", tt.name, res.Summary, tt.want)
		}
	}
}

func TestTruncateWords(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"short text", 20, "short text"},
		{"one two three four", 10, "one two…"},
		{"one two, three", 9, "one two…"},
		{"unbreakableword", 5, "unbre…"},
		{"日本語のテキストです", 4, "日本語の…"},
	}
	for _, tt := range tests {
		if got := truncateWords(tt.in, tt.limit); got != tt.want {
			t.Errorf("truncateWords(%q, %d) = %q; want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestSections(t *testing.T) {
	src := "Before the headings.\n\n# Title\n\nUnder title.\n\n## Agenda\n\n" +
		"- one\n- two\n\n```go\nx := 1\n```\n\n### Empty\n\n## Agenda\n\nLast <b>bold</b> [link](x).\n"
	res := mustRender(t, Options{}, src, 0, nil)
	want := []Section{
		{ID: "", Title: "", Level: 0, Text: "Before the headings."},
		{ID: "title", Title: "Title", Level: 1, Text: "Under title."},
		{ID: "agenda", Title: "Agenda", Level: 2, Text: "one two", Code: "x := 1"},
		{ID: "empty", Title: "Empty", Level: 3, Text: ""},
		{ID: "agenda-1", Title: "Agenda", Level: 2, Text: "Last bold link."},
	}
	if !reflect.DeepEqual(res.Sections, want) {
		t.Errorf("Sections =\n%+v\nwant\n%+v", res.Sections, want)
	}
	if res.WordCount != 16 {
		t.Errorf("WordCount = %d; want 16", res.WordCount)
	}
}

func TestSectionsWithoutPreamble(t *testing.T) {
	res := mustRender(t, Options{DropLeadingH1: true}, "# Page title\n\nBody text.\n", 0, nil)
	want := []Section{{ID: "", Title: "Page title", Level: 1, Text: "Body text."}}
	if !reflect.DeepEqual(res.Sections, want) {
		t.Errorf("Sections = %+v; want %+v", res.Sections, want)
	}
	if res.H1 != "Page title" || len(res.Headings) != 0 || bytes.Contains(res.HTML, []byte("<h1")) {
		t.Errorf("H1 %q, headings %+v, HTML %q", res.H1, res.Headings, res.HTML)
	}
}

func TestH1AfterReferenceDefinitions(t *testing.T) {
	res := mustRender(t, Options{DropLeadingH1: true}, "[ref]: https://x.example/\n\n# Title\n\nSee [ref].\n", 0, nil)
	if res.H1 != "Title" || bytes.Contains(res.HTML, []byte("<h1")) {
		t.Errorf("H1 = %q, HTML = %q; want the title taken and dropped", res.H1, res.HTML)
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one two  three", 3},
		{"don't stop-believing, 42!", 4},
		{"営業と", 3},
		{"naïve café", 2},
		{"a1 b2\tc3\nx", 4},
		{"'quoted' word", 2},
		{"営業 and sales", 4},
		{"…ellipsis… end—dash", 3},
	}
	for _, tt := range tests {
		if got := countWords([]byte(tt.in)); got != tt.want {
			t.Errorf("countWords(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	for _, in := range []string{"", " ", "one", "  one  ", "one two", "a \n\t b\r\n\fc\v", "x  y   z ", "\n\nlead", "naïve  café"} {
		want := strings.Join(strings.Fields(in), " ")
		if got := collapseSpace([]byte(in)); got != want {
			t.Errorf("collapseSpace(%q) = %q; want %q", in, got, want)
		}
	}
}

// FuzzCollapseSpace checks collapseSpace against strings.Fields on ASCII
// text (Fields also splits at Unicode spaces, which collapseSpace keeps).
func FuzzCollapseSpace(f *testing.F) {
	f.Add("  a b\n\tc  ")
	f.Fuzz(func(t *testing.T, in string) {
		for _, r := range in {
			if r >= 0x80 {
				return
			}
		}
		want := strings.Join(strings.Fields(in), " ")
		if got := collapseSpace([]byte(in)); got != want {
			t.Errorf("collapseSpace(%q) = %q; want %q", in, got, want)
		}
	})
}

func TestNoInlineStylesOrScripts(t *testing.T) {
	res := mustRender(t, Options{}, benchPage(3), 0, testResolver)
	for _, bad := range []string{" style=", "<script", " onclick=", "<!-- raw HTML omitted"} {
		if bytes.Contains(res.HTML, []byte(bad)) {
			t.Errorf("HTML contains %q", bad)
		}
	}
}

func TestHeadingStyleAttributeDropped(t *testing.T) {
	res := mustRender(t, Options{}, "## Hi {#hi style=\"color:red\" .big}\n", 0, nil)
	want := `<h2 id="hi" class="big">Hi <a class="anchor" href="#hi" aria-label="Link to this section: Hi">#</a></h2>` + "\n"
	if string(res.HTML) != want {
		t.Errorf("HTML = %q; want %q", res.HTML, want)
	}
}

func TestConcurrentRenderIsDeterministic(t *testing.T) {
	r := New(Options{})
	pages := make([]string, 8)
	want := make([][]byte, len(pages))
	for i := range pages {
		pages[i] = benchPage(i + 1)
		res, err := r.Render([]byte(pages[i]), i, testResolver)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res.HTML
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(pages))
	for range 4 {
		for i := range pages {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := r.Render([]byte(pages[i]), i, testResolver)
				if err != nil {
					errs <- err
				} else if !bytes.Equal(res.HTML, want[i]) {
					errs <- fmt.Errorf("page %d rendered differently under concurrency", i)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestHighlightCSS(t *testing.T) {
	css, err := HighlightCSS("github", "github-dark")
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	for _, want := range []string{
		"\n.chroma .k { color: #cf222e }",
		"@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=light]) .chroma span { color: inherit",
		"\n  :root:not([data-theme=light]) .chroma .k { color: #ff7b72 }",
		"\n[data-theme=dark] .chroma span { color: inherit",
		"\n[data-theme=dark] .chroma .k { color: #ff7b72 }",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("HighlightCSS lacks %q", want)
		}
	}
	if strings.Contains(s, "/* Keyword */") {
		t.Error("HighlightCSS must not carry per-rule comments (they break the selector prefixing)")
	}
	if _, err := HighlightCSS("github", "no-such-style"); err == nil {
		t.Error("HighlightCSS with an unknown style must fail")
	}
}

func TestLexerLookup(t *testing.T) {
	for _, lang := range []string{"go", "Go", "sql", "toml", "yaml", "bash"} {
		if lookupLexer(lang) == nil {
			t.Errorf("lookupLexer(%q) = nil; want a lexer", lang)
		}
	}
	for _, lang := range []string{"", "nosuchlang", "text", "plaintext"} {
		if e := lookupLexer(lang); e != nil {
			t.Errorf("lookupLexer(%q) = %s; want nil", lang, e.name)
		}
	}
}

func TestConcurrentFirstUseOfLexers(t *testing.T) {
	// Languages no other test touches, so that the lexers are looked up and
	// prepared by racing goroutines.
	src := []byte("```haskell\nmain = putStrLn \"hi\"\n```\n\n```elixir\ndefmodule A do\n  def b, do: :c\nend\n```\n\n```kotlin\nfun main() { println(\"x\") }\n```\n")
	r := New(Options{})
	results := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := r.Render(src, 0, nil)
			if err != nil {
				t.Error(err)
				return
			}
			results[i] = res.HTML
		}()
	}
	wg.Wait()
	for i := range results {
		if !bytes.Equal(results[i], results[0]) {
			t.Fatalf("render %d differs:\n%s\nvs\n%s", i, results[i], results[0])
		}
	}
	if !bytes.Contains(results[0], []byte(`data-lang="haskell"`)) || !bytes.Contains(results[0], []byte(`<span class="`)) {
		t.Errorf("code was not highlighted:\n%s", results[0])
	}
}

// TestRenderIntoReusesTheBuffer renders two pages into one buffer: each
// result is the HTML Render gives, written into the caller's buffer.
func TestRenderIntoReusesTheBuffer(t *testing.T) {
	r := New(Options{})
	var buf bytes.Buffer
	for _, src := range []string{benchPage(1), "# Short\n\nA *small* page.\n"} {
		want := mustRender(t, Options{}, src, 0, testResolver)
		got, err := r.RenderInto(&buf, []byte(src), 0, testResolver)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.HTML, want.HTML) {
			t.Errorf("RenderInto HTML differs from Render's for %.20q", src)
		}
		if len(got.HTML) > 0 && &got.HTML[0] != &buf.Bytes()[0] {
			t.Error("RenderInto did not write into the given buffer")
		}
	}
}

func TestLineStarts(t *testing.T) {
	for src, want := range map[string][]int{
		"":            {0},
		"a":           {0},
		"a\n":         {0, 2},
		"ab\n\ncd\nx": {0, 3, 4, 7},
	} {
		if got := lineStarts([]byte(src)); !slices.Equal(got, want) {
			t.Errorf("lineStarts(%q) = %v, want %v", src, got, want)
		}
	}
}

// FuzzCollapseSpaceCount checks collapseSpaceCount on any bytes: the text
// is its fields around ASCII white space joined by one space, and the count
// is countWords of the input.
func FuzzCollapseSpaceCount(f *testing.F) {
	f.Add([]byte("  a b\n\tc  "))
	f.Add([]byte("caf\u00e9 don’t 日本語 \xff x"))
	f.Fuzz(func(t *testing.T, in []byte) {
		fields := bytes.FieldsFunc(in, func(r rune) bool { return r < utf8.RuneSelf && isSpaceByte[r] })
		want, wantWords := string(bytes.Join(fields, []byte(" "))), countWords(in)
		got, words := collapseSpaceCount(bytes.Clone(in))
		if got != want || words != wantWords {
			t.Errorf("collapseSpaceCount(%q) = %q, %d; want %q, %d", in, got, words, want, wantWords)
		}
	})
}

// collapseSpace is collapseSpaceCount without the count.
func collapseSpace(text []byte) string {
	s, _ := collapseSpaceCount(text)
	return s
}

func TestBlockAttributesUnsafeKeepsStyle(t *testing.T) {
	src := "Red text.\n{style=\"color: red\" .x}\n"
	safe := mustRender(t, Options{}, src, 0, nil)
	if want := "<p class=\"x\">Red text.</p>\n"; string(safe.HTML) != want {
		t.Errorf("safe HTML = %q; want %q", safe.HTML, want)
	}
	unsafe := mustRender(t, Options{Unsafe: true}, src, 0, nil)
	if want := "<p style=\"color: red\" class=\"x\">Red text.</p>\n"; string(unsafe.HTML) != want {
		t.Errorf("unsafe HTML = %q; want %q", unsafe.HTML, want)
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ src, text, html string }{
		{"Lead handoff SLA", "Lead handoff SLA", ""},
		{"**Total Rewards**", "Total Rewards", "<strong>Total Rewards</strong>"},
		{"The *MQL* trap", "The MQL trap", "The <em>MQL</em> trap"},
		{"Use `git rebase`", "Use git rebase", "Use <code>git rebase</code>"},
		{":rocket: Launch ~~late~~", "🚀 Launch late", "🚀 Launch <del>late</del>"},
		{"See [the SLA](sla.md)", "See the SLA", ""},
		{"C# <tips> & R&amp;D", "C# <tips> & R&D", ""},
		{"*Q&amp;A* <b>", "Q&A <b>", "<em>Q&amp;A</em> &lt;b&gt;"},
		{"1. Intro", "1. Intro", ""},
		{"# not a heading", "# not a heading", ""},
		{"snake_case_name at 10:30", "snake_case_name at 10:30", ""},
		{`Escaped \*stars\*`, "Escaped *stars*", ""},
	}
	for _, tt := range tests {
		text, html := Title(tt.src)
		if text != tt.text || html != tt.html {
			t.Errorf("Title(%q) = %q, %q; want %q, %q", tt.src, text, html, tt.text, tt.html)
		}
	}
}

func TestDiagramsCounted(t *testing.T) {
	src := "```mermaid\ngraph TD\n  A --> B\n```\n\n```go\nx := 1\n```\n\n```mermaid\npie\n```\n"
	if res := mustRender(t, Options{}, src, 0, nil); res.Diagrams != 2 {
		t.Errorf("Diagrams = %d; want 2", res.Diagrams)
	}
	if res := mustRender(t, Options{}, "Text about mermaid.\n", 0, nil); res.Diagrams != 0 {
		t.Errorf("Diagrams = %d without a diagram; want 0", res.Diagrams)
	}
}
