package pipeline

import (
	"iter"

	"github.com/playbookhq/playbook/generator/site"
)

// records holds the record of each page of one model, by its place
// (site.Site.Index): the stages look a page's record up many times per
// page.
type records struct {
	model *site.Site
	recs  []*record
}

// newRecords returns no records yet for the pages of model.
func newRecords(model *site.Site) records {
	return records{model: model, recs: make([]*record, len(model.Pages))}
}

// of returns page p's record, nil when it has none.
func (rs records) of(p *site.Page) *record {
	if i, ok := rs.model.Index(p); ok {
		return rs.recs[i]
	}
	return nil
}

// set keeps rec as page p's record; a page not of the model keeps none.
func (rs records) set(p *site.Page, rec *record) {
	if i, ok := rs.model.Index(p); ok {
		rs.recs[i] = rec
	}
}

// all yields every record kept, in the model's order.
func (rs records) all() iter.Seq[*record] {
	return func(yield func(*record) bool) {
		for _, rec := range rs.recs {
			if rec != nil && !yield(rec) {
				return
			}
		}
	}
}
