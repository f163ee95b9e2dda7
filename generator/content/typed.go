package content

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/types"
)

// readFields reads the fields type t declares into p.Fields, each checked
// against its kind; a wrong value is an error at its key
// (`field "steps[2].owner" must be text`).
func (p *Page) readFields(r *fieldReader, t *types.Type) {
	if len(t.Fields) == 0 {
		return
	}
	p.Fields = make(map[string]any, len(t.Fields))
	for _, f := range t.Fields {
		v, ok := r.take(f.Name)
		if !ok {
			continue
		}
		if val, ok := r.value(f, v, fieldPath{f.Name}); ok {
			p.Fields[f.Name] = val
		}
	}
	p.fillRoles(t)
}

// fieldPath names a value in the front matter: a key, then index and key
// pairs for records ("steps", 1, "owner" is steps[2].owner).
type fieldPath []any

func (pa fieldPath) String() string {
	var b strings.Builder
	for _, e := range pa {
		switch e := e.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e)
		case int:
			fmt.Fprintf(&b, "[%d]", e+1) // writers count from one
		}
	}
	return b.String()
}

func (r *fieldReader) fieldErr(pa fieldPath, format string, args ...any) {
	r.diags = append(r.diags, diag.Errorf(r.locate(pa), "field %q %s", pa.String(), fmt.Sprintf(format, args...)))
}

// value checks v against f's kind and returns it typed: text, markdown,
// url and enum as string, number as float64, date as time.Time, bool,
// list as []string, records as []Record.
func (r *fieldReader) value(f *types.Field, v any, pa fieldPath) (any, bool) {
	switch f.Kind {
	case types.Number:
		switch n := v.(type) {
		case int64:
			return float64(n), true
		case int:
			return float64(n), true
		case float64:
			if math.IsNaN(n) || math.IsInf(n, 0) {
				r.fieldErr(pa, "must be a finite number, not %v", n)
				return nil, false
			}
			return n, true
		case string:
			if _, err := strconv.ParseFloat(n, 64); errors.Is(err, strconv.ErrRange) {
				r.fieldErr(pa, "is %s, out of range for a number", n)
				return nil, false
			}
		}
		r.fieldErr(pa, "must be a number, not %s", typeName(v))
	case types.Date:
		t, err := toTime(v)
		if err == nil {
			return t, true
		}
		r.fieldErr(pa, "must be a date such as 2026-03-14, not %s", typeName(v))
	case types.Bool:
		if b, ok := v.(bool); ok {
			return b, true
		}
		r.fieldErr(pa, "must be true or false, not %s", typeName(v))
	case types.List:
		if l, ok := toStrings(v); ok {
			return l, true
		}
		r.fieldErr(pa, "must be a list of text values, e.g. [\"a\", \"b\"]")
	case types.Records:
		return r.records(f, v, pa)
	default:
		return r.textValue(f, v, pa)
	}
	return nil, false
}

// textValue reads text, markdown, url and enum values.
func (r *fieldReader) textValue(f *types.Field, v any, pa fieldPath) (any, bool) {
	s, ok := scalarString(v)
	if !ok {
		r.fieldErr(pa, "must be text, not %s", typeName(v))
		return nil, false
	}
	s = strings.TrimSpace(s)
	switch f.Kind {
	case types.Enum:
		if !slices.Contains(f.Values, s) {
			r.fieldErr(pa, "must be one of %s, not %q", quoted(f.Values), s)
			return nil, false
		}
	case types.URL:
		if u, err := url.Parse(s); err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
			r.fieldErr(pa, "must be a URL (https://…, mailto:… or /path/), not %q", s)
			return nil, false
		}
	}
	return s, true
}

// records reads a list of tables ([[key]] in TOML, a list of mappings in YAML).
func (r *fieldReader) records(f *types.Field, v any, pa fieldPath) (any, bool) {
	var tables []map[string]any
	switch l := v.(type) {
	case []map[string]any:
		tables = l
	case []any:
		for _, e := range l {
			m, ok := e.(map[string]any)
			if !ok {
				r.fieldErr(pa, "must be a list of tables ([[%s]] in TOML)", f.Name)
				return nil, false
			}
			tables = append(tables, m)
		}
	default:
		r.fieldErr(pa, "must be a list of tables ([[%s]] in TOML), not %s", f.Name, typeName(v))
		return nil, false
	}
	out := make([]Record, 0, len(tables))
	for i, m := range tables {
		out = append(out, r.record(f, lowerKeys(m), append(slices.Clone(pa), i)))
	}
	return out, true
}

func (r *fieldReader) record(f *types.Field, m map[string]any, pa fieldPath) Record {
	rec := make(Record, len(f.Fields))
	for _, sub := range f.Fields {
		v, ok := m[sub.Name]
		if !ok || v == nil {
			if sub.Required {
				r.fieldErr(append(slices.Clone(pa), sub.Name), "is missing (every entry of %q needs one)", f.Name)
			}
			continue
		}
		if val, ok := r.value(sub, v, append(slices.Clone(pa), sub.Name)); ok {
			rec[sub.Name] = val
		}
	}
	if len(m) > len(rec) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if f.Sub(k) == nil {
				r.suggest(k, append(slices.Clone(pa), k), subNames(f))
			}
		}
	}
	return rec
}

func subNames(f *types.Field) []string {
	names := make([]string, len(f.Fields))
	for i, s := range f.Fields {
		names[i] = s.Name
	}
	return names
}

func quoted(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// lowerKeys returns m with lowercase keys (a copy only when one is not).
func lowerKeys(m map[string]any) map[string]any {
	for k := range m {
		if k != strings.ToLower(k) {
			out := make(map[string]any, len(m))
			for k, v := range m {
				if _, set := out[strings.ToLower(k)]; !set || k == strings.ToLower(k) {
					out[strings.ToLower(k)] = v
				}
			}
			return out
		}
	}
	return m
}
