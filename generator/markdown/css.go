package markdown

import (
	"bufio"
	"bytes"
	"fmt"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Selectors under which the dark style applies: the reader's system
// preference unless the page forces the light theme, or the page forcing
// the dark theme.
const (
	darkMediaQuery      = "@media (prefers-color-scheme: dark)"
	darkBySystemPrefix  = ":root:not([data-theme=light])"
	darkByChoicePrefix  = "[data-theme=dark]"
	highlightCSSHeading = "/* Syntax highlighting (chroma): light %q, dark %q. */\n"
	// resetTokensRule comes first in the dark rules: it outweighs the light
	// style's token rules, so a token the dark style leaves unstyled does not
	// keep its light colour, while the dark style's own token rules, more
	// specific still, win over it.
	resetTokensRule = ".chroma span { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit }\n"
)

// HighlightCSS returns the stylesheet for highlighted code: the chroma style
// lightStyle by default, and darkStyle both when the system prefers a dark
// scheme (unless the root element has data-theme=light) and when the root
// element has data-theme=dark. Style names are chroma's, for example
// "github" and "github-dark".
func HighlightCSS(lightStyle, darkStyle string) ([]byte, error) {
	light, err := chromaStyle(lightStyle)
	if err != nil {
		return nil, err
	}
	dark, err := chromaStyle(darkStyle)
	if err != nil {
		return nil, err
	}
	formatter := html.New(html.WithClasses(true), html.WithCSSComments(false))
	var lightCSS, darkCSS bytes.Buffer
	if err := formatter.WriteCSS(&lightCSS, light); err != nil {
		return nil, fmt.Errorf("highlight CSS for style %q: %w", lightStyle, err)
	}
	darkCSS.WriteString(resetTokensRule)
	if err := formatter.WriteCSS(&darkCSS, dark); err != nil {
		return nil, fmt.Errorf("highlight CSS for style %q: %w", darkStyle, err)
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, highlightCSSHeading, lightStyle, darkStyle)
	out.Write(lightCSS.Bytes())
	out.WriteString(darkMediaQuery + " {\n")
	prefixRules(&out, darkCSS.Bytes(), "  "+darkBySystemPrefix+" ")
	out.WriteString("}\n")
	prefixRules(&out, darkCSS.Bytes(), darkByChoicePrefix+" ")
	return out.Bytes(), nil
}

// chromaStyle looks up a chroma style by name; unlike styles.Get it does not
// fall back silently.
func chromaStyle(name string) (*chroma.Style, error) {
	s, ok := styles.Registry[name]
	if !ok {
		return nil, fmt.Errorf("unknown highlight style %q (see chroma's style gallery for names)", name)
	}
	return s, nil
}

// prefixRules writes each rule of css (one "selector { … }" per line, as
// chroma writes them) with prefix before its selector.
func prefixRules(out *bytes.Buffer, css []byte, prefix string) {
	sc := bufio.NewScanner(bytes.NewReader(css))
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		out.WriteString(prefix)
		out.Write(line)
		out.WriteByte('\n')
	}
}
