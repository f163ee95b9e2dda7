package health

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/site"
)

// imagesWithoutAlt finds Markdown images with empty alt text (![](x.png))
// and raw <img> tags without alt. A candidate counts only when the
// renderer saw an image on that line, so code blocks are left alone.
func imagesWithoutAlt(file string, body []byte, bodyLine int, links []markdown.Link) []Finding {
	if !bytes.Contains(body, []byte("![")) && !bytes.Contains(body, []byte("<img")) {
		return nil
	}
	imageLines := map[int]bool{}
	for _, l := range links {
		if l.Image {
			imageLines[l.Line] = true
		}
	}
	var fs []Finding
	report := func(off int, what string) {
		pos := offsetPos(file, body, bodyLine, off)
		if imageLines[pos.Line] {
			fs = append(fs, newFinding(ImageAlt, pos, what))
		}
	}
	for off := 0; ; {
		i := bytes.Index(body[off:], []byte("!["))
		if i < 0 {
			break
		}
		start := off + i
		off = start + 2
		end := bytes.IndexByte(body[off:], ']')
		if end >= 0 && len(bytes.TrimSpace(body[off:off+end])) == 0 && bytes.HasPrefix(body[off+end+1:], []byte("(")) {
			report(start, "image without alt text: describe it between the brackets, ![what it shows](…)")
		}
	}
	for off := 0; ; {
		i := bytes.Index(body[off:], []byte("<img"))
		if i < 0 {
			break
		}
		start := off + i
		off = start + 4
		end := bytes.IndexByte(body[off:], '>')
		if end < 0 {
			break
		}
		if !bytes.Contains(bytes.ToLower(body[off:off+end]), []byte("alt=")) {
			report(start, "<img> without an alt attribute")
		}
	}
	return fs
}

// offsetPos turns a byte offset of the body into a file position.
func offsetPos(file string, body []byte, bodyLine, off int) diag.Pos {
	line := bodyLine + 1 + bytes.Count(body[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(body[:off], '\n')
	return diag.Pos{File: file, Line: line, Col: col}
}

// headingSkips finds headings more than one level below the heading
// before them; the page's title counts as the level-1 heading above all.
func headingSkips(file string, hs []markdown.Heading, _ bool) []Finding {
	var fs []Finding
	prev := 1
	for _, h := range hs {
		if h.Level > prev+1 {
			fs = append(fs, newFinding(HeadingSkip, diag.Pos{File: file, Line: h.Line, Col: 1},
				fmt.Sprintf("heading %q is level %d right after level %d: screen readers and the table of contents expect no skipped level", h.Text, h.Level, prev)))
		}
		prev = h.Level
	}
	return fs
}

// bodyPlaceholders finds a page whose headings have no text under them (as
// an archetype leaves it) and "lorem ipsum" filler.
func (c *Checker) bodyPlaceholders(p *site.Page, body []byte, res *markdown.Result) []Finding {
	if p.Kind != site.KindPage {
		return nil
	}
	var fs []Finding
	if len(res.Headings) > 0 && allEmpty(res.Sections) {
		fs = append(fs, newFinding(Placeholder, diag.Pos{File: p.Src.File, Line: res.Headings[0].Line, Col: 1},
			"only headings, no text under them: an unfinished page, or one still as its archetype made it"))
	}
	if i := loremIpsum(body); i >= 0 {
		fs = append(fs, newFinding(Placeholder, offsetPos(p.Src.File, body, p.Src.BodyLine, i), "placeholder text \"lorem ipsum\""))
	}
	return fs
}

func allEmpty(ss []markdown.Section) bool {
	for _, s := range ss {
		if strings.TrimSpace(s.Text) != "" || s.Code != "" {
			return false
		}
	}
	return true
}

// loremIpsum returns the offset of "lorem ipsum" in any letter case, or -1;
// pages without "psum" pay one scan.
func loremIpsum(body []byte) int {
	if !bytes.Contains(body, []byte("psum")) && !bytes.Contains(body, []byte("PSUM")) {
		return -1
	}
	return bytes.Index(bytes.ToLower(body), []byte("lorem ipsum"))
}
