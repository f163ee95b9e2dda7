package view

import (
	"bytes"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// notFoundPage writes 404.html, which shows the recent pages.
func (r *Renderer) notFoundPage(l List, buf *bytes.Buffer) *diag.Diagnostic {
	notFound := r.NewPage(render.Kind404, "Page not found", "/404.html")
	notFound.Description = "This page does not exist."
	notFound.Recent = r.summaries(l, 1, r.model.Recent(RecentCount))
	return r.Execute("404.html", notFound, buf)
}

// extraPage writes a page another package made.
func (r *Renderer) extraPage(x *ExtraPage, buf *bytes.Buffer) *diag.Diagnostic {
	view := r.NewPage(render.KindPage, x.Title, x.URL)
	view.Description, view.Lead = x.Description, x.Description
	view.Content = x.HTML
	return r.Execute(strings.TrimPrefix(x.URL, "/")+"index.html", view, buf)
}

// aliasPage writes the redirect of an alias to its page.
func (r *Renderer) aliasPage(a *site.Alias, buf *bytes.Buffer) *diag.Diagnostic {
	view := r.NewPage(render.KindPage, a.Target.Title, a.URL)
	view.Redirect = r.URL(a.Target.URL)
	view.Permalink = r.Permalink(a.Target.URL)
	return r.Execute(a.OutFile, view, buf)
}

// searchView is the built-in search page; a content page at its URL gives
// it its title, description and text (shown above the search form).
func (r *Renderer) searchView() *render.Page {
	p := r.model.Search
	if p == nil {
		search := r.NewPage(render.KindSearch, "Search", site.SearchURL)
		search.Description = "Search " + r.cfg.Title
		return search
	}
	txt := r.text(p)
	var body []byte
	if txt != nil {
		body = txt.Body
	}
	view := r.Page(p, txt, body)
	view.Kind = render.KindSearch
	return view
}
