package output

import (
	"errors"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/diag"
)

func TestRegistryCollisions(t *testing.T) {
	theme := Owner{What: "theme file themes/default/static/css/main.css", Pos: diag.Pos{File: "themes/default/static/css/main.css"}}
	page := Owner{What: "the page", Pos: diag.Pos{File: "content/guides/x.md", Line: 1}}
	url := Owner{What: `url "/css/main.css"`, Pos: diag.Pos{File: "content/x.md", Line: 3}, Chose: true}
	cases := []struct {
		name          string
		first, second Owner
		wantAt, want  string
	}{
		{"reported at the line", theme, url, "content/x.md:3", `url "/css/main.css" collides with theme file themes/default/static/css/main.css`},
		{"reported at the line, either order", url, theme, "content/x.md:3", `url "/css/main.css" collides with theme file`},
		{"reported at the setting that chose the path", url, page, "content/x.md:3", `collides with the page (content/guides/x.md:1)`},
		{"second of two plain claims", page, theme, "content/guides/x.md:1", "the page collides with theme file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewRegistry()
			if d := r.Claim("css/main.css", c.first); d != nil {
				t.Fatalf("first claim: %v", d)
			}
			d := r.Claim("css/main.css", c.second)
			if d == nil {
				t.Fatal("second claim of the same path succeeded")
			}
			if got := d.Pos.String(); got != c.wantAt {
				t.Errorf("reported at %s; want %s", got, c.wantAt)
			}
			if !strings.Contains(d.Error(), c.want) || !strings.Contains(d.Error(), "both make css/main.css") {
				t.Errorf("message %q; want it to contain %q and the path", d.Error(), c.want)
			}
			if o, _ := r.Owner("css/main.css"); o != c.first {
				t.Errorf("owner after the collision = %v; want the first %v", o, c.first)
			}
		})
	}
}

func TestRegistryPrefixClaims(t *testing.T) {
	r := NewRegistry()
	index := Owner{What: "the search index search/s/"}
	if d := r.ClaimPrefix("search/s/", index); d != nil {
		t.Fatal(d)
	}
	if d := r.Claim("search/s/a.bin", Owner{What: `url "/search/s/a.bin"`, Pos: diag.Pos{File: "content/a.md", Line: 2}}); d == nil || d.Pos.Line != 2 {
		t.Errorf("a page inside a claimed folder: %v; want a collision at its line", d)
	}
	if d := r.Claim("search/index.html", Owner{What: "the search page"}); d != nil {
		t.Errorf("a path beside the claimed folder: %v", d)
	}
	if d := r.ClaimPrefix("search/", index); d == nil {
		t.Error("a folder claim over a claimed path succeeded")
	}
}

func TestWritingAPathTwiceIsRefused(t *testing.T) {
	w, err := Begin(t.TempDir()+"/public", false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.WriteFile("a/index.html", []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteFile("a/index.html", []byte("2")); !errors.Is(err, ErrCollision) {
		t.Errorf("second write: %v; want ErrCollision", err)
	}
	w.Retain("b.txt")
	if err := w.WriteFile("b.txt", []byte("new")); err != nil {
		t.Errorf("writing a retained file: %v; a rebuild may replace what it retained", err)
	}
}
