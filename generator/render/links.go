package render

import "html/template"

// linkList renders each link of list with the partial name and joins the
// results: {{ links "partials/chip.html" .Tags }}. A link's HTML depends
// only on the link, so each distinct (partial, link) is rendered once per
// build, and the whole list costs the template one call instead of a few
// reflective calls per link.
func (t *Theme) linkList(name string, list []Link) (template.HTML, error) {
	return joinDrawn(len(list), "", func(i int) (string, error) { return t.linkHTML(name, list[i]) })
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
	html, err := t.drawPartial(name, l)
	if err != nil {
		return "", err
	}
	v, _ := t.links.LoadOrStore(key, html)
	return v.(string), nil
}
