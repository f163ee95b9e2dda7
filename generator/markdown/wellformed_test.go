package markdown

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
)

// checkBalanced reports the first tag that is closed out of order or left
// open in an HTML fragment.
func checkBalanced(fragment []byte) error {
	z := html.NewTokenizer(bytes.NewReader(fragment))
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(open) > 0 {
				return fmt.Errorf("unclosed <%s>", open[len(open)-1])
			}
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				return fmt.Errorf("</%s> does not close the innermost open element (open: %v)", name, open)
			}
			open = open[:len(open)-1]
		}
	}
}

func TestRenderedHTMLIsBalanced(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	inputs := map[string][]byte{"bench page": []byte(benchPage(2))}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(file) != "rawhtml-unsafe.txtar" { // author HTML may be anything
			inputs[file] = section(ar, "input.md")
		}
	}
	r := New(Options{})
	for name, src := range inputs {
		res := mustRenderWith(t, r, src)
		if err := checkBalanced(res.HTML); err != nil {
			t.Errorf("%s: %v\n%s", name, err, res.HTML)
		}
	}
}

func mustRenderWith(t *testing.T, r *Renderer, src []byte) *Result {
	t.Helper()
	res, err := r.Render(src, 0, testResolver)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCheckBalancedCatchesErrors(t *testing.T) {
	for _, bad := range []string{"<aside><p>x</aside>", "<div>", "</p>"} {
		if checkBalanced([]byte(bad)) == nil {
			t.Errorf("checkBalanced(%q) = nil; want an error", bad)
		}
	}
	if err := checkBalanced([]byte(`<p>a<br><img src="x" alt=""></p>`)); err != nil {
		t.Errorf("checkBalanced of a valid fragment: %v", err)
	}
}
