package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func tokens(s string) []string {
	var out []string
	Tokenize(s, func(w []byte, cjk bool) {
		if cjk {
			out = append(out, "["+string(w)+"]")
		} else {
			out = append(out, string(w))
		}
	})
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Lead hand-off SLA", []string{"lead", "hand", "off", "sla"}},
		{"Café Zürich naïve", []string{"cafe", "zurich", "naive"}},
		{"ÉCOLE Ångström", []string{"ecole", "angstrom"}},
		{"Q3 2024: 9.8%", []string{"q3", "2024", "9", "8"}},
		{"ＦＵＬＬ width", []string{"full", "width"}},
		{"½ cup", []string{"1", "2", "cup"}},
		{"営業", []string{"[営業]"}},
		{"営業チーム", []string{"[営業]", "[業チ]", "[チー]", "[ーム]"}},
		{"営", []string{"[営]"}},
		{"ｶﾞｲﾄﾞ", []string{"[ガイ]", "[イド]"}},
		{"SLAの合意", []string{"sla", "[の合]", "[合意]"}},
		{"营销团队 sales", []string{"[营销]", "[销团]", "[团队]", "sales"}},
		{"Привет МИР", []string{"привет", "мир"}},
		{"<img src=x onerror=alert(1)>", []string{"img", "src", "x", "onerror", "alert", "1"}},
		{strings.Repeat("x", maxWordBytes+1) + " ok", []string{"ok"}},
		{"bad\xffutf8", []string{"bad", "utf8"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"scoring", "score"},
		{"scores", "score"},
		{"leads", "lead"},
		{"handoffs", "handoff"},
		{"qualified", "qualifi"},
		{"qualification", "qualif"},
		{"meetings", "meet"},
		{"q3", "q3"},
		{"営業", "営業"},
		{"go", "go"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestStopWords(t *testing.T) {
	for _, w := range []string{"the", "and", "of"} {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false; want true", w)
		}
	}
	for _, w := range []string{"lead", "sla", "not"} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true; want false", w)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Lead hand-off", "Café", "営業チーム", "½", "ｶﾞ", "\xff\xfe", "a\u0301b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var first []string
		Tokenize(s, func(w []byte, cjk bool) {
			if len(w) == 0 {
				t.Fatalf("Tokenize(%q) emitted an empty word", s)
			}
			if !utf8.Valid(w) {
				t.Fatalf("Tokenize(%q) emitted invalid UTF-8 %q", s, w)
			}
			if !cjk && len(w) > maxWordBytes {
				t.Fatalf("Tokenize(%q) emitted a %d-byte word", s, len(w))
			}
			first = append(first, string(w))
		})
		if again := tokens(s); len(again) != len(first) {
			t.Fatalf("Tokenize(%q) is not deterministic: %q vs %q", s, first, again)
		}
	})
}
