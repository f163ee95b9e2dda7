package pipeline

import (
	"slices"
	"strings"
	"testing"
)

func TestAnchorSet(t *testing.T) {
	set := htmlIDs([]byte(`<h2 id="agenda">A</h2><p id="aaa">x</p><h3 id="q&amp;a">Q</h3><li id="fn:1">1</li>`))
	for _, id := range []string{"agenda", "aaa", "q&a", "fn:1"} {
		if !set.has(id) {
			t.Errorf("has(%q) = false; want true", id)
		}
	}
	for _, id := range []string{"", "aa", "a", "genda", "agend", "agenda\x00aaa", "q&amp;a", "fn"} {
		if set.has(id) {
			t.Errorf("has(%q) = true; want false", id)
		}
	}
	if got, want := slices.Collect(set.all()), []string{"agenda", "aaa", "q&a", "fn:1"}; !slices.Equal(got, want) {
		t.Errorf("all() = %q; want %q", got, want)
	}
	if got := slices.Collect(anchorSet("").all()); len(got) != 0 {
		t.Errorf("empty set: all() = %q", got)
	}
}

func TestAnchorSetWith(t *testing.T) {
	set := htmlIDs([]byte(`<h2 id="agenda">A</h2>`)).with([]string{"old-name", "x\x00y"})
	for id, want := range map[string]bool{"agenda": true, "old-name": true, "x": false, "y": false, "old": false} {
		if got := set.has(id); got != want {
			t.Errorf("has(%q) = %v; want %v", id, got, want)
		}
	}
	if s := htmlIDs([]byte(`<p id="a">`)); s.with(nil) != s {
		t.Errorf("with(nil) changed the set")
	}
}

// FuzzAnchorSet checks has against a plain list of ids.
func FuzzAnchorSet(f *testing.F) {
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
		set := htmlIDs([]byte(html.String()))
		if got, want := set.has(id), id != "" && slices.Contains(ids, id); got != want {
			t.Errorf("ids %q: has(%q) = %v, want %v", ids, id, got, want)
		}
		nonEmpty := slices.DeleteFunc(slices.Clone(ids), func(s string) bool { return s == "" })
		if got := slices.Collect(set.all()); !slices.Equal(got, nonEmpty) {
			t.Errorf("ids %q: all() = %q", ids, got)
		}
	})
}
