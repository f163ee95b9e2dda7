package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/playbookhq/playbook/generator/diag"
)

// Format names the syntax of a front-matter block.
type Format int

// Front-matter formats.
const (
	NoFrontMatter Format = iota
	TOML                 // fenced by +++
	YAML                 // fenced by ---
)

// String returns "TOML", "YAML" or "none".
func (f Format) String() string {
	switch f {
	case TOML:
		return "TOML"
	case YAML:
		return "YAML"
	}
	return "none"
}

// Split is a source file cut into its front matter and its body.
type Split struct {
	Format     Format
	Matter     []byte // the front matter between the fences, without them
	MatterLine int    // 1-based line of the first front-matter line
	Body       []byte
	BodyLine   int // number of lines before the body (0 when there is no front matter)
}

var bom = []byte("\xef\xbb\xbf")

// SplitFrontMatter cuts src into front matter and body. It accepts a
// byte-order mark, CRLF line ends and trailing spaces after the fences.
// An opening fence without a closing one is an error at line 1.
// Invalid UTF-8 is an error at the first bad byte.
func SplitFrontMatter(file string, src []byte) (Split, *diag.Diagnostic) {
	src = bytes.TrimPrefix(src, bom)
	if d := checkUTF8(file, src); d != nil {
		return Split{}, d
	}
	first, _, hasNext := cutLine(src)
	var format Format
	var fence string
	switch string(bytes.TrimRight(first, " \t\r")) {
	case "+++":
		format, fence = TOML, "+++"
	case "---":
		format, fence = YAML, "---"
	default:
		return Split{Body: src}, nil
	}
	matterStart := len(first) + 1
	pos, lineNo := matterStart, 1
	for hasNext && pos <= len(src) {
		line, next, ok := cutLine(src[pos:])
		lineNo++
		if string(bytes.TrimRight(line, " \t\r")) == fence {
			return Split{
				Format:     format,
				Matter:     src[matterStart:pos],
				MatterLine: 2,
				Body:       next,
				BodyLine:   lineNo,
			}, nil
		}
		if !ok {
			break
		}
		pos += len(line) + 1
	}
	return Split{}, diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1},
		"unterminated %s front matter: no closing %q line", format, fence)
}

// cutLine returns the first line of s (without its newline), the rest, and
// whether a newline was found.
func cutLine(s []byte) (line, rest []byte, ok bool) {
	if i := bytes.IndexByte(s, '\n'); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, nil, false
}

// checkUTF8 reports the position of the first invalid UTF-8 byte.
func checkUTF8(file string, src []byte) *diag.Diagnostic {
	if utf8.Valid(src) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return diag.Errorf(diag.Pos{File: file, Line: line, Col: col},
				"invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[i])
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}
