package types

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/playbookhq/playbook/generator/diag"
)

// Source is one TOML document declaring types: its [types] table decoded,
// the order of its keys (toml.MetaData.Keys, which keeps the document's
// order, so fields keep the order they were written in) and where a key is.
type Source struct {
	Types map[string]any
	Keys  []toml.Key
	Pos   func(toml.Key) diag.Pos
}

// Apply adds the types of src to r, or extends the ones r has: scalar
// settings and lists replace, fields are merged by name (a new field is
// added after the existing ones). Unknown schema keys are warnings, wrong
// values errors, each at its key.
func (r Registry) Apply(src Source) diag.List {
	a := applier{src: src}
	for _, name := range a.order(toml.Key{"types"}) {
		m, ok := src.Types[name].(map[string]any)
		if !ok {
			a.errf(toml.Key{"types", name}, "[types.%s] must be a table", name)
			continue
		}
		t := r[name]
		if t == nil {
			t = &Type{Name: name, Title: name}
			r[name] = t
		}
		a.typ(t, m, toml.Key{"types", name})
	}
	for _, name := range r.Names() {
		a.check(r[name])
	}
	return a.diags
}

type applier struct {
	src   Source
	diags diag.List
}

func (a *applier) pos(k toml.Key) diag.Pos {
	if a.src.Pos == nil {
		return diag.Pos{}
	}
	return a.src.Pos(k)
}

func (a *applier) errf(k toml.Key, format string, args ...any) {
	a.diags = append(a.diags, diag.Errorf(a.pos(k), format, args...))
}

// order lists the names of the tables directly below prefix in document order.
func (a *applier) order(prefix toml.Key) []string {
	var names []string
	for _, k := range a.src.Keys {
		if len(k) > len(prefix) && slices.Equal(k[:len(prefix)], prefix) && !slices.Contains(names, k[len(prefix)]) {
			names = append(names, k[len(prefix)])
		}
	}
	return names
}

func (a *applier) typ(t *Type, m map[string]any, at toml.Key) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v, key := m[k], append(slices.Clone(at), k)
		switch k {
		case "title":
			a.str(key, v, &t.Title)
		case "section":
			a.str(key, v, &t.Section)
		case "required":
			a.list(key, v, &t.Required)
			for _, f := range t.Fields {
				f.Required = slices.Contains(t.Required, f.Name)
			}
		case "glance":
			a.list(key, v, &t.Glance)
		case "card":
			a.list(key, v, &t.Card)
		case "facets":
			a.list(key, v, &t.Facets)
		case "fields":
		default:
			a.diags = append(a.diags, diag.Warnf(a.pos(key), "unknown key %q in [%s] (a type takes title, section, required, glance, card, facets and fields)", k, strings.Join(at, ".")))
		}
	}
	if fm, ok := m["fields"]; ok {
		t.Fields = a.fields(t.Fields, fm, append(slices.Clone(at), "fields"), t)
	}
}

// fields merges the field tables of m into fs.
func (a *applier) fields(fs []*Field, v any, at toml.Key, t *Type) []*Field {
	m, ok := v.(map[string]any)
	if !ok {
		a.errf(at, "%s must be a table of fields", strings.Join(at, "."))
		return fs
	}
	for _, name := range a.order(at) {
		fm, ok := m[name].(map[string]any)
		if !ok {
			a.errf(append(slices.Clone(at), name), "field %q must be a table (kind = \"text\" …)", name)
			continue
		}
		f := findField(fs, name)
		if f == nil {
			f = &Field{Name: name, Title: titleOf(name), Kind: Text}
			fs = append(fs, f)
		}
		a.field(f, fm, append(slices.Clone(at), name), t)
	}
	return fs
}

func (a *applier) field(f *Field, m map[string]any, at toml.Key, t *Type) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v, key := m[k], append(slices.Clone(at), k)
		switch k {
		case "title":
			a.str(key, v, &f.Title)
		case "kind":
			var s string
			if a.str(key, v, &s) {
				if !slices.Contains(Kinds, Kind(s)) {
					a.errf(key, "%s: unknown kind %q (use one of %s)", strings.Join(at, "."), s, kindList())
				} else {
					f.Kind = Kind(s)
				}
			}
		case "required":
			b, ok := v.(bool)
			if !ok {
				a.errf(key, "%s: required must be true or false", strings.Join(at, "."))
			}
			f.Required = b
			if t != nil { // a top-level field: the type's list follows
				t.Required = slices.DeleteFunc(t.Required, func(s string) bool { return s == f.Name })
				if b {
					t.Required = append(t.Required, f.Name)
				}
			}
		case "values":
			a.list(key, v, &f.Values)
		case "role":
			a.str(key, v, &f.Role)
		case "fields":
			f.Fields = a.fields(f.Fields, v, key, nil)
		default:
			a.diags = append(a.diags, diag.Warnf(a.pos(key), "unknown key %q in field %s (a field takes title, kind, required, values, role and fields)", k, strings.Join(at, ".")))
		}
	}
}

