package content

import (
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src    string
		format       Format
		matter, body string
		bodyLine     int
		wantErr      string
	}{
		{name: "none", src: "# Hi\n", format: NoFrontMatter, body: "# Hi\n"},
		{name: "empty file", src: "", format: NoFrontMatter, body: ""},
		{name: "toml", src: "+++\ntitle = \"A\"\n+++\nbody\n", format: TOML, matter: "title = \"A\"\n", body: "body\n", bodyLine: 3},
		{name: "yaml", src: "---\ntitle: A\n---\nbody", format: YAML, matter: "title: A\n", body: "body", bodyLine: 3},
		{name: "crlf", src: "+++\r\ntitle = \"A\"\r\n+++\r\nbody\r\n", format: TOML, matter: "title = \"A\"\r\n", body: "body\r\n", bodyLine: 3},
		{name: "bom", src: "\xef\xbb\xbf---\ntitle: A\n---\n", format: YAML, matter: "title: A\n", body: "", bodyLine: 3},
		{name: "empty matter", src: "+++\n+++\nx", format: TOML, matter: "", body: "x", bodyLine: 2},
		{name: "trailing spaces on fence", src: "+++  \na = 1\n+++ \nx", format: TOML, matter: "a = 1\n", body: "x", bodyLine: 3},
		{name: "fence at EOF without newline", src: "---\na: 1\n---", format: YAML, matter: "a: 1\n", body: "", bodyLine: 3},
		{name: "thematic break later is body", src: "text\n---\n", format: NoFrontMatter, body: "text\n---\n"},
		{name: "unterminated", src: "+++\ntitle = \"A\"\nbody\n", wantErr: "x.md:1:1: unterminated TOML front matter"},
		{name: "only fence", src: "---", wantErr: "unterminated YAML"},
		{name: "invalid utf8", src: "+++\ntitle = \"\xff\"\n+++\n", wantErr: "x.md:2:10: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, d := SplitFrontMatter("x.md", []byte(tt.src))
			if tt.wantErr != "" {
				if d == nil || !strings.Contains(d.Error(), tt.wantErr) {
					t.Fatalf("SplitFrontMatter(%q) error = %v; want %q", tt.src, d, tt.wantErr)
				}
				return
			}
			if d != nil {
				t.Fatalf("SplitFrontMatter(%q) unexpected error %v", tt.src, d)
			}
			if got.Format != tt.format || string(got.Matter) != tt.matter || string(got.Body) != tt.body || got.BodyLine != tt.bodyLine {
				t.Errorf("SplitFrontMatter(%q) = {%v %q %q %d}; want {%v %q %q %d}", tt.src,
					got.Format, got.Matter, got.Body, got.BodyLine, tt.format, tt.matter, tt.body, tt.bodyLine)
			}
		})
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"", "+++\na=1\n+++\nx", "---\na: 1\n---\n", "---", "+++\r\n+++\r\n", "\xef\xbb\xbf# x", "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, d := SplitFrontMatter("f.md", src)
		if d != nil {
			return
		}
		if len(got.Body) > len(src) || len(got.Matter) > len(src) {
			t.Fatalf("parts longer than input")
		}
		if got.Format == NoFrontMatter && got.BodyLine != 0 {
			t.Fatalf("BodyLine %d without front matter", got.BodyLine)
		}
		if got.Format != NoFrontMatter && strings.Count(string(src), "\n") < got.BodyLine-1 {
			t.Fatalf("BodyLine %d beyond the input's lines", got.BodyLine)
		}
	})
}
