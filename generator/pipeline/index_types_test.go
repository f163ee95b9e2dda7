package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/types"
)

// A typed page's search record holds the words of its searchable fields,
// records included (step titles, owners, details), and its facet labels.
func TestTypedSearch(t *testing.T) {
	reg := types.Defaults()
	d := search.Doc{Fields: map[string]string{}}
	typedSearch(&d, reg["playbook"], map[string]any{
		"audience": []string{"SDR leads", "Field marketing"},
		"duration": "45 minutes",
		"outcome":  "One agreed definition",
		"steps": []content.Record{
			{"title": "Book the room", "owner": "SDR pod", "detail": "Two weeks ahead"},
			{"title": "Run it", "owner": "Sales director"},
		},
	})
	for _, want := range []string{"SDR leads", "45 minutes", "One agreed definition"} {
		if !strings.Contains(strings.Join(mapValues(d.Fields), "|"), want) {
			t.Errorf("fields %v lack %q", d.Fields, want)
		}
	}
	steps := d.Fields["steps"]
	for _, want := range []string{"Book the room", "SDR pod", "Two weeks ahead", "Sales director"} {
		if !strings.Contains(steps, want) {
			t.Errorf("steps text %q lacks %q", steps, want)
		}
	}
	if got := d.Facets["audience"]; !slices.Equal(got, []string{"SDR leads", "Field marketing"}) {
		t.Errorf("audience facet = %v", got)
	}

	d = search.Doc{Fields: map[string]string{}}
	typedSearch(&d, reg["case-study"], map[string]any{
		"company": "Acme", "industry": "Logistics", "challenge": "Slow replies",
		"results": []content.Record{{"label": "Reply time", "before": 40.0, "after": 2.0}},
	})
	if d.Fields["results"] != "Reply time" || d.Fields["company"] != "Acme" || d.Fields["challenge"] != "Slow replies" {
		t.Errorf("case-study fields = %v; want result labels (not numbers), company and challenge", d.Fields)
	}
	if got := d.Facets["industry"]; !slices.Equal(got, []string{"Logistics"}) {
		t.Errorf("industry facet = %v", got)
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
