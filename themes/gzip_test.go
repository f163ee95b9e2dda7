package themes

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestGunzipFS(t *testing.T) {
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte("console.log('big library')"))
	zw.Close()
	g := newGunzipFS(fstest.MapFS{
		"static/js/lib.js.gz": {Data: zipped.Bytes()},
		"static/js/app.js":    {Data: []byte("app")},
	})
	if err := fstest.TestFS(g, "static/js/lib.js", "static/js/app.js"); err != nil {
		t.Fatal(err)
	}
	got, err := fs.ReadFile(g, "static/js/lib.js")
	if err != nil || string(got) != "console.log('big library')" {
		t.Fatalf("ReadFile(lib.js) = %q, %v; want the inflated text", got, err)
	}
	entries, _ := fs.ReadDir(g, "static/js")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != "app.js" || names[1] != "lib.js" {
		t.Fatalf("ReadDir = %v; want [app.js lib.js] (no .gz names)", names)
	}
}

func TestDefaultThemeShipsMermaidInflated(t *testing.T) {
	data, err := fs.ReadFile(Default, "static/js/vendor/mermaid.min.js")
	if err != nil || len(data) < 1<<20 {
		t.Fatalf("mermaid.min.js: %d bytes, %v; want the inflated library", len(data), err)
	}
}
