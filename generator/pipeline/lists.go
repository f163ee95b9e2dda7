package pipeline

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
)

// recentCount is how many recently changed pages the home page shows.
const recentCount = 6

// renderLists writes home, section, taxonomy and term pages on all cores.
func (r *run) renderLists() {
	var jobs []func(*bytes.Buffer) *diag.Diagnostic
	for _, p := range r.model.Pages {
		if p.Kind != site.KindPage {
			jobs = append(jobs, func(buf *bytes.Buffer) *diag.Diagnostic { return r.renderList(p, buf) })
		}
	}
	for _, tax := range r.model.Taxonomies {
		tv := r.views.taxonomy(tax)
		jobs = append(jobs, func(buf *bytes.Buffer) *diag.Diagnostic { return r.renderTaxonomyPage(tax, &tv, buf) })
		for _, term := range tax.Terms {
			jobs = append(jobs, func(buf *bytes.Buffer) *diag.Diagnostic { return r.renderTerm(tax, &tv, term, buf) })
		}
	}
	forEach(r.ctx, len(jobs), func(i int, buf *bytes.Buffer) {
		r.diags.Add(jobs[i](buf))
	})
}

func (r *run) summaries(pages []*site.Page) []render.Summary {
	out := make([]render.Summary, 0, len(pages))
	for _, p := range pages {
		out = append(out, r.views.summary(p, r.records[p]))
	}
	return out
}

// recent returns the n most recently changed content pages.
func (r *run) recent(n int) []*site.Page { return r.model.Recent(n) }

// renderList writes a section's or the home page's list.
func (r *run) renderList(p *site.Page, buf *bytes.Buffer) *diag.Diagnostic {
	return r.renderListPage(p, 0, buf)
}

// renderListPage writes pager page only of a section's list (0: all of them).
func (r *run) renderListPage(p *site.Page, only int, buf *bytes.Buffer) *diag.Diagnostic {
	rec := r.records[p]
	var body []byte
	if rec != nil {
		body = rec.body
	}
	return r.paginate(p.URL, p.Pages, only, buf, func(n int) *render.Page {
		view := r.views.page(p, rec, body)
		if n == 1 {
			view.Subsections = r.summaries(p.Sections)
		}
		if p.Kind == site.KindHome {
			view.Recent = r.summaries(r.recent(recentCount))
			view.Entry = r.summaries(p.Sections)
		}
		return view
	})
}

// paginate renders a list of pages split into pages of Paginate items at
// url, url/page/2/, … ; view makes the view of pager page n (from 1).
// With only > 0 just that pager page is rendered.
func (r *run) paginate(url string, pages []*site.Page, only int, buf *bytes.Buffer, view func(n int) *render.Page) *diag.Diagnostic {
	size := r.cfg.Paginate
	total := site.PagerCount(len(pages), size)
	pageURL := func(n int) string { return site.PagerURL(url, n) }
	for n := 1; n <= total; n++ {
		if only > 0 && n != only {
			continue
		}
		v := view(n)
		lo, hi := (n-1)*size, min(n*size, len(pages))
		v.Pages = r.summaries(pages[lo:hi])
		if total > 1 {
			v.Pager = r.pager(n, total, len(pages), pageURL)
			v.URL, v.Permalink = r.views.url(pageURL(n)), r.views.permalink(pageURL(n))
			if n > 1 {
				v.Title = v.Title + " (page " + strconv.Itoa(n) + ")"
			}
		}
		if d := r.execute(strings.TrimPrefix(pageURL(n), "/")+"index.html", v, buf); d != nil {
			return d
		}
	}
	return nil
}

func (r *run) pager(n, total, items int, pageURL func(int) string) *render.Pager {
	p := &render.Pager{Number: n, Total: total, Items: items}
	if n > 1 {
		p.Prev = r.views.url(pageURL(n - 1))
	}
	if n < total {
		p.Next = r.views.url(pageURL(n + 1))
	}
	for _, i := range site.PagerNumbers(n, total, render.PagerWindow) {
		if i == 0 {
			p.Pages = append(p.Pages, render.PagerLink{Title: "…", Gap: true})
			continue
		}
		p.Pages = append(p.Pages, render.PagerLink{Title: strconv.Itoa(i), URL: r.views.url(pageURL(i)), Current: i == n})
	}
	return p
}

// renderTaxonomyPage writes a taxonomy's list of terms.
func (r *run) renderTaxonomyPage(tax *site.Taxonomy, tv *render.Taxonomy, buf *bytes.Buffer) *diag.Diagnostic {
	view := r.views.newPage(render.KindTaxonomy, tv.Title, tax.URL)
	view.Taxonomy, view.Terms = tv, tv.Terms
	view.Description = tv.Title + " used across " + r.cfg.Title
	view.Lead = view.Description
	view.Breadcrumbs = []render.Link{{Title: "Home", URL: r.views.url("/")}}
	return r.execute(tax.URL[1:]+"index.html", view, buf)
}

// renderTerm writes the list of one term's pages.
func (r *run) renderTerm(tax *site.Taxonomy, tv *render.Taxonomy, term *site.Term, buf *bytes.Buffer) *diag.Diagnostic {
	return r.renderTermPage(tax, tv, term, 0, buf)
}

// renderTermPage writes pager page only of a term's list (0: all of them).
func (r *run) renderTermPage(tax *site.Taxonomy, tv *render.Taxonomy, term *site.Term, only int, buf *bytes.Buffer) *diag.Diagnostic {
	return r.paginate(term.URL, term.Pages, only, buf, func(int) *render.Page {
		view := r.views.newPage(render.KindTerm, term.Name, term.URL)
		view.Taxonomy = tv
		view.Description = "Pages with " + tax.Singular + " " + term.Name
		view.Lead = view.Description
		view.Breadcrumbs = []render.Link{{Title: "Home", URL: r.views.url("/")}, {Title: tv.Title, URL: tv.URL}}
		return view
	})
}
