package pipeline

import (
	"iter"

	"github.com/playbookhq/playbook/generator/site"
)

// records holds the record of each page of one model, by its Num: the
// stages look a page's record up many times per page.
type records struct {
	pages []*site.Page // the model's pages
	recs  []*record
}

// newRecords returns no records yet for the pages of model.
func newRecords(model *site.Site) records {
	return records{pages: model.Pages, recs: make([]*record, len(model.Pages))}
}

// at returns where page p's record is kept, -1 for a page that is not one
// of the model's.
func (rs records) at(p *site.Page) int {
	if i := p.Num - 1; i >= 0 && i < len(rs.pages) && rs.pages[i] == p {
		return i
	}
	return -1
}

// of returns page p's record, nil when it has none.
func (rs records) of(p *site.Page) *record {
	if i := rs.at(p); i >= 0 {
		return rs.recs[i]
	}
	return nil
}

// set keeps rec as page p's record; a page not of the model keeps none.
func (rs records) set(p *site.Page, rec *record) {
	if i := rs.at(p); i >= 0 {
		rs.recs[i] = rec
	}
}

// all yields every record kept, in the model's order.
func (rs records) all() iter.Seq2[int, *record] {
	return func(yield func(int, *record) bool) {
		for i, rec := range rs.recs {
			if rec != nil && !yield(i, rec) {
				return
			}
		}
	}
}
