package pipeline

import (
	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/site"
)

// Extras adds what another package works out from the site model to a
// build: pages of its own (the health page) and a note for readers on
// single pages ("Review due"). Set as Options.Extras; nil adds nothing.
type Extras interface {
	// Prepare is called once the model is made, before pages are rendered.
	Prepare(cfg *config.Config, model *site.Site)
	// Notice returns a note for the readers of page p, or "". It is
	// called from many goroutines.
	Notice(p *site.Page) string
	// Pages returns the pages to write besides the site's own.
	Pages() []ExtraPage
}

// ExtraPage is a page made outside content/, shown with the theme's
// single-page layout.
type ExtraPage = view.ExtraPage

// prepareExtras hands the model to Options.Extras.
func (r *Run) prepareExtras() {
	if r.extras != nil {
		r.extras.Prepare(r.cfg, r.model)
	}
}

// notice is Options.Extras' note for the readers of page p.
func (r *Run) notice(p *site.Page) string {
	if r.extras == nil {
		return ""
	}
	return r.extras.Notice(p)
}

// extraPages are the pages of Options.Extras.
func (r *Run) extraPages() []ExtraPage {
	if r.extras == nil {
		return nil
	}
	return r.extras.Pages()
}

// pageURLs maps each page's source file to its URL.
func pageURLs(model *site.Site) map[string]string {
	m := make(map[string]string, len(model.Pages))
	for _, p := range model.Pages {
		if p.Src != nil {
			m[p.Src.File] = p.URL
		}
	}
	return m
}
