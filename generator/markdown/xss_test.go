package markdown

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// xssPayloads are raw HTML meant to run script, load something or take
// over the page, each written in Markdown the way an author (or an
// attacker) would. None may leave anything executable in safe mode.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	`<ScRiPt>alert(1)</sCrIpT>`,
	`<script/xss src="//evil.example/x.js"></script>`,
	`<<script>alert(1);//<</script>`,
	`Text <script>alert(1)</script> inline`,
	`<img src=x onerror=alert(1)>`,
	`<IMG SRC="x" ONERROR="alert(1)">`,
	`<img src="x" onerror  =  "alert(1)">`,
	`<img src=x onerror=alert(1)//`,
	`<body onload=alert(1)>`,
	`<div onmouseover="alert(1)">hover</div>`,
	`<details open ontoggle=alert(1)><summary>s</summary></details>`,
	`<a href="javascript:alert(1)">x</a>`,
	`<a href="JaVaScRiPt:alert(1)">x</a>`,
	`<a href=" javascript:alert(1)">x</a>`,
	`<a href="jav&#x09;ascript:alert(1)">x</a>`,
	`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>`,
	`<a href="&#x6A;avascript&colon;alert(1)">x</a>`,
	`<a href="java&#0000115;cript:alert(1)">x</a>`,
	`<a href="vbscript:msgbox(1)">x</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
	`<img src="javascript:alert(1)">`,
	`<img src="data:text/html,<script>alert(1)</script>">`,
	`<img srcset="javascript:alert(1) 1x, x.png 2x">`,
	`<picture><source srcset="javascript:alert(1)"><img src="x.png"></picture>`,
	`<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>`,
	`<input type="image" src="x" formaction="javascript:alert(1)">`,
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
	`<math href="javascript:alert(1)">x</math>`,
	`<style>body{display:none}</style>`,
	`<div style="background:url(javascript:alert(1))">x</div>`,
	`<p style="width: expression(alert(1))">x</p>`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<base href="javascript:alert(1)//">`,
	`<link rel="stylesheet" href="javascript:alert(1)">`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<iframe src="https://video.example.org/embed/1" onload="alert(1)">`,
	`<object data="javascript:alert(1)"></object>`,
	`<embed src="javascript:alert(1)">`,
	`<div>unclosed <b>bold <i>italic`,
	`<textarea>everything after this is text`,
	`<title>page`,
	`<!-- <script>alert(1)</script> -->`,
	`<!--><script>alert(1)</script>-->`,
	`<!-- --!><script>alert(1)</script> -->`,
	`<![CDATA[<script>alert(1)</script>]]>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<a href="#" onclick="alert(1)">x</a>`,
	`<video src=x onerror=alert(1)></video>`,
	`<audio src=x onerror=alert(1)>`,
	`<marquee onstart=alert(1)>x</marquee>`,
	`<table background="javascript:alert(1)"><tr><td>x</td></tr></table>`,
	`<a href="https://ok.example/" target="_blank" rel="opener">x</a>`,
	"<div>\n\n*markdown* <img src=x\nonerror=alert(1)>\n\n</div>",
	"- <div onclick=alert(1)>\n- </div><script>alert(1)</script>",
	"> <details><summary onclick=alert(1)>x</summary>\n\n</details>",
	`<x onclick=alert(1)>placeholder-looking tag</x>`,
	`<my-widget onmouseover="alert(1)"><script>alert(1)</script></my-widget>`,
	"<Run ID onclick=alert(1)>\n<img src=x onerror=alert(1)>",
}

func TestXSSCorpus(t *testing.T) {
	if len(xssPayloads) < 40 {
		t.Fatalf("the corpus has %d payloads; keep at least 40", len(xssPayloads))
	}
	r := New(Options{})
	for _, p := range xssPayloads {
		for _, src := range []string{p, p + "\n\nText after.\n", "Text before " + p + " and after.\n"} {
			res := mustRenderWith(t, r, []byte(src))
			if err := executable(res.HTML); err != nil {
				t.Errorf("%q: %v\n%s", src, err, res.HTML)
			}
			if err := checkBalanced(res.HTML); err != nil {
				t.Errorf("%q: %v\n%s", src, err, res.HTML)
			}
		}
	}
}

// TestExecutableCatchesPayloads checks the checker: on unsafe output it
// must find what the corpus hides.
func TestExecutableCatchesPayloads(t *testing.T) {
	r := New(Options{Unsafe: true})
	caught := 0
	for _, p := range xssPayloads {
		if executable(mustRenderWith(t, r, []byte(p)).HTML) != nil {
			caught++
		}
	}
	if caught < len(xssPayloads)*3/4 {
		t.Errorf("executable found something in %d of %d unsafe renderings; want most", caught, len(xssPayloads))
	}
	for _, bad := range []string{`<a href=" JAVA&#x53;CRIPT:x">`, `<p onclick=x>`, `<style>`, `<img srcset="a.png, javascript:x 2x">`} {
		if executable([]byte(bad)) == nil {
			t.Errorf("executable(%q) = nil; want an error", bad)
		}
	}
}

// forbiddenElements may not appear in safe output: they run script, load
// other documents, submit data, change the page's base or meta data, or
// switch the parser into another mode.
var forbiddenElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true, "object": true,
	"embed": true, "applet": true, "base": true, "meta": true, "link": true, "form": true,
	"input": true, "button": true, "textarea": true, "select": true, "svg": true, "math": true,
	"title": true, "noscript": true, "template": true, "xmp": true, "plaintext": true,
	"video": true, "audio": true, "marquee": true,
}

// executable reports the first thing in an HTML fragment that could run
// script or load a document: a forbidden element, an event handler or
// style attribute, or a URL attribute with a script or data: scheme
// (data:image is allowed on images).
func executable(fragment []byte) error {
	z := html.NewTokenizer(bytes.NewReader(fragment))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return z.Err()
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			if forbiddenElements[tok.Data] {
				return fmt.Errorf("element <%s> survived", tok.Data)
			}
			for _, a := range tok.Attr {
				if err := badAttr(tok.Data, a); err != nil {
					return err
				}
			}
		}
	}
}

func badAttr(elem string, a html.Attribute) error {
	key := strings.ToLower(a.Key)
	switch {
	case strings.HasPrefix(key, "on"), key == "style", key == "srcdoc", key == "formaction", key == "action":
		return fmt.Errorf("attribute %s on <%s> survived", key, elem)
	case key == "srcset":
		for _, cand := range strings.Split(a.Val, ",") {
			if f := strings.Fields(cand); len(f) > 0 && !safeURL(f[0], true) {
				return fmt.Errorf("srcset URL %q on <%s> survived", f[0], elem)
			}
		}
	case key == "href" || key == "src" || key == "cite" || key == "background" || key == "poster" || key == "data" || strings.HasSuffix(key, ":href"):
		if !safeURL(a.Val, elem == "img" && key == "src") {
			return fmt.Errorf("URL %s=%q on <%s> survived", key, a.Val, elem)
		}
	}
	return nil
}

// safeURL reports whether a URL (entities already decoded by the
// tokenizer) cannot run script or show a document of its own, as a browser
// reads it: white space and control characters are ignored. Other schemes
// (Markdown autolinks may have any) are harmless.
func safeURL(v string, image bool) bool {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(v))
	scheme, _, ok := strings.Cut(v, ":")
	if !ok {
		return true
	}
	switch scheme {
	case "javascript", "vbscript", "livescript":
		return false
	case "data":
		return image && strings.HasPrefix(v, "data:image/")
	}
	return true
}

// FuzzRawHTML checks safe mode on any input, seeded with the XSS corpus:
// nothing executable survives (no script element, no on* attribute, no
// javascript: or other unsafe URL), the HTML is balanced, and links and
// anchors found in raw HTML have positions inside the body.
func FuzzRawHTML(f *testing.F) {
	for _, p := range xssPayloads {
		f.Add(p)
	}
	f.Add("<details>\n<summary>s</summary>\n\n- a <b>\n- b </b>\n\n</details>\n</div>")
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.render(nil, []byte(src), 2, testResolver, nil)
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if err := executable(res.HTML); err != nil {
			t.Fatalf("%q: %v\n%s", src, err, res.HTML)
		}
		if err := checkBalanced(res.HTML); err != nil {
			t.Fatalf("%q: %v\n%s", src, err, res.HTML)
		}
		checkResult(t, res, 2, []byte(src))
	})
}
