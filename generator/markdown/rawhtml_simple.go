package markdown

import (
	"sync"

	"golang.org/x/net/html"
)

// Most raw HTML in Markdown is a lone tag without attributes in a line of
// text: <br>, <sup>, </sup>, <kbd>. Such a fragment is sanitized from a
// table made once with the policy, instead of by running the sanitizer
// and a tokenizer each time.

// simpleTag parses a fragment that is a single tag without attributes
// (<name>, </name>, <name/>, white space allowed before the end). The name
// comes back as written; ok is false for anything else.
func simpleTag(frag []byte) (name []byte, tt html.TokenType, ok bool) {
	n := len(frag)
	if n < 3 || frag[0] != '<' || frag[n-1] != '>' {
		return nil, 0, false
	}
	i, tt := 1, html.StartTagToken
	if frag[i] == '/' {
		i, tt = 2, html.EndTagToken
	}
	j := i
	for j < n-1 && isASCIIAlnum(frag[j]) {
		j++
	}
	if j == i || frag[i] <= '9' { // no name, or one that starts with a digit
		return nil, 0, false
	}
	k := j
	for k < n-1 && (frag[k] == ' ' || frag[k] == '\t' || frag[k] == '\n' || frag[k] == '\r') {
		k++
	}
	if k == n-2 && frag[k] == '/' && tt == html.StartTagToken {
		tt, k = html.SelfClosingTagToken, k+1
	}
	if k != n-1 {
		return nil, 0, false
	}
	return frag[i:j], tt, true
}

func isASCIIAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// simpleForms holds what the policy makes of the three forms of a lone
// tag of one element, nil where it drops it.
type simpleForms struct {
	start, end, self []byte
}

// simpleTagTable maps lowercase element names the policy knows to their
// sanitized lone tags.
var simpleTagTable = sync.OnceValue(func() map[string]*simpleForms {
	p := htmlPolicy()
	sanitize := func(s string) []byte {
		if out := p.SanitizeBytes([]byte(s)); len(out) > 0 {
			return out
		}
		return nil
	}
	m := map[string]*simpleForms{}
	for _, list := range [][]string{textElements, blockElements, {"a", "img", "source", "script", "style", "iframe"}} {
		for _, name := range list {
			m[name] = &simpleForms{start: sanitize("<" + name + ">"), end: sanitize("</" + name + ">"), self: sanitize("<" + name + "/>")}
		}
	}
	return m
})

// sanitizedSimpleTag returns the sanitized form of a lone tag of element
// name (lowercase) and tt, and whether the table knows the element.
func sanitizedSimpleTag(name []byte, tt html.TokenType) ([]byte, bool) {
	forms := simpleTagTable()[string(name)]
	if forms == nil {
		return nil, false
	}
	switch tt {
	case html.EndTagToken:
		return forms.end, true
	case html.SelfClosingTagToken:
		return forms.self, true
	}
	return forms.start, true
}

// lowerASCII lowercases b into buf (b itself when it has no upper case).
func lowerASCII(buf, b []byte) []byte {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			buf = append(buf[:0], b...)
			for j := i; j < len(buf); j++ {
				if c := buf[j]; 'A' <= c && c <= 'Z' {
					buf[j] = c + 'a' - 'A'
				}
			}
			return buf
		}
	}
	return b
}
