package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// FuzzPlainTextWriter checks that plainTextWriter writes exactly what
// goldmark's writer does, for Write and RawWrite.
func FuzzPlainTextWriter(f *testing.F) {
	for _, s := range []string{"plain words", "a < b & c", `say "hi"`, `\*not emphasis\*`, "&amp; &#x22; &copy;", "nul\x00byte", "caf\u00e9"} {
		f.Add([]byte(s))
	}
	ours, theirs := plainTextWriter{html.NewWriter()}, html.NewWriter()
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, raw := range []bool{false, true} {
			var got, want bytes.Buffer
			g, w := bufio.NewWriter(&got), bufio.NewWriter(&want)
			if raw {
				ours.RawWrite(g, src)
				theirs.RawWrite(w, src)
			} else {
				ours.Write(g, src)
				theirs.Write(w, src)
			}
			g.Flush()
			w.Flush()
			if got.String() != want.String() {
				t.Errorf("raw=%v %q: wrote %q, goldmark writes %q", raw, src, got.String(), want.String())
			}
		}
	})
}
