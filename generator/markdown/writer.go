package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// plainTextWriter is goldmark's html.Writer with a shortcut for text that
// holds none of the bytes it would change (see needsWriter), which is
// nearly all text: goldmark's writer reads every byte twice, once for
// backslash escapes and character references, once for HTML escapes.
type plainTextWriter struct{ html.Writer }

// Write implements html.Writer.
func (w plainTextWriter) Write(out util.BufWriter, src []byte) {
	if !needsWriter(src) {
		_, _ = out.Write(src)
		return
	}
	w.Writer.Write(out, src)
}

// RawWrite implements html.Writer.
func (w plainTextWriter) RawWrite(out util.BufWriter, src []byte) {
	if !needsWriter(src) {
		_, _ = out.Write(src)
		return
	}
	w.Writer.RawWrite(out, src)
}

// writerBytes are the bytes goldmark's writer replaces or acts on: HTML
// specials, NUL, character references and backslash escapes.
var writerBytes = [256]bool{0: true, '"': true, '&': true, '<': true, '>': true, '\\': true}

// needsWriter reports whether src holds a byte of writerBytes.
func needsWriter(src []byte) bool {
	for _, c := range src {
		if writerBytes[c] {
			return true
		}
	}
	return false
}
