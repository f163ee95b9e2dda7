package pipeline

import (
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/feed"
	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/site"
)

// writeFeeds writes sitemap.xml, the Atom feed and robots.txt.
func (r *Run) writeFeeds() {
	summary := func(p *site.Page) string {
		if rec := r.records.of(p); rec != nil {
			return rec.text.Summary
		}
		return ""
	}
	sitemap, err := feed.Sitemap(feed.SitemapEntries(r.model, r.views.Permalink, summary))
	r.writeOrFail("sitemap.xml", sitemap, err)
	recent := feed.RecentEntries(r.changes.Recent, r.views.Permalink, summary)
	atom, err := feed.Atom(r.cfg.Title, r.views.Permalink("/"), r.views.Permalink("/index.xml"), view.ParamString(r.cfg.Params, "owner"), recent)
	r.writeOrFail("index.xml", atom, err)
	r.write("robots.txt", feed.Robots(r.views.Permalink("/sitemap.xml")))
	r.write(nav.File, r.views.Nav().JSON())
}

func (r *Run) writeOrFail(rel string, data []byte, err error) {
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "writing %s: %w", rel, err))
		return
	}
	r.write(rel, data)
}
