package view

import (
	"html/template"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/chart"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/site"
	"github.com/playbookhq/playbook/generator/types"
)

// fillFields gives a typed page's view its declared fields: by name for
// the type's own layout, in order for the generic one, the at-a-glance
// box, and the steps and results of the fields with those roles.
func (v *Maker) fillFields(view *render.Page, p *site.Page, src *content.Page) {
	t := v.cfg.Types[p.Type]
	if t == nil || src.Fields == nil {
		return
	}
	view.Fields = make(map[string]any, len(src.Fields))
	for _, f := range t.Fields {
		val, ok := src.Fields[f.Name]
		if !ok {
			continue
		}
		fv := fieldView(f, val)
		view.TypeFields = append(view.TypeFields, fv)
		view.Fields[f.Name] = val
		if f.Kind == types.Markdown {
			view.Fields[f.Name] = fv.HTML
		}
	}
	for _, name := range t.Glance {
		if fv, ok := v.commonField(view, name); ok {
			view.Glance = append(view.Glance, fv)
		}
	}
	for i := range view.TypeFields {
		view.TypeFields[i].Glance = slices.Contains(t.Glance, view.TypeFields[i].Name)
	}
	view.Steps = stepViews(src.Steps())
	for _, r := range src.Results() {
		view.Results = append(view.Results, metricView(r))
	}
}

// commonField is a glance entry: a declared field, or the teams or owner.
func (v *Maker) commonField(view *render.Page, name string) (render.Field, bool) {
	for _, f := range view.TypeFields {
		if f.Name == name {
			return f, f.Kind != string(types.Records)
		}
	}
	switch name {
	case "teams":
		var b strings.Builder
		var names []string
		for i, t := range view.Teams {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<a href="` + template.HTMLEscapeString(t.URL) + `">` + template.HTMLEscapeString(t.Title) + `</a>`)
			names = append(names, t.Title)
		}
		return render.Field{Name: name, Title: "Teams", Kind: string(types.List), Text: strings.Join(names, ", "), HTML: template.HTML(b.String())}, len(names) > 0
	case "owner":
		return render.Field{Name: name, Title: "Owner", Kind: string(types.Text), Text: view.Owner, HTML: template.HTML(template.HTMLEscapeString(view.Owner))}, view.Owner != ""
	}
	return render.Field{}, false
}

// cardFields are the fields a type shows on its cards.
func (v *Maker) cardFields(p *site.Page) []render.Field {
	t := v.cfg.Types[p.Type]
	if t == nil || len(t.Card) == 0 || p.Src == nil {
		return nil
	}
	var out []render.Field
	for _, name := range t.Card {
		if f, val := t.Field(name), p.Src.Fields[name]; f != nil && val != nil && f.Kind != types.Records {
			out = append(out, fieldView(f, val))
		}
	}
	return out
}

// fieldView makes the view of one field's value.
func fieldView(f *types.Field, val any) render.Field {
	fv := render.Field{Name: f.Name, Title: f.Title, Kind: string(f.Kind)}
	if f.Kind == types.Records {
		for _, s := range f.Fields {
			fv.Columns = append(fv.Columns, s.Title)
		}
		recs, _ := val.([]content.Record)
		for _, rec := range recs {
			row := make([]render.Field, len(f.Fields))
			for i, s := range f.Fields {
				row[i] = render.Field{Name: s.Name, Title: s.Title, Kind: string(s.Kind)}
				if sv, ok := rec[s.Name]; ok {
					row[i] = fieldView(s, sv)
				}
			}
			fv.Rows = append(fv.Rows, row)
		}
		return fv
	}
	fv.Text = fieldText(val)
	fv.HTML = template.HTML(template.HTMLEscapeString(fv.Text))
	switch f.Kind {
	case types.Markdown:
		if _, html := markdown.Title(fv.Text); html != "" {
			fv.HTML = template.HTML(html)
		}
	case types.URL:
		fv.HTML = template.HTML(`<a href="` + template.HTMLEscapeString(fv.Text) + `">` + string(fv.HTML) + `</a>`)
	}
	return fv
}

// fieldText is a value as plain text.
func fieldText(val any) string {
	switch x := val.(type) {
	case string:
		return x
	case float64:
		return formatNumber(x)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case time.Time:
		return x.Format("2 Jan 2006")
	case []string:
		return strings.Join(x, ", ")
	}
	return ""
}

func metricView(r content.Result) render.Metric {
	m := chartMetric(r)
	return render.Metric{
		Label:  r.Label,
		Before: formatNumber(r.Before),
		After:  formatNumber(r.After),
		Unit:   r.Unit,
		Change: chart.Change(m),
		Better: chart.Better(m),
	}
}

// sortTerms orders terms by page count, most first, then by name.
func sortTerms(ts []render.Term) {
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].Count != ts[j].Count {
			return ts[i].Count > ts[j].Count
		}
		return ts[i].Name < ts[j].Name
	})
}
