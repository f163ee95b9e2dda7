package changes

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/pagesource"
	"github.com/playbookhq/playbook/generator/site"
)

// Owner is one entry of the owners directory: a front matter owner (the
// page's, not a step's) and the pages they own.
type Owner struct {
	Name    string
	ID      string // the entry's anchor on the directory, e.g. "owner-dana-reyes"
	Contact string // config [owners] contact URL, or ""
	Items   []Item // by type, then title
	Stale   int    // how many items are stale
}

// Item is one page an owner owns and how fresh it is.
type Item struct {
	Page    *site.Page
	Changed time.Time // last change, zero when unknown
	Stale   bool      // unchanged for longer than [health] staleAfter
}

// OwnerID returns the anchor of owner's entry on the owners directory,
// "" when nobody of that name owns a page.
func (c *Changes) OwnerID(owner string) string {
	if c == nil {
		return ""
	}
	return c.ids[owner]
}

// directory lists every page owner with their pages, by name (ignoring
// case), and each owner's anchor id.
func directory(model *site.Site, git *pagesource.Info, cfg *config.Config, now time.Time) ([]Owner, map[string]string) {
	byName := map[string]*Owner{}
	staleAfter := cfg.StaleAfter()
	for _, p := range model.Pages {
		if p.Src == nil || p.Src.Meta.Owner == "" {
			continue
		}
		name := p.Src.Meta.Owner
		o := byName[name]
		if o == nil {
			o = &Owner{Name: name, Contact: cfg.Owners[name]}
			byName[name] = o
		}
		_, changed := Dates(p, git)
		stale := staleAfter > 0 && !changed.IsZero() && now.Sub(changed) > staleAfter
		o.Items = append(o.Items, Item{Page: p, Changed: changed, Stale: stale})
		if stale {
			o.Stale++
		}
	}
	owners := make([]Owner, 0, len(byName))
	for _, o := range byName {
		slices.SortFunc(o.Items, func(a, b Item) int {
			if c := strings.Compare(a.Page.Type, b.Page.Type); c != 0 {
				return c
			}
			if c := strings.Compare(a.Page.Title, b.Page.Title); c != 0 {
				return c
			}
			return strings.Compare(a.Page.URL, b.Page.URL)
		})
		owners = append(owners, *o)
	}
	slices.SortFunc(owners, func(a, b Owner) int {
		if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	ids := make(map[string]string, len(owners))
	used := map[string]bool{}
	for i := range owners {
		id := "owner-" + slug(owners[i].Name)
		for n := 2; used[id]; n++ {
			id = "owner-" + slug(owners[i].Name) + "-" + strconv.Itoa(n)
		}
		used[id] = true
		owners[i].ID, ids[owners[i].Name] = id, id
	}
	return owners, ids
}

// slug is an owner's anchor segment: the term slug of the name
// ("Priya Raman, Revenue Operations" → "priya-raman-revenue-operations"),
// or "x" when the name has no letters or digits.
func slug(name string) string {
	if s := site.TermSlug(name); s != "" {
		return s
	}
	return "x"
}
