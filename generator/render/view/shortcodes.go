package view

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// ShortcodeFuncs are the helpers of shortcode templates that need the
// build: markdownify renders Markdown (one paragraph comes out without its
// <p>, as Hugo's does), relURL and absURL put the base URL in front.
func ShortcodeFuncs(cfg *config.Config) template.FuncMap {
	md := markdown.New(markdown.Options{Unsafe: cfg.Markup.Unsafe, NoShortcodes: true})
	base, abs := cfg.BasePath(), cfg.BaseURL
	if abs == "" {
		abs = base
	}
	return template.FuncMap{
		"markdownify": func(s any) (template.HTML, error) {
			res, err := md.Render([]byte(render.Text(s)), 0, nil)
			if err != nil {
				return "", err
			}
			return template.HTML(oneParagraph(res.HTML)), nil //nolint:gosec // rendered by playbook's own Markdown pipeline
		},
		"relURL": func(s any) string { return joinBase(base, render.Text(s)) },
		"absURL": func(s any) string { return joinBase(abs, render.Text(s)) },
	}
}

// oneParagraph strips the <p> around HTML that is a single paragraph.
func oneParagraph(html []byte) []byte {
	inner, ok := bytes.CutPrefix(bytes.TrimSuffix(html, []byte("\n")), []byte("<p>"))
	if !ok {
		return html
	}
	inner, ok = bytes.CutSuffix(inner, []byte("</p>"))
	if !ok || bytes.Contains(inner, []byte("<p>")) {
		return html
	}
	return inner
}

// joinBase puts base in front of a site path; URLs with a scheme stay.
func joinBase(base, p string) string {
	if strings.Contains(p, "://") || strings.HasPrefix(p, "//") {
		return p
	}
	return base + strings.TrimPrefix(p, "/")
}

// PageContext tells the page's shortcodes about page p: .Page (built
// only when a template asks), .Site and the params of {{< param >}}.
func (v *Maker) PageContext(p *site.Page) *markdown.PageContext {
	return &markdown.PageContext{
		File:  p.Src.File,
		Page:  func() any { return v.shortcodePage(p) },
		Site:  v.site,
		Param: func(key string) (any, bool) { return v.param(p, key) },
	}
}

// param looks key up the way Hugo's .Param does: the page's front matter,
// then the site's params; keys are matched without regard to case and
// may be dotted ("social.github").
func (v *Maker) param(p *site.Page, key string) (any, bool) {
	m := p.Src.Meta
	known := map[string]any{"title": p.Title, "description": m.Description, "owner": m.Owner}
	if v, ok := known[strings.ToLower(key)]; ok && v != "" {
		return v, true
	}
	if v, ok := lookupPath(m.Params, key); ok {
		return v, true
	}
	return lookupPath(v.cfg.Params, key)
}

// lookupPath finds a dotted key in nested maps, case-insensitively.
func lookupPath(m map[string]any, key string) (any, bool) {
	var cur any = m
	for _, part := range strings.Split(key, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = mm[part]
		if !ok {
			if cur, ok = foldLookup(mm, part); !ok {
				return nil, false
			}
		}
	}
	return cur, true
}

func foldLookup(m map[string]any, key string) (any, bool) {
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// shortcodePage is .Page of shortcode templates: the page's view without
// its content, which is still being rendered.
func (v *Maker) shortcodePage(p *site.Page) *render.Page {
	view := v.NewPage(render.KindPage, p.Title, p.URL)
	view.Type, view.TypeTitle = p.Type, v.TypeTitle(p.Type)
	if p.Src != nil {
		v.fillMeta(view, p, p.Src)
	}
	return view
}
