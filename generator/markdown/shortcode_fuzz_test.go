package markdown

import (
	"bytes"
	"testing"
)

// FuzzShortcodes checks the shortcode scanner and expansion on any input:
// no panic; tags in order and inside the source; every byte copied into
// the expanded source maps back to the same byte of the page (positions
// round-trip); escaped tags print as the tag without its comment marks;
// a page without "{{" or "{%" is not touched; and the whole page renders
// with links inside the page and no placeholder left in its HTML.
func FuzzShortcodes(f *testing.F) {
	for _, s := range []string{
		"{{< note >}}\ntext [a](b.md)\n{{< /note >}}\n",
		"{{% alert color=\"warning\" title=`multi\nline` %}}x{{% /alert %}}",
		"{{< figure src=\"a.png\" caption=\"q \\\"x\\\"\" />}}",
		"{{</* highlight go */>}} and {{%/* x */%}}",
		"a {{< ref \"x.md\" >}} [y]({{< relref \"z.md#top\" >}})",
		"{% hint style=\"info\" %}\n```go\nx\n```\n{% endhint %}",
		"{% raw %}{{< x >}}{% endraw %} {% tabs %}{% tab title=\"A\" %}a{% endtab %}{% endtabs %}",
		"- item\n  {{% tip %}}\n  inner\n  {{% /tip %}}\n> {{< note >}}\n> quoted\n> {{< /note >}}\n",
		"{{< unclosed", "{{< a >}}{{< a >}}{{< /a >}}", "{{< /orphan >}}", "{%", "{{%", "PBSHORTCODE0E {{< param x >}}",
	} {
		f.Add([]byte(s))
	}
	r := New(Options{Shortcodes: fuzzTemplates(f)})
	f.Fuzz(func(t *testing.T, src []byte) {
		tags, _ := scanTags(src)
		checkTags(t, src, tags)
		x := expandShortcodes(src, r.opts.Shortcodes, testPageContext(), testResolver, func(int) (int, int) { return 1, 1 })
		if !MayHaveShortcodes(src) && x != nil {
			t.Fatalf("expanded a page without shortcodes: %q", src)
		}
		if x != nil {
			checkSpans(t, src, x)
		}
		res, err := r.render(nil, src, 3, testResolver, testPageContext())
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		checkResult(t, res, 3, src)
		if x != nil && len(x.holes) > 0 && bytes.Contains(res.HTML, []byte(x.prefix)) && !bytes.Contains(src, []byte(x.prefix)) {
			t.Fatalf("a placeholder is left in the HTML of %q:\n%s", src, res.HTML)
		}
	})
}

// fuzzTemplates defines one shortcode that prints its inner content.
func fuzzTemplates(f *testing.F) ShortcodeTemplates {
	ar := testArchive("layouts/shortcodes/box.html", `<div class="box">{{ .Get 0 }}{{ .Inner }}</div>`)
	return testTemplates(&testing.T{}, ar)
}

func checkTags(t *testing.T, src []byte, tags []scTag) {
	prev := 0
	for _, tg := range tags {
		if tg.start < prev || tg.end <= tg.start || tg.end > len(src) {
			t.Fatalf("tag [%d,%d) out of order or bounds (prev end %d) in %q", tg.start, tg.end, prev, src)
		}
		if !bytes.HasPrefix(src[tg.start:], hugoOpen) && !bytes.HasPrefix(src[tg.start:], liquidOpen) {
			t.Fatalf("tag at %d does not start with {{ or {%%: %q", tg.start, src[tg.start:tg.end])
		}
		if tg.literal != nil && tg.litAt == 0 {
			want := escapedText(src[tg.start:tg.end])
			if !bytes.Equal(tg.literal, want) {
				t.Fatalf("escaped tag %q printed as %q, want %q", src[tg.start:tg.end], tg.literal, want)
			}
		}
		prev = tg.end
	}
}

// escapedText is an escaped tag without its comment marks and the space
// between them and the closing delimiter.
func escapedText(tag []byte) []byte {
	open := bytes.Index(tag, []byte("/*"))
	end := bytes.LastIndex(tag, []byte("*/"))
	out := append([]byte{}, tag[:3]...)
	out = append(out, tag[open+2:end]...)
	return append(out, tag[len(tag)-3:]...)
}

func checkSpans(t *testing.T, src []byte, x *expansion) {
	for i, s := range x.spans {
		end := len(x.src)
		if i+1 < len(x.spans) {
			end = x.spans[i+1].at
		}
		if s.at > end || s.src < 0 || s.src > len(src) {
			t.Fatalf("span %d %+v out of bounds in %q", i, s, src)
		}
		if s.gen {
			continue
		}
		n := end - s.at
		if s.src+n > len(src) || !bytes.Equal(x.src[s.at:end], src[s.src:s.src+n]) {
			t.Fatalf("span %d %+v does not map back to the same bytes in %q", i, s, src)
		}
		for off := s.at; off < end; off++ {
			if got := origOffset(x.spans, off); got != s.src+off-s.at {
				t.Fatalf("offset %d maps to %d, want %d", off, got, s.src+off-s.at)
			}
		}
	}
}
