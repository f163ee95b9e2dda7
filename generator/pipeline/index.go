package pipeline

import (
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
	"github.com/playbookhq/playbook/generator/types"
)

// startSearchIndex announces every content page to a new search indexer,
// so that pages are indexed while they are rendered.
func (r *Run) startSearchIndex() {
	urls := make([]string, 0, len(r.model.Pages))
	for _, p := range r.model.Pages {
		if p.Src != nil {
			urls = append(urls, r.views.URL(p.URL))
		}
	}
	ix, err := search.NewIndexer(urls, func(f search.File) error {
		r.write(f.Path, f.Data)
		return nil
	})
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "building the search index: %w", err))
		return
	}
	r.index = ix
}

// keepSearchIndex keeps the search index files in place as they are, for
// a build that leaves the index to be written later.
func (r *Run) keepSearchIndex() {
	for f, h := range r.prevHash {
		if IsIndexFile(f) {
			r.hashOf[f] = h
			r.out.Retain(f)
		}
	}
}

// IsIndexFile reports whether output path f is a file of the search index
// (not the search page beside it, which is written with the lists).
func IsIndexFile(f string) bool {
	return strings.HasPrefix(f, search.Dir) && f != search.Dir+"index.html"
}

// inSearchOrder returns pages in the search index's order (URL order; the
// base path in front of every URL does not change it), pages that are not
// indexed last, so the indexer completes its chunks of fragments one after
// another.
func inSearchOrder(pages []*site.Page) []*site.Page {
	out := append([]*site.Page(nil), pages...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Src != nil) != (b.Src != nil) {
			return a.Src != nil
		}
		return a.URL < b.URL
	})
	return out
}

// indexPage adds a rendered content page to the search index. A one-off
// build then drops the page's text; the live preview keeps it for the
// background index of later partial rebuilds.
func (r *Run) indexPage(p *site.Page, rec *record) {
	if r.index == nil || p.Src == nil {
		return
	}
	doc := r.searchDoc(p, rec)
	if err := r.index.Add(&doc); err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "building the search index: %w", err))
	}
	if !r.policy.keepsState() {
		rec.sections = nil
	}
}

// finishSearchIndex writes the index's terms, facets and manifest.
func (r *Run) finishSearchIndex() {
	if r.index == nil {
		return
	}
	if r.ctx.Err() != nil {
		return // cancelled: not every page was added, and the build is dropped
	}
	if err := r.index.Finish(); err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "building the search index: %w", err))
	}
	r.out.PublishLast(search.ManifestPath)
	r.index = nil
}

// searchDocs makes the search records of every content page. They share
// their text with the build's records but are safe to use after the build.
func (r *Run) searchDocs() []search.Doc {
	docs := make([]search.Doc, 0, len(r.model.Pages))
	for _, p := range r.model.Pages {
		if rec := r.records.of(p); rec != nil && p.Src != nil {
			docs = append(docs, r.searchDoc(p, rec))
		}
	}
	return docs
}

func (r *Run) searchDoc(p *site.Page, rec *record) search.Doc {
	d := search.Doc{
		URL:       r.views.URL(p.URL),
		Title:     p.Title,
		Type:      p.Type,
		TypeTitle: r.views.TypeTitle(p.Type),
		Sections:  rec.sections,
		Date:      p.Lastmod(),
		Fields:    map[string]string{},
		List:      p.Kind != site.KindPage,
	}
	for _, a := range p.Ancestors() {
		if a.Kind != site.KindHome {
			d.SectionPath = append(d.SectionPath, a.Title)
		}
	}
	m := p.Src.Meta
	d.Description = m.Description
	if d.Description == "" {
		d.Description = m.Summary
	}
	d.Tags, d.Teams = m.Terms["tags"], m.Terms["teams"]
	if m.Owner != "" {
		d.Fields["owner"] = m.Owner
	}
	if t := r.cfg.Types[p.Type]; t != nil && p.Src.Fields != nil {
		typedSearch(&d, t, p.Src.Fields)
	}
	return d
}

// typedSearch adds a typed page's declared fields to its search record:
// the words of every searchable field (records: every searchable
// sub-field of every entry) and the values of the type's facets.
func typedSearch(d *search.Doc, t *types.Type, fields map[string]any) {
	for _, f := range t.Fields {
		val, ok := fields[f.Name]
		if !ok || !f.Searchable() {
			continue
		}
		if words := searchText(f, val); words != "" {
			d.Fields[f.Name] = words
		}
	}
	for _, name := range t.Facets {
		var labels []string
		switch v := fields[name].(type) {
		case string:
			labels = []string{v}
		case []string:
			labels = v
		}
		if len(labels) > 0 {
			if d.Facets == nil {
				d.Facets = map[string][]string{}
			}
			d.Facets[name] = labels
		}
	}
}

// searchText joins the words of a field's value.
func searchText(f *types.Field, val any) string {
	switch v := val.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, ", ")
	case []content.Record:
		var parts []string
		for _, rec := range v {
			for _, s := range f.Fields {
				if sv, ok := rec[s.Name]; ok && s.Searchable() {
					parts = append(parts, searchText(s, sv))
				}
			}
		}
		return strings.Join(parts, " · ")
	}
	return ""
}
