package search

import (
	"compress/gzip"
	"slices"
	"sort"
	"strings"
)

// facetValue is one value of a facet with the pages carrying it.
type facetValue struct {
	label string
	docs  []uint32
}

// baseFacets are the facets every site has, shown first; the facets of
// typed pages (Doc.Facets) follow, by name.
var baseFacets = []string{"type", "team", "tag"}

// facetNames lists the facets of docs in the order the browser shows them.
func facetNames(docs []*Doc) []string {
	names := slices.Clone(baseFacets)
	var more []string
	for _, d := range docs {
		for name := range d.Facets {
			if !slices.Contains(names, name) && !slices.Contains(more, name) {
				more = append(more, name)
			}
		}
	}
	slices.Sort(more)
	return append(names, more...)
}

func facetLabels(d *Doc, facet string) []string {
	switch facet {
	case "type":
		if d.TypeTitle != "" {
			return []string{d.TypeTitle}
		}
		return nil
	case "team":
		return d.Teams
	case "tag":
		return d.Tags
	}
	return d.Facets[facet]
}

// encodeFacets writes, per facet, its values (most pages first) with their
// doc lists:
//
//	uvarint facet count; per facet: name, uvarint value count;
//	per value: label, doc list (uvarint count, then id deltas)
func encodeFacets(docs []*Doc) []byte {
	var e encoder
	names := facetNames(docs)
	e.uvarint(uint64(len(names)))
	for _, name := range names {
		values := collectFacet(docs, name)
		e.str(name)
		e.uvarint(uint64(len(values)))
		for _, v := range values {
			e.str(v.label)
			e.docList(v.docs)
		}
	}
	return gzipBytes(e.buf, gzip.BestCompression)
}

func collectFacet(docs []*Doc, facet string) []facetValue {
	byLabel := map[string]*facetValue{}
	for id, d := range docs {
		seen := map[string]bool{}
		for _, l := range facetLabels(d, facet) {
			l = strings.TrimSpace(l)
			if l == "" || seen[l] {
				continue
			}
			seen[l] = true
			v := byLabel[l]
			if v == nil {
				v = &facetValue{label: l}
				byLabel[l] = v
			}
			v.docs = append(v.docs, uint32(id))
		}
	}
	out := make([]facetValue, 0, len(byLabel))
	for _, v := range byLabel {
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].docs) != len(out[j].docs) {
			return len(out[i].docs) > len(out[j].docs)
		}
		return out[i].label < out[j].label
	})
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
