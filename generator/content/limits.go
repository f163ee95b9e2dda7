package content

import (
	"bytes"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
)

// MaxMatterDepth is how deep front matter may nest tables, arrays and
// mappings. The TOML decoder's time grows with the square of the depth
// (8,000 levels took gigabytes), so the depth is counted before decoding;
// no real front matter nests more than a few levels.
const MaxMatterDepth = 64

// MaxBodyDepth is how deep a page's Markdown may nest lists and block
// quotes. Goldmark's time grows faster than the depth (1,500 nested lists
// took 17 s), so the depth is estimated before rendering.
const MaxBodyDepth = 100

// checkMatterDepth reports the first bracket or indentation that nests
// the front matter deeper than MaxMatterDepth, without decoding it.
func checkMatterDepth(file string, sp Split) *diag.Diagnostic {
	line, col, deep := config.DepthBeyond(sp.Matter, sp.Format == YAML, MaxMatterDepth)
	if !deep {
		return nil
	}
	return diag.Errorf(diag.Pos{File: file, Line: sp.MatterLine - 1 + line, Col: col},
		"front matter nests deeper than %d levels", MaxMatterDepth)
}

// checkBodyDepth reports a line of the body whose list and block-quote
// markers nest deeper than MaxBodyDepth. bodyLine is the number of lines
// before the body.
func checkBodyDepth(file string, body []byte, bodyLine int) *diag.Diagnostic {
	if !mayNestDeep(body) {
		return nil
	}
	line, depth := bodyDepth(body)
	if depth <= MaxBodyDepth {
		return nil
	}
	return diag.Errorf(diag.Pos{File: file, Line: bodyLine + line, Col: 1},
		"lists or block quotes nest deeper than %d levels (%d here)", MaxBodyDepth, depth)
}

// bodyDepth estimates the deepest nesting of lists and block quotes in a
// Markdown body and the 1-based line where it is reached; it stops at the
// first line deeper than MaxBodyDepth. Each
// level needs a ">" or a list marker, or two columns of indentation, so a
// line's leading run of those bounds its depth from above. Only the line
// starts are looked at: the rest of a line is skipped with IndexByte.
func bodyDepth(body []byte) (line, depth int) {
	lineNo := 0
	for len(body) > 0 {
		lineNo++
		d, n := linePrefixDepth(body)
		if d > depth {
			line, depth = lineNo, d
			if d > MaxBodyDepth {
				return line, depth
			}
		}
		i := bytes.IndexByte(body[n:], '\n')
		if i < 0 {
			break
		}
		body = body[n+i+1:]
	}
	return line, depth
}

// linePrefixDepth returns the depth bound of the line at the start of s
// and the length of its leading run of indentation and markers.
func linePrefixDepth(s []byte) (int, int) {
	cols, markers, i := 0, 0, 0
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ':
			cols++
		case c == '\t':
			cols += 4
		case c == '>':
			markers++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t'):
			markers++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && j-i < 9 && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j+1 < len(s) && (s[j] == '.' || s[j] == ')') && (s[j+1] == ' ' || s[j+1] == '\t') {
				markers++
				i = j + 1
				continue
			}
			return markers + cols/2, i
		default:
			return markers + cols/2, i
		}
		i++
	}
	return markers + cols/2, i
}

// prefixByte marks the bytes a line's run of indentation and list or
// quote markers is made of.
var prefixByte = func() (t [256]bool) {
	for _, c := range []byte(" \t>-*+.)0123456789") {
		t[c] = true
	}
	return t
}()

// minDeepRun is the shortest run of prefix bytes that can nest deeper
// than MaxBodyDepth: no byte adds more than two levels (a tab is four
// columns, two columns a level).
const minDeepRun = MaxBodyDepth/2 + 1

// mayNestDeep reports whether body holds a run of minDeepRun prefix
// bytes, the only way a line can nest deeper than MaxBodyDepth. It looks
// at about one byte in minDeepRun of ordinary text: when the last byte of
// a window is not a prefix byte, no run fits in the window, and the next
// window starts after it.
func mayNestDeep(body []byte) bool {
	for i := 0; i+minDeepRun <= len(body); {
		j := i + minDeepRun - 1
		if !prefixByte[body[j]] {
			i = j + 1
			continue
		}
		k := j
		for k > i && prefixByte[body[k-1]] {
			k--
		}
		if k == i {
			return true
		}
		i = k
	}
	return false
}
