package search

import (
	"slices"
	"testing"
)

// The facets of typed pages follow type, team and tag, by name, and
// collect their pages.
func TestTypedFacets(t *testing.T) {
	docs := []*Doc{
		{TypeTitle: "Case study", Facets: map[string][]string{"industry": {"Logistics"}}},
		{TypeTitle: "Playbook", Facets: map[string][]string{"audience": {"SDR leads", "Field marketing"}}},
		{TypeTitle: "Case study", Facets: map[string][]string{"industry": {"Logistics"}}},
	}
	if got := facetNames(docs); !slices.Equal(got, []string{"type", "team", "tag", "audience", "industry"}) {
		t.Fatalf("facet names = %v", got)
	}
	vals := collectFacet(docs, "industry")
	if len(vals) != 1 || vals[0].label != "Logistics" || !slices.Equal(vals[0].docs, []uint32{0, 2}) {
		t.Errorf("industry = %+v", vals)
	}
	if vals := collectFacet(docs, "audience"); len(vals) != 2 || !slices.Equal(vals[0].docs, []uint32{1}) {
		t.Errorf("audience = %+v", vals)
	}
}