func (a *applier) str(k toml.Key, v any, dst *string) bool {
	s, ok := v.(string)
	if !ok {
		a.errf(k, "%s must be text", strings.Join(k, "."))
		return false
	}
	*dst = s
	return true
}

func (a *applier) list(k toml.Key, v any, dst *[]string) {
	l, ok := v.([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		s, isStr := e.(string)
		ok = ok && isStr
		out = append(out, s)
	}
	if !ok {
		a.errf(k, "%s must be a list of names, e.g. [\"a\", \"b\"]", strings.Join(k, "."))
		return
	}
	*dst = out
}

// check reports what does not fit together once every source is applied.
func (a *applier) check(t *Type) {
	at := toml.Key{"types", t.Name}
	for _, f := range t.Fields {
		a.checkField(f, append(slices.Clone(at), "fields", f.Name))
	}
	for _, l := range []struct {
		name  string
		names []string
	}{{"glance", t.Glance}, {"card", t.Card}, {"facets", t.Facets}} {
		for _, n := range l.names {
			f := t.Field(n)
			switch {
			case f == nil && (l.name != "glance" || !slices.Contains(GlanceKeys, n)):
				a.errf(append(slices.Clone(at), l.name), "[types.%s] %s names %q, which is not a declared field", t.Name, l.name, n)
			case f != nil && l.name == "facets" && f.Kind != Text && f.Kind != Enum && f.Kind != List:
				a.errf(append(slices.Clone(at), l.name), "[types.%s] facet %q must be a text, enum or list field, not %s", t.Name, n, f.Kind)
			}
		}
	}
}

func (a *applier) checkField(f *Field, at toml.Key) {
	name := strings.Join(at, ".")
	switch {
	case f.Kind == Enum && len(f.Values) == 0:
		a.errf(at, "%s: an enum needs values = [...]", name)
	case f.Kind == Records && len(f.Fields) == 0:
		a.errf(at, "%s: a records field needs sub-fields ([%s.fields.NAME])", name, name)
	case f.Role != "" && f.Kind != Records:
		a.errf(at, "%s: role %q needs kind = \"records\"", name, f.Role)
	}
	if need, ok := roleFields[f.Role]; ok && f.Kind == Records {
		for sub, kind := range need {
			if s := f.Sub(sub); s == nil || s.Kind != kind {
				a.errf(at, "%s: role %q needs a %s sub-field %q", name, f.Role, kind, sub)
			}
		}
	} else if f.Role != "" && !ok {
		a.errf(at, "%s: unknown role %q (use %q or %q)", name, f.Role, RoleSteps, RoleResults)
	}
	for _, s := range f.Fields {
		a.checkField(s, append(slices.Clone(at), "fields", s.Name))
		if s.Kind == Records {
			a.errf(at, "%s: records cannot hold records", name)
		}
	}
}

// roleFields are the sub-fields a role reads, with their kinds.
var roleFields = map[string]map[string]Kind{
	RoleSteps:   {"title": Text},
	RoleResults: {"label": Text, "before": Number, "after": Number},
}

// GlanceKeys are the keys every page may set that a type's glance list
// may name beside its own fields.
var GlanceKeys = []string{"teams", "owner"}

// CommonKeys are the front-matter keys every page may set; an unknown key
// close to one of them is probably a typo of it.
var CommonKeys = []string{"title", "description", "summary", "date", "lastmod", "owner", "teams", "tags", "weight"}

func findField(fs []*Field, name string) *Field {
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// titleOf makes a label from a field name: "lower_is_better" → "Lower is better".
func titleOf(name string) string {
	s := strings.NewReplacer("_", " ", "-", " ").Replace(name)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func kindList() string {
	var names []string
	for _, k := range Kinds {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// String describes the field for messages: `steps (records)`.
func (f *Field) String() string { return fmt.Sprintf("%s (%s)", f.Name, f.Kind) }
