package build

import (
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// indexWriters is how many goroutines write index files: creating ten
// thousand small files is bound by system calls, which overlap well.
const indexWriters = 4

// writeSearchIndex indexes every content page and section and writes each
// index file as soon as it is made, on several writers.
func (r *run) writeSearchIndex() {
	files := make(chan search.File, 256)
	var wg sync.WaitGroup
	for range indexWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range files {
				r.write(f.Path, f.Data)
			}
		}()
	}
	err := search.Write(r.searchDocs(), func(f search.File) error {
		files <- f
		return nil
	})
	close(files)
	wg.Wait()
	r.out.PublishLast(search.ManifestPath)
	if err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "building the search index: %w", err))
	}
}

// searchDocs makes the search records of every content page. They share
// their text with the build's records but are safe to use after the build.
func (r *run) searchDocs() []search.Doc {
	docs := make([]search.Doc, 0, len(r.model.Pages))
	for _, p := range r.model.Pages {
		if rec := r.records[p]; rec != nil && p.Src != nil {
			docs = append(docs, r.searchDoc(p, rec))
		}
	}
	return docs
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
		d.Fields["audience"] = strings.Join(pb.Audience, ", ")
	}
	return d
}
