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

func TestScanTags(t *testing.T) {
	cases := []struct {
		src  string
		want string // name, flags and args of each tag, "|" between tags
	}{
		{`{{< figure src="a b.png" alt="say \"hi\"" >}}`, `figure [src=a b.png alt=say "hi"]`},
		{"{{% alert title=`two\nlines` %}}", "alert markdown [title=two\nlines]"},
		{`{{<note/>}}`, `note self []`},
		{`{{< blocks/cover 1 "two" >}}x{{< /blocks/cover >}}`, `blocks/cover [1 two]|blocks/cover closing []`},
		{`{{</* highlight go */>}}`, `literal {{< highlight go >}}`},
		{`{{%/* x */%}}`, `literal {{% x %}}`},
		{`{% hint style="info" %}a{% endhint %}`, `hint liquid [style=info]|hint liquid closing []`},
		{"{% raw %}{{< x >}}{% endraw %}", `literal {{< x >}}`},
		{"```\n{% hint %}\n```\n{{< a >}}", `a []`},
		{"Write `{% include x.html %}` in Jekyll, {% hint %} here.", `hint liquid []`},
		{`{{< a "unclosed >}}`, ``},
		{`{% if x }`, ``},
	}
	for _, c := range cases {
		tags, _ := scanTags([]byte(c.src))
		var got []string
		for _, tg := range tags {
			got = append(got, describeTag(tg))
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("scanTags(%q) = %q, want %q", c.src, g, c.want)
		}
	}
}

func describeTag(t scTag) string {
	if t.literal != nil {
		return "literal " + string(t.literal)
	}
	s := t.name
	if t.markdown {
		s += " markdown"
	}
	if t.liquid {
		s += " liquid"
	}
	if t.closing {
		s += " closing"
	}
	if t.selfClose {
		s += " self"
	}
	var args []string
	for _, a := range t.args {
		if a.key != "" {
			args = append(args, a.key+"="+a.val)
		} else {
			args = append(args, a.val)
		}
	}
	return s + " [" + strings.Join(args, " ") + "]"
}

func TestShortcodeGet(t *testing.T) {
	positional := &Shortcode{args: []scArg{{val: "a"}, {val: "b"}}}
	named := &Shortcode{args: []scArg{{key: "src", val: "x.png"}, {key: "0", val: "zero"}}}
	checks := []struct {
		got, want any
	}{
		{positional.Get(0), "a"}, {positional.Get(1), "b"}, {positional.Get(2), ""}, {positional.Get("1"), "b"},
		{positional.IsNamedParams(), false}, {len(positional.Params().([]any)), 2},
		{named.Get("src"), "x.png"}, {named.Get("0"), "zero"}, {named.Get(0), ""}, {named.Get("nope"), ""},
		{named.IsNamedParams(), true}, {named.Params().(map[string]any)["src"], "x.png"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %v, want %v", i, c.got, c.want)
		}
	}
}

// Placeholders never reach the plain text: summary, sections, headings.
func TestShortcodePlainText(t *testing.T) {
	src := "{{< note >}}\nFirst words inside.\n{{< /note >}}\n\n## Setup {{< youtube id=\"v1\" >}}\n\nBody {{< figure src=\"a.png\" >}} text.\n"
	res, err := New(Options{}).render(nil, []byte(src), 0, testResolver, testPageContext())
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary != "First words inside." {
		t.Errorf("summary = %q", res.Summary)
	}
	for _, s := range res.Sections {
		if strings.Contains(s.Text+s.Title, "PBSHORTCODE") {
			t.Errorf("placeholder in section %+v", s)
		}
	}
	if len(res.Headings) != 1 || res.Headings[0].ID != "setup" || res.Headings[0].Text != "Setup" {
		t.Errorf("headings = %+v", res.Headings)
	}
	if strings.Contains(string(res.HTML), "PBSHORTCODE") {
		t.Errorf("placeholder left in HTML:\n%s", res.HTML)
	}
}
