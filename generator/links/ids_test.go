package links

import (
	stdhtml "html"
	"slices"
	"strings"
	"testing"
)

func TestIDs(t *testing.T) {
	set := idsOf((`<h2 id="agenda">A</h2><p id="aaa">x</p><h3 id="q&amp;a">Q</h3><li id="fn:1">1</li>`))
	for _, id := range []string{"agenda", "aaa", "q&a", "fn:1"} {
		if !set.Has(id) {
			t.Errorf("has(%q) = false; want true", id)
		}
	}
	for _, id := range []string{"", "aa", "a", "genda", "agend", "agenda\x00aaa", "q&amp;a", "fn"} {
		if set.Has(id) {
			t.Errorf("has(%q) = true; want false", id)
		}
	}
	if got, want := slices.Collect(set.All()), []string{"agenda", "aaa", "q&a", "fn:1"}; !slices.Equal(got, want) {
		t.Errorf("all() = %q; want %q", got, want)
	}
	if got := slices.Collect(IDs("").All()); len(got) != 0 {
		t.Errorf("empty set: all() = %q", got)
	}
}

func TestIDsWith(t *testing.T) {
	set := idsOf((`<h2 id="agenda">A</h2>`)).With([]string{"old-name", "x\x00y"})
	for id, want := range map[string]bool{"agenda": true, "old-name": true, "x": false, "y": false, "old": false} {
		if got := set.Has(id); got != want {
			t.Errorf("has(%q) = %v; want %v", id, got, want)
		}
	}
	if s := idsOf((`<p id="a">`)); s.With(nil) != s {
		t.Errorf("with(nil) changed the set")
	}
}

// FuzzIDs checks Has against a plain list of ids.
func FuzzIDs(f *testing.F) {
	f.Add("aaa,aa,a", "aa")
	f.Add("x,xx", "xxx")
	f.Fuzz(func(t *testing.T, list, id string) {
		ids := strings.Split(list, ",")
		var html strings.Builder
		for _, s := range ids {
			if strings.ContainsAny(s, "\"&\x00") {
				return // not what rendered HTML holds
			}
			html.WriteString(`<a id="` + s + `">`)
		}
		set := idsOf((html.String()))
		if got, want := set.Has(id), id != "" && slices.Contains(ids, id); got != want {
			t.Errorf("ids %q: has(%q) = %v, want %v", ids, id, got, want)
		}
		nonEmpty := slices.DeleteFunc(slices.Clone(ids), func(s string) bool { return s == "" })
		if got := slices.Collect(set.All()); !slices.Equal(got, nonEmpty) {
			t.Errorf("ids %q: all() = %q", ids, got)
		}
	})
}

// idsOf makes the set of the ids of the id="…" attributes in html, as
// Markdown reports them (unescaped, in order).
func idsOf(html string) IDs {
	var ids []string
	for _, part := range strings.Split(html, ` id="`)[1:] {
		id, _, _ := strings.Cut(part, `"`)
		ids = append(ids, stdhtml.UnescapeString(id))
	}
	return NewIDs(ids)
}
