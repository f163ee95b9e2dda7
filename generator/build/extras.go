package build

import (
	"bytes"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/feed"
	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// feedCount is how many entries the Atom feed carries.
const feedCount = 30

// renderExtras writes the search page, 404.html, alias redirects,
// sitemap.xml, the Atom feed and robots.txt.
func (r *run) renderExtras() {
	var buf bytes.Buffer
	r.diags.Add(r.execute("search/index.html", r.searchView(), &buf))

	notFound := r.views.newPage(render.Kind404, "Page not found", "/404.html")
	notFound.Description = "This page does not exist."
	notFound.Recent = r.summaries(r.recent(recentCount))
	r.diags.Add(r.execute("404.html", notFound, &buf))
	r.renderExtraPages(&buf)

	for _, a := range r.model.Aliases {
		view := r.views.newPage(render.KindPage, a.Target.Title, a.URL)
		view.Redirect = r.views.url(a.Target.URL)
		view.Permalink = r.views.permalink(a.Target.URL)
		r.diags.Add(r.execute(a.OutFile, view, &buf))
	}
	r.writeFeeds()
}

func (r *run) writeFeeds() {
	var entries []feed.Entry
	for _, p := range r.model.Pages {
		entries = append(entries, r.entry(p))
	}
	for _, tax := range r.model.Taxonomies {
		entries = append(entries, feed.Entry{Permalink: r.views.permalink(tax.URL)})
		for _, t := range tax.Terms {
			entries = append(entries, feed.Entry{Permalink: r.views.permalink(t.URL)})
		}
	}
	sitemap, err := feed.Sitemap(entries)
	r.writeOrFail("sitemap.xml", sitemap, err)

	var recent []feed.Entry
	for _, p := range r.recent(feedCount) {
		recent = append(recent, r.entry(p))
	}
	atom, err := feed.Atom(r.cfg.Title, r.views.permalink("/"), r.views.permalink("/index.xml"), paramString(r.cfg.Params, "owner"), recent)
	r.writeOrFail("index.xml", atom, err)
	r.write("robots.txt", feed.Robots(r.views.permalink("/sitemap.xml")))
	r.write(nav.File, r.views.nav.JSON())
}

func (r *run) entry(p *site.Page) feed.Entry {
	e := feed.Entry{Title: p.Title, Permalink: r.views.permalink(p.URL), Updated: p.Lastmod(), Published: p.Date()}
	if rec := r.records[p]; rec != nil {
		e.Summary = rec.summary
	}
	if p.Src != nil {
		e.Summary = firstNonEmpty(p.Src.Meta.Description, e.Summary)
		e.Author = p.Src.Meta.Owner
	}
	return e
}

func (r *run) writeOrFail(rel string, data []byte, err error) {
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "writing %s: %w", rel, err))
		return
	}
	r.write(rel, data)
}

// searchView is the built-in search page; a content page at its URL gives
// it its title, description and text (shown above the search form).
func (r *run) searchView() *render.Page {
	p := r.model.Search
	if p == nil {
		search := r.views.newPage(render.KindSearch, "Search", site.SearchURL)
		search.Description = "Search " + r.cfg.Title
		return search
	}
	rec := r.records[p]
	var body []byte
	if rec != nil {
		body = rec.body
	}
	view := r.views.page(p, rec, body)
	view.Kind = render.KindSearch
	return view
}
