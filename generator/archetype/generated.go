package archetype

import (
	"fmt"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/types"
)

// generate writes an archetype for a type that has none of its own (a
// site's [types.NAME] without archetypes/NAME.md): every declared field
// with a placeholder of its kind, records with one entry. Text
// placeholders start with content.PlaceholderMark, so a page published
// with one still in it gets a warning naming the line.
func generate(t *types.Type) []byte {
	var b strings.Builder
	b.WriteString("+++\ntitle = {{ .Title | printf \"%q\" }}\n")
	fmt.Fprintf(&b, "description = %q\n", content.PlaceholderMark+" one sentence on what this "+strings.ToLower(t.Title)+" is for.")
	b.WriteString("date = {{ .Date }}\ndraft = true\nteams = []\ntags = []\n")
	var tables []*types.Field
	for _, f := range t.Fields {
		if f.Kind == types.Records {
			tables = append(tables, f)
			continue
		}
		writeField(&b, f)
	}
	for _, f := range tables {
		fmt.Fprintf(&b, "\n[[%s]]\n", f.Name)
		for _, s := range f.Fields {
			writeField(&b, s)
		}
	}
	b.WriteString("+++\n")
	return []byte(b.String())
}

// writeField writes one field with a placeholder; optional fields whose
// kind has no placeholder text (numbers, dates, URLs) are written as a
// comment to fill in.
func writeField(b *strings.Builder, f *types.Field) {
	todo := fmt.Sprintf("%q", content.PlaceholderMark+" "+strings.ToLower(f.Title))
	var v string
	switch f.Kind {
	case types.Number:
		v = "0"
	case types.Date:
		v = "{{ .Date }}"
	case types.Bool:
		v = "false"
	case types.URL:
		v = `"https://example.com/"`
	case types.List:
		v = "[" + todo + "]"
	case types.Enum:
		v = fmt.Sprintf("%q", f.Values[0])
		fmt.Fprintf(b, "# %s: one of %s\n", f.Name, strings.Join(f.Values, ", "))
	default:
		v = todo
	}
	line := fmt.Sprintf("%s = %s", f.Name, v)
	if !f.Required && (f.Kind == types.Number || f.Kind == types.Date || f.Kind == types.URL || f.Kind == types.Bool) {
		line = "# " + line
	}
	b.WriteString(line + "\n")
}
