package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// mermaidLang is the info string of a fenced block holding a mermaid
// diagram.
var mermaidLang = []byte("mermaid")

// isDiagram reports whether a code block is a ```mermaid diagram.
func isDiagram(n ast.Node, src []byte) bool {
	fenced, ok := n.(*ast.FencedCodeBlock)
	return ok && fenced.Info != nil && bytes.EqualFold(fenced.Language(src), mermaidLang)
}

// writeDiagram writes a mermaid diagram's source as a code block inside a
// figure that the theme's diagram script draws in the browser:
//
//	<figure class="diagram diagram-mermaid"><pre class="diagram-source" tabindex="0"><code class="language-mermaid">…</code></pre></figure>
//
// Without JavaScript the source shows as code.
func writeDiagram(w util.BufWriter, code []byte) {
	_, _ = w.WriteString(`<figure class="diagram diagram-mermaid"><pre class="diagram-source" tabindex="0"><code class="language-mermaid" data-lang="mermaid">`)
	_, _ = w.Write(util.EscapeHTML(code))
	_, _ = w.WriteString("</code></pre></figure>\n")
}
