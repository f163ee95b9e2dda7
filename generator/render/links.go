package render

import (
	"bytes"
	"html/template"
	"strings"
)

// linkList renders each link of list with the partial name and joins the
// results: {{ links "partials/chip.html" .Tags }}. A link's HTML depends
// only on the link, so each distinct (partial, link) is rendered once per
// build, and the whole list costs the template one call instead of a few
// reflective calls per link.
func (t *Theme) linkList(name string, list []Link) (template.HTML, error) {
	htmls := make([]string, len(list))
	size := 0
	for i, l := range list {
		html, err := t.linkHTML(name, l)
		if err != nil {
			return "", err
		}
		htmls[i] = html
		size += len(html)
	}
	var b strings.Builder
	b.Grow(size)
	for _, html := range htmls {
		b.WriteString(html)
	}
	return template.HTML(b.String()), nil
}

// linkKey identifies one link drawn by one partial.
type linkKey struct {
	name string
	link Link
}

// linkHTML renders l with the partial name, or returns the HTML drawn for
// an equal link before.
func (t *Theme) linkHTML(name string, l Link) (string, error) {
	key := linkKey{name, l}
	if v, ok := t.links.Load(key); ok {
		return v.(string), nil
	}
	var b bytes.Buffer
	if err := t.shared.ExecuteTemplate(&b, name, l); err != nil {
		return "", err
	}
	v, _ := t.links.LoadOrStore(key, b.String())
	return v.(string), nil
}
