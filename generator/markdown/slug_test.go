package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIDStyleSlug(t *testing.T) {
	tests := []struct {
		style    IDStyle
		in, want string
	}{
		{IDStyleGitHub, "Joint meetings", "joint-meetings"},
		{IDStyleGitHub, "Sales & CE", "sales--ce"},
		{IDStyleGitHub, "Q3 2024 — results", "q3-2024--results"},
		{IDStyleGitHub, "snake_case and kebab-case", "snake_case-and-kebab-case"},
		{IDStyleGitHub, "--a--b--", "--a--b--"},
		{IDStyleGitHub, "What's new in v1.2?", "whats-new-in-v12"},
		{IDStyleGitHub, "C++ & C#", "c--c"},
		{IDStyleGitHub, "🚀 Launch", "-launch"},
		{IDStyleGitHub, "Launch 🚀", "launch-"},
		{IDStyleGitHub, "営業とマーケティング", "営業とマーケティング"},
		{IDStyleGitHub, "日本語の見出し（概要）", "日本語の見出し概要"},
		{IDStyleGitHub, "Ça va, Straße?", "ça-va-straße"},
		{IDStyleGitHub, "ÉCOLE Ⅻ", "école-ⅻ"},
		{IDStyleGitHub, "Ελληνικά Κείμενα", "ελληνικά-κείμενα"},
		{IDStyleGitHub, "हिन्दी शीर्षक", "हिन्दी-शीर्षक"}, // vowel signs are marks: kept
		{IDStyleGitHub, "tab\there", "tab-here"},
		{IDStyleGitHub, "no\u00a0break", "nobreak"},
		{IDStyleGitHub, "???", "heading"},
		{IDStyleGitHub, "", "heading"},
		{"", "Sales & CE", "sales--ce"}, // the zero style is GitHub's

		{IDStyleGitHubASCII, "Sales & CE", "sales--ce"},
		{IDStyleGitHubASCII, "Ça va, Straße?", "ca-va-strae"},
		{IDStyleGitHubASCII, "Crème brûlée", "creme-brulee"},
		{IDStyleGitHubASCII, "日本語 intro", "-intro"},
		{IDStyleGitHubASCII, "🚀 Launch", "-launch"},
		{IDStyleGitHubASCII, "日本語", "heading"},

		{IDStyleBlackfriday, "Sales & CE", "sales-ce"},
		{IDStyleBlackfriday, "Interviews (AA's)", "interviews-aa-s"},
		{IDStyleBlackfriday, "--a--b--", "a-b"},
		{IDStyleBlackfriday, "snake_case", "snake-case"},
		{IDStyleBlackfriday, "🚀 Launch", "launch"},
		{IDStyleBlackfriday, "日本語の見出し", "日本語の見出し"},
		{IDStyleBlackfriday, "Ça va", "ça-va"},
		{IDStyleBlackfriday, "???", "heading"},
	}
	for _, tt := range tests {
		if got := tt.style.Slug(tt.in); got != tt.want {
			t.Errorf("%q.Slug(%q) = %q; want %q", tt.style, tt.in, got, tt.want)
		}
	}
}

func TestParseIDStyle(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want IDStyle
		ok   bool
	}{
		{"", IDStyleGitHub, true},
		{"github", IDStyleGitHub, true},
		{"github-ascii", IDStyleGitHubASCII, true},
		{"blackfriday", IDStyleBlackfriday, true},
		{"GitHub", "", false},
		{"gitlab", "", false},
	} {
		got, ok := ParseIDStyle(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseIDStyle(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestHeadingIDStyles renders whole pages: the style reaches the ids in
// the HTML, and duplicates are numbered after the style's slug.
func TestHeadingIDStyles(t *testing.T) {
	src := "## Sales & CE\n\n## Sales & CE\n\n## 🚀 Launch\n\n## 日本語の見出し\n\n## 日本語の見出し\n\n## `config.toml` keys\n\n## ???\n"
	tests := []struct {
		style IDStyle
		want  []string
	}{
		{IDStyleGitHub, []string{"sales--ce", "sales--ce-1", "-launch", "日本語の見出し", "日本語の見出し-1", "configtoml-keys", "heading"}},
		{IDStyleGitHubASCII, []string{"sales--ce", "sales--ce-1", "-launch", "heading", "heading-1", "configtoml-keys", "heading-2"}},
		{IDStyleBlackfriday, []string{"sales-ce", "sales-ce-1", "launch", "日本語の見出し", "日本語の見出し-1", "config-toml-keys", "heading"}},
	}
	for _, tt := range tests {
		res := mustRender(t, Options{IDStyle: tt.style}, src, 0, nil)
		if got := headingIDs(res); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: ids = %q; want %q", tt.style, got, tt.want)
		}
		for _, id := range tt.want {
			if !bytes.Contains(res.HTML, []byte(`id="`+id+`"`)) {
				t.Errorf("%s: HTML lacks id %q:\n%s", tt.style, id, res.HTML)
			}
		}
	}
}

// FuzzIDStyleSlug checks what every style promises for any text: an id is
// never empty and holds no space; GitHub's keeps one hyphen per space or
// hyphen of the text; github-ascii's is ASCII; Blackfriday's has no hyphen
// at either end and never two in a row.
func FuzzIDStyleSlug(f *testing.F) {
	for _, s := range []string{"Sales & CE", "🚀 Launch", "日本語の見出し", "Ça va, Straße?", "--a--b--", "", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range IDStyles {
			id := st.Slug(s)
			if id == "" || strings.ContainsAny(id, " \t\n") {
				t.Fatalf("%s.Slug(%q) = %q", st, s, id)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		if id := IDStyleGitHub.Slug(s); id != emptyID && strings.Count(id, "-") != strings.Count(s, "-")+strings.Count(s, " ")+strings.Count(s, "\t") {
			t.Errorf("github: Slug(%q) = %q: hyphens are not one per space or hyphen", s, id)
		}
		if id := IDStyleGitHubASCII.Slug(s); !isASCII(id) {
			t.Errorf("github-ascii: Slug(%q) = %q is not ASCII", s, id)
		}
		if id := IDStyleBlackfriday.Slug(s); strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") || strings.Contains(id, "--") {
			t.Errorf("blackfriday: Slug(%q) = %q", s, id)
		}
	})
}
