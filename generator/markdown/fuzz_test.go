package markdown

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/yuin/goldmark"
)

// FuzzRender checks that no input makes rendering panic or fail, in safe and
// unsafe mode, and that safe mode never lets a script tag through (see
// FuzzRawHTML for the sanitizer).
func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		if ar, err := txtar.ParseFile(file); err == nil {
			f.Add(section(ar, "input.md"), 3)
		}
	}
	f.Add([]byte(benchPage(1)), 0)
	f.Add([]byte("> [!NOTE]\n> [!NOTE]\n"), 0)
	f.Add([]byte("> [!NOTE]"), 0)
	f.Add([]byte("##\n# {#}\n"), 0)
	f.Add([]byte("Text\n{.a #b onclick=\"x\" style='y' data-z=1}\n\n> [!DANGER] :rocket: go\n{#c}\n"), 0)
	safe, unsafe := New(Options{DropLeadingH1: true}), New(Options{Unsafe: true})
	f.Fuzz(func(t *testing.T, src []byte, lineOffset int) {
		if lineOffset < 0 || lineOffset > 1<<20 {
			lineOffset = 0
		}
		res, err := safe.render(nil, src, lineOffset, testResolver, nil)
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if bytes.Contains(res.HTML, []byte("<script")) {
			t.Fatalf("safe mode emitted a script tag for %q", src)
		}
		if eventHandler.Match(res.HTML) {
			t.Fatalf("safe mode emitted an event handler attribute for %q", src)
		}
		checkResult(t, res, lineOffset, src)
		if _, err := unsafe.render(nil, src, lineOffset, nil, nil); err != nil {
			t.Fatalf("render unsafe: %v", err)
		}
	})
}

// checkResult asserts invariants that hold for any input.
func checkResult(t *testing.T, res *Result, lineOffset int, src []byte) {
	lines := bytes.Count(src, []byte("\n")) + 1
	for _, l := range res.Links {
		if l.Line <= lineOffset || l.Line > lineOffset+lines || l.Col < 1 {
			t.Fatalf("link %+v outside the body (offset %d, %d lines)", l, lineOffset, lines)
		}
	}
	seen := map[string]bool{}
	for _, h := range res.Headings {
		if seen[h.ID] && len(res.Diagnostics) == 0 {
			t.Fatalf("duplicate heading id %q without a warning", h.ID)
		}
		seen[h.ID] = true
	}
	if utf8.Valid(src) && !utf8.ValidString(res.Summary) {
		t.Fatalf("summary is not valid UTF-8: %q", res.Summary)
	}
}

// FuzzAutolinkShortcut checks the shortcut of Render for sources without a
// possible autolink: goldmark with its linkify parser renders them as
// goldmark without it. One difference is allowed: with four or more spaces
// before a hard line break, the linkify parser (which runs at every space)
// leaves one space before the <br>; without it the spaces go, as CommonMark
// says. Browsers show both the same.
func FuzzAutolinkShortcut(f *testing.F) {
	f.Add([]byte("Plain *text* with (parens) and ~tildes~ and a_b_c words.\n\n- item one\n"))
	f.Add([]byte("Mail me: someone at example dot com, or www example com"))
	f.Add([]byte(benchPage(2)))
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src []byte) {
		if mayAutolink(src) {
			return
		}
		var with, without bytes.Buffer
		if err := r.md.Convert(src, &with); err != nil {
			t.Fatal(err)
		}
		if err := r.noAutolinks.Convert(src, &without); err != nil {
			t.Fatal(err)
		}
		visible := func(b bytes.Buffer) string { return strings.ReplaceAll(b.String(), " <br>", "<br>") }
		if visible(with) != visible(without) {
			t.Errorf("linkify changed a source without a possible autolink %q:\nwith:    %s\nwithout: %s", src, with.String(), without.String())
		}
	})
}

func TestAutolinksStillFound(t *testing.T) {
	res := mustRender(t, Options{}, "See https://example.org/x and www.example.com or ask help@example.org.\n", 0, nil)
	for _, want := range []string{`href="https://example.org/x"`, `href="http://www.example.com"`, `href="mailto:help@example.org"`} {
		if !bytes.Contains(res.HTML, []byte(want)) {
			t.Errorf("HTML %s lacks %s", res.HTML, want)
		}
	}
}

// FuzzLinkRefGate checks linkRefGate: goldmark's parser with the gate
// renders every source exactly as goldmark's default parser does.
func FuzzLinkRefGate(f *testing.F) {
	for _, s := range []string{
		"[a]: /x\n\nSee [a].\n",
		"   [a]: /x 'title'\n[b]:\n  /y\n\n[a] [b]\n",
		"    [a]: /x\n\n[a]\n",
		"Text\n[a]: /x\n\n[a]\n",
		"> [a]: /x\n\n- [b]: /y\n\n[a] [b]\n",
		"\t[a]: /x\n\n[a]\n",
		"[a]: /x\n[b]: /y\ntext after\n\n[a][b]\n",
		"[not a def] here\n[a]: /x\n",
	} {
		f.Add([]byte(s))
	}
	gated := newGoldmark(Options{}, false)
	plain := newGoldmarkWith(goldmark.DefaultParser(), Options{}, false)
	f.Fuzz(func(t *testing.T, src []byte) {
		var got, want bytes.Buffer
		if err := gated.Convert(src, &got); err != nil {
			t.Fatal(err)
		}
		if err := plain.Convert(src, &want); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("the gate changed the output for %q:\ngated: %s\nplain: %s", src, got.String(), want.String())
		}
	})
}

// FuzzMayAutolink checks mayAutolink against its plain definition.
func FuzzMayAutolink(f *testing.F) {
	for _, s := range []string{"see www.x", "ww.w.", "http:", "xhttps:", "ftp:/", "a@b", "Note: ftp", "http", ":www"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		want := bytes.IndexByte(src, '@') >= 0
		for _, p := range []string{"www.", "http:", "https:", "ftp:"} {
			want = want || bytes.Contains(src, []byte(p))
		}
		if got := mayAutolink(src); got != want {
			t.Errorf("mayAutolink(%q) = %v, want %v", src, got, want)
		}
	})
}

// eventHandler matches an on… attribute inside a tag.
var eventHandler = regexp.MustCompile(`(?i)<[a-z][^<>]*\son[a-z]*\s*=`)

// FuzzTitle checks that any title gives plain text without tags and HTML
// with only inline formatting: no links, images or raw HTML.
func FuzzTitle(f *testing.F) {
	for _, s := range []string{"**Total Rewards**", "The *MQL* trap", "[x](y.md) <b>z</b> ![i](p.png)", ":rocket: `a` ~~b~~", "1. Intro", "<https://x.example/>", "a\\\n0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		plain, html := Title(src)
		if !strings.ContainsAny(src, titleMarkup) && (plain != src || html != "") {
			t.Fatalf("Title(%q) = %q, %q; want it unchanged", src, plain, html)
		}
		if titleTag.MatchString(html) {
			t.Fatalf("Title(%q) HTML %q holds a tag other than inline formatting", src, html)
		}
	})
}

// titleTag matches an HTML tag other than the inline formatting a title
// may hold.
var titleTag = regexp.MustCompile(`<(/?)(a|img|script|p|div|iframe|span|br)[\s>/]`)
