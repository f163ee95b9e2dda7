package pipeline

import (
	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// unknownTypes warns about each page whose type is not one of the site's
// content types and has no layout of its own in the theme (Hugo's lookup:
// layouts/<type>/single.html, list.html for sections). Such a page is shown
// with the generic layout; with a layout, a custom type is legitimate.
func unknownTypes(model *site.Site, cfg *config.Config, theme *render.Theme) diag.List {
	var diags diag.List
	for _, p := range model.Pages {
		if p.Src == nil || content.KnownType(cfg, p.Src.Meta.Type) {
			continue
		}
		typ := p.Src.Meta.Type
		layout := typ + "/single.html"
		if p.Kind != site.KindPage {
			layout = typ + "/list.html"
		}
		if theme.HasLayout(layout) {
			continue
		}
		diags = append(diags, diag.Warnf(p.Src.KeyPos("type"),
			"unknown type %q (known: %s) and no layouts/%s: shown with the generic layout",
			typ, content.KnownTypes(cfg), layout))
	}
	return diags
}
