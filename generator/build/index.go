package build

import (
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// writeSearchIndex indexes every content page and section and writes the index files.
func (r *run) writeSearchIndex() {
	var docs []search.Doc
	for _, p := range r.model.Pages {
		if rec := r.records[p]; rec != nil && p.Src != nil {
			docs = append(docs, r.searchDoc(p, rec))
		}
	}
	files, err := search.Build(docs)
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "building the search index: %w", err))
		return
	}
	for _, f := range files {
		r.write(f.Path, f.Data)
	}
}

func (r *run) searchDoc(p *site.Page, rec *record) search.Doc {
	d := search.Doc{
		URL:       r.views.url(p.URL),
		Title:     p.Title,
		Type:      p.Type,
		TypeTitle: r.views.typeTitle(p.Type),
		Sections:  rec.sections,
		Date:      p.Lastmod(),
		Fields:    map[string]string{},
	}
	for _, a := range p.Ancestors() {
		if a.Kind != site.KindHome {
			d.SectionPath = append(d.SectionPath, a.Title)
		}
	}
	m := p.Src.Meta
	d.Description = firstNonEmpty(m.Description, m.Summary)
	d.Tags, d.Teams = m.Terms["tags"], m.Terms["teams"]
	if cs := p.Src.CaseStudy; cs != nil {
		d.Fields["company"], d.Fields["industry"] = cs.Company, cs.Industry
	}
	if pb := p.Src.Playbook; pb != nil && len(pb.Audience) > 0 {
		d.Fields["audience"] = joinComma(pb.Audience)
	}
	return d
}

func joinComma(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
