package markdown

import (
	"bytes"

	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
)

// Emoji is goldmark-emoji's extension for GitHub's emoji shortcodes
// (":white_check_mark:" → ✅), writing the characters themselves: no
// images, so no requests to an emoji CDN. Shortcodes in code are left as
// they are, unknown ones stay text.
var Emoji = emoji.New(emoji.WithRenderingMethod(emoji.Unicode))

// appendEmoji appends the characters of an emoji to plain text.
func appendEmoji(buf []byte, n *emojiast.Emoji) []byte {
	if n.Value == nil || len(n.Value.Unicode) == 0 {
		return append(append(append(buf, ':'), n.ShortName...), ':')
	}
	return append(buf, string(n.Value.Unicode)...)
}

// slugText is the text a heading's automatic id is made from: its plain
// text with emoji written as their shortcodes, so that "## :rocket: Launch"
// gets the id GitHub and Hugo give it, "rocket-launch".
func slugText(h ast.Node, src []byte) string {
	return string(bytes.TrimSpace(appendSlugText(nil, h, src)))
}

// appendSlugText is appendInlineText with emoji as ":name:".
func appendSlugText(buf []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch {
		case c.Kind() == emojiast.KindEmoji:
			buf = append(append(append(buf, ':'), c.(*emojiast.Emoji).ShortName...), ':')
		case c.HasChildren():
			buf = appendSlugText(buf, c, src)
		default:
			buf = appendInline(buf, c, src)
		}
	}
	return buf
}
