package search

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestManifestNamesListPages(t *testing.T) {
	docs := []Doc{
		{URL: "/a/", Title: "A section", List: true},
		{URL: "/a/page/", Title: "A page"},
		{URL: "/", Title: "Home", List: true},
	}
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path != ManifestPath {
			continue
		}
		var m Manifest
		if err := json.Unmarshal(f.Data, &m); err != nil {
			t.Fatal(err)
		}
		// Ids are URL order: "/" 0, "/a/" 1, "/a/page/" 2.
		if !slices.Equal(m.Lists, []int{0, 1}) {
			t.Errorf("manifest lists = %v, want [0 1]", m.Lists)
		}
		return
	}
	t.Fatal("no manifest written")
}
