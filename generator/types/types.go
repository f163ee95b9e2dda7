// Package types is the content-type registry: what a playbook, a guide, a
// case study or a site's own type (a battlecard, a meeting template) is
// made of. The built-in types are declared in an embedded TOML file
// (defaults.toml) in the same schema language a site uses in config.toml
// ([types.NAME]), so content parsing, validation, `playbook new`, the
// templates, the cards and search all read one declaration.
package types

import (
	"slices"
	"sort"
)

// Kind is the kind of value a field holds.
type Kind string

// The field kinds.
const (
	Text     Kind = "text"     // one line of plain text
	Markdown Kind = "markdown" // text with inline Markdown, shown rendered
	Number   Kind = "number"   // an integer or a decimal
	Date     Kind = "date"     // 2026-03-14 or a TOML/YAML date
	URL      Kind = "url"      // http(s), mailto: or a site path
	Bool     Kind = "bool"     // true or false
	List     Kind = "list"     // a list of text values
	Enum     Kind = "enum"     // one of Field.Values
	Records  Kind = "records"  // a list of tables with sub-fields ([[steps]])
)

// Kinds lists every kind, for messages and documentation.
var Kinds = []Kind{Text, Markdown, Number, Date, URL, Bool, List, Enum, Records}

// The roles a records field may play: its entries feed
// (*content.Page).Steps or (*content.Page).Results.
const (
	RoleSteps   = "steps"   // sub-fields title, owner, duration, detail
	RoleResults = "results" // sub-fields label, before, after, unit, lower_is_better
)

// Field is one declared front-matter field.
type Field struct {
	Name     string
	Title    string // shown as its label ("Expected outcome")
	Kind     Kind
	Required bool
	Values   []string // an enum's allowed values
	Fields   []*Field // a records field's sub-fields, in declared order
	Role     string   // a records field's role: "", RoleSteps or RoleResults
}

// Sub returns the sub-field name of a records field, or nil.
func (f *Field) Sub(name string) *Field {
	for _, s := range f.Fields {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Searchable reports whether the field's values are words a reader may
// search for (everything but numbers, dates, URLs and true/false).
func (f *Field) Searchable() bool {
	switch f.Kind {
	case Number, Date, URL, Bool:
		return false
	}
	return true
}

// Type is one content type.
type Type struct {
	Name     string
	Title    string // human name, e.g. "Case study"
	Section  string // top-level content folder whose pages get this type
	Required []string
	Fields   []*Field // declared fields, in declared order
	Glance   []string // fields (or teams, owner) shown in the at-a-glance box
	Card     []string // fields shown on the type's cards
	Facets   []string // fields that become search filters
}

// Field returns the declared field name, or nil.
func (t *Type) Field(name string) *Field {
	for _, f := range t.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Role returns the records field playing role, or nil.
func (t *Type) Role(role string) *Field {
	for _, f := range t.Fields {
		if f.Role == role {
			return f
		}
	}
	return nil
}

// IsRequired reports whether key must be set on every page of the type.
func (t *Type) IsRequired(key string) bool { return slices.Contains(t.Required, key) }

// Registry holds the content types by name.
type Registry map[string]*Type

// ForSection returns the name of the type whose Section is section, or "".
func (r Registry) ForSection(section string) string {
	for _, name := range r.Names() {
		if r[name].Section == section {
			return name
		}
	}
	return ""
}

// Names returns the type names, sorted.
func (r Registry) Names() []string {
	names := make([]string, 0, len(r))
	for n := range r {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Clone returns a deep copy, so a site's declarations never change the
// defaults.
func (r Registry) Clone() Registry {
	out := make(Registry, len(r))
	for n, t := range r {
		c := *t
		c.Required = slices.Clone(t.Required)
		c.Glance, c.Card, c.Facets = slices.Clone(t.Glance), slices.Clone(t.Card), slices.Clone(t.Facets)
		c.Fields = cloneFields(t.Fields)
		out[n] = &c
	}
	return out
}

func cloneFields(fs []*Field) []*Field {
	if fs == nil {
		return nil
	}
	out := make([]*Field, len(fs))
	for i, f := range fs {
		c := *f
		c.Values = slices.Clone(f.Values)
		c.Fields = cloneFields(f.Fields)
		out[i] = &c
	}
	return out
}
