package markdown

import (
	"reflect"
	"testing"
)

func TestParseWordSet(t *testing.T) {
	tests := []struct {
		pattern   string
		ci        bool
		ok, exact bool
		capturing bool
	}{
		{`(select|from|where)\b`, true, true, true, true},
		{`(?:if|else)\b`, false, true, true, false},
		{`(?<!\.)(len|cap)\b`, false, true, false, true},
		{`\b(if|fi)(\s*)\b`, false, true, false, true},
		{"\\b(alias|bg)(?=[\\s)`])", false, true, false, true},
		{`(END-EXEC|END| TEMP)\b`, true, true, true, true},
		{`(complex|len)\b(\()`, false, true, false, true},
		{`(a+|b)\b`, false, false, false, false},
		{`(if|else)`, false, false, false, false},
		{`[a-z]+\b`, false, false, false, false},
	}
	for _, tt := range tests {
		s := parseWordSet(tt.pattern, tt.ci)
		if (s != nil) != tt.ok {
			t.Errorf("parseWordSet(%q) = %v; want recognised %v", tt.pattern, s, tt.ok)
			continue
		}
		if s != nil && (s.exact != tt.exact || s.capturing != tt.capturing) {
			t.Errorf("parseWordSet(%q): exact %v, capturing %v; want %v, %v", tt.pattern, s.exact, s.capturing, tt.exact, tt.capturing)
		}
	}
}

func TestWordSetLookup(t *testing.T) {
	s := parseWordSet(`(END-EXEC|END|SELECT|IN|INT)\b`, true)
	tests := []struct {
		text string
		end  int
		want wordVerdict
	}{
		{"select x", 6, wordYes},
		{"SeLeCt", 6, wordYes},
		{"selection", 9, wordNo},
		{"int8", 4, wordNo},
		{"int(", 3, wordYes},
		{"end-exec", 0, wordUnsure},
		{"end;", 3, wordYes},
		{"inté", 3, wordUnsure},
		{"-x", 0, wordNo},
	}
	for _, tt := range tests {
		end, v := s.lookup([]rune(tt.text), 0)
		if v != tt.want || (v != wordUnsure && end != tt.end) {
			t.Errorf("lookup(%q) = %d, %v; want %d, %v", tt.text, end, v, tt.end, tt.want)
		}
	}
	groups, named := s.groups("SeLeCt")
	if !reflect.DeepEqual(groups, []string{"SeLeCt", "SeLeCt"}) || named["1"] != "SeLeCt" {
		t.Errorf("groups = %q, %q", groups, named)
	}
}
