package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/playbookhq/playbook/generator/config"
)

func TestLoadRedirects(t *testing.T) {
	fsys := fstest.MapFS{"content/.gitbook.yaml": {Data: []byte("root: ./\nredirects:\n  old/a: a.md\n  old/b: /x/b.md#part\n  broken: [1, 2]\n")}}
	got, diags := loadRedirects(fsys)
	if len(got) != 2 || got[0].From != "old/a" || got[1].To != "/x/b.md#part" || got[1].Pos.Line != 4 {
		t.Fatalf("loadRedirects = %+v", got)
	}
	if len(diags) != 1 || diags[0].Pos.Line != 5 || !strings.Contains(diags[0].Msg, "must map a path to a file") {
		t.Fatalf("diagnostics = %v; want one warning at line 5", diags)
	}
}

func TestLoadRedirectsInvalidYAML(t *testing.T) {
	fsys := fstest.MapFS{"content/.gitbook.yaml": {Data: []byte("redirects:\n  a: b\n c: [\n")}}
	got, diags := loadRedirects(fsys)
	if got != nil || len(diags) != 1 || diags[0].Pos.Line == 0 || !strings.Contains(diags[0].Msg, "invalid GitBook settings") {
		t.Fatalf("loadRedirects = %v, %v; want one positioned warning", got, diags)
	}
}

func TestLoadKeepsGitBookAssets(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":                  {Data: []byte("# A\n")},
		"content/.gitbook/assets/x.png": {Data: []byte("png")},
		"content/.hidden/secret.txt":    {Data: []byte("no")},
	}
	tree, diags := Load(fsys, config.Default(), Options{})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if len(tree.Files) != 1 || tree.Files[0] != ".gitbook/assets/x.png" {
		t.Fatalf("Files = %v; want only the GitBook asset", tree.Files)
	}
}
