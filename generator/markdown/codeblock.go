package markdown

import (
	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// CodeHighlighting is a goldmark extension that highlights fenced code with
// chroma, using CSS classes only (see HighlightCSS):
//
//	<div class="highlight"><pre tabindex="0" class="chroma" role="group" aria-label="Go code"><code class="language-go" data-lang="go">…</code></pre></div>
//
// The pre is focusable so that keyboard users can scroll it. Code in an
// unknown language, or none, is escaped into a plain <pre><code>. Lexers
// are looked up once per language; tokens come from fastLexer where
// possible, and the HTML of each distinct block is cached.
var CodeHighlighting goldmark.Extender = extender(func(m goldmark.Markdown) {
	addRenderer(m, codeRenderer{})
})

type codeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderCode)
	reg.Register(ast.KindCodeBlock, renderCode)
}

func renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var lang []byte
	if fenced, ok := node.(*ast.FencedCodeBlock); ok {
		lang = fenced.Language(src)
	}
	code := codeText(node, src)
	if isDiagram(node, src) {
		writeDiagram(w, code)
		return ast.WalkSkipChildren, nil
	}
	if lx := lookupLexer(string(lang)); lx != nil {
		if html, ok := cachedHighlight(lx, code); ok {
			writeHighlighted(w, lang, lx.name, html)
			return ast.WalkSkipChildren, nil
		}
	}
	writePlainCode(w, lang, code)
	return ast.WalkSkipChildren, nil
}

// codeText joins the lines of a code block.
func codeText(n ast.Node, src []byte) []byte {
	lines := n.Lines()
	if lines.Len() == 1 {
		seg := lines.At(0)
		return seg.Value(src)
	}
	var b []byte
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

func writeHighlighted(w util.BufWriter, lang []byte, name string, code []byte) {
	_, _ = w.WriteString(`<div class="highlight"><pre tabindex="0" class="chroma" role="group" aria-label="`)
	_, _ = w.Write(util.EscapeHTML([]byte(name)))
	_, _ = w.WriteString(` code"><code class="language-`)
	_, _ = w.Write(util.EscapeHTML(lang))
	_, _ = w.WriteString(`" data-lang="`)
	_, _ = w.Write(util.EscapeHTML(lang))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(code)
	_, _ = w.WriteString("</code></pre></div>\n")
}

func writePlainCode(w util.BufWriter, lang, code []byte) {
	_, _ = w.WriteString(`<pre tabindex="0"><code`)
	if len(lang) > 0 {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML(lang))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML(code))
	_, _ = w.WriteString("</code></pre>\n")
}

// cachedHighlight is highlight with a cache in front.
func cachedHighlight(lx *lexerEntry, code []byte) ([]byte, bool) {
	key := highlightKey(lx.name, code)
	if html, ok := highlighted.get(key); ok {
		return html, true
	}
	html, ok := highlight(lx, code)
	if ok {
		highlighted.put(key, html)
	}
	return html, ok
}

// highlight returns the HTML of code as chroma tokens wrapped in spans with
// chroma's CSS classes. ok is false if the lexer failed, even by panicking.
func highlight(lx *lexerEntry, code []byte) (html []byte, ok bool) {
	defer func() {
		if recover() != nil {
			html, ok = nil, false
		}
	}()
	out := make([]byte, 0, len(code)*3)
	emit := func(t chroma.Token) { out = appendToken(out, t) }
	if err := tokenise(lx, string(code), emit); err != nil {
		return nil, false
	}
	return out, true
}

// tokenise lexes code with the fast loop when the lexer allows it, else
// with chroma's own.
func tokenise(lx *lexerEntry, code string, emit func(chroma.Token)) error {
	if lx.fast != nil {
		return lx.fast.tokenise(code, emit)
	}
	it, err := chroma.Coalesce(lx.lexer).Tokenise(nil, code)
	if err != nil {
		return err
	}
	for t := it(); t != chroma.EOF; t = it() {
		emit(t)
	}
	return nil
}

// appendToken appends one token, in a span if its type has a class.
func appendToken(out []byte, t chroma.Token) []byte {
	class := tokenClass(t.Type)
	if class == "" {
		return appendEscaped(out, t.Value)
	}
	out = append(out, `<span class="`...)
	out = append(out, class...)
	out = append(out, `">`...)
	out = appendEscaped(out, t.Value)
	return append(out, `</span>`...)
}

// tokenClass returns chroma's CSS class for a token type (the class of the
// nearest parent type that has one), as chroma's own HTML formatter does.
func tokenClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if class, ok := chroma.StandardTypes[t]; ok {
			return class
		}
	}
	return chroma.StandardTypes[0]
}

// appendEscaped appends s with HTML special characters escaped.
func appendEscaped(out []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			out = append(out, "&lt;"...)
		case '>':
			out = append(out, "&gt;"...)
		case '&':
			out = append(out, "&amp;"...)
		case '"':
			out = append(out, "&quot;"...)
		default:
			out = append(out, c)
		}
	}
	return out
}
