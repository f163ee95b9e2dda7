// Package changes works out, from the site model and the content's git
// history, what changed lately (the what's-new page and the Atom feed,
// which carry the same entries) and who owns what (the owners
// directory). It reads front matter and git dates only, never a page's
// text, so a body edit cannot change what it returns.
package changes

import (
	"slices"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/pagesource"
	"github.com/playbookhq/playbook/generator/site"
)

// Entry is one page on the what's-new page: dated by its last change,
// New when it was added in the same ISO week, else Updated.
type Entry struct {
	Page    *site.Page
	Changed time.Time // last change: git, else lastmod, else date
	Created time.Time // added: git's first commit, else date; zero when unknown
	New     bool
}

// Changes is what New works out once per build; read-only after.
type Changes struct {
	Recent []Entry // newest first: the what's-new page and the feed
	Owners []Owner // by name
	ids    map[string]string
}

// New works out the recent changes and the owners directory of model.
// git is the content's history (nil outside a repository); now dates the
// stale marks of the owners directory.
func New(model *site.Site, git *pagesource.Info, cfg *config.Config, now time.Time) *Changes {
	if model == nil {
		return &Changes{}
	}
	c := &Changes{Recent: recent(model, git, cfg.WhatsNew)}
	c.Owners, c.ids = directory(model, git, cfg, now)
	return c
}

// Dates returns when page p was added and last changed: from git when it
// knows the file, else from front matter (date, lastmod). created is zero
// when unknown and never after changed.
func Dates(p *site.Page, git *pagesource.Info) (created, changed time.Time) {
	created, changed = p.Date(), p.Lastmod()
	if p.Src != nil {
		if c, ok := git.For(p.Src.Path); ok {
			created, changed = c.Created, c.Changed
		}
	}
	if created.After(changed) {
		created = changed
	}
	return created, changed
}

// recent lists the regular pages changed within w.Days of the newest
// change, newest first (ties as in the site's recent pages: by title, then
// URL), at most w.Limit of them. The window
// is counted from the newest change rather than from today, so the same
// site always gives the same page and a quiet site's page is not empty.
func recent(model *site.Site, git *pagesource.Info, w config.WhatsNew) []Entry {
	var all []Entry
	for _, p := range model.Regular() {
		created, changed := Dates(p, git)
		if changed.IsZero() {
			continue
		}
		all = append(all, Entry{Page: p, Changed: changed, Created: created,
			New: !created.IsZero() && sameWeek(created, changed)})
	}
	slices.SortFunc(all, func(a, b Entry) int { return site.NewerFirst(a.Page, a.Changed, b.Page, b.Changed) })
	if len(all) == 0 {
		return nil
	}
	cutoff := all[0].Changed.AddDate(0, 0, -w.Days)
	n := 0
	for n < len(all) && n < w.Limit && !all[n].Changed.Before(cutoff) {
		n++
	}
	return all[:n]
}

// Pages returns the pages of the recent entries, in order.
func (c *Changes) Pages() []*site.Page {
	out := make([]*site.Page, len(c.Recent))
	for i, e := range c.Recent {
		out[i] = e.Page
	}
	return out
}

// Week is the recent entries of one ISO week.
type Week struct {
	Start   time.Time // its Monday, 00:00 UTC
	Entries []Entry
}

// Weeks groups the recent entries by ISO week (Monday to Sunday, UTC),
// newest first.
func (c *Changes) Weeks() []Week {
	var weeks []Week
	for _, e := range c.Recent {
		start := WeekStart(e.Changed)
		if len(weeks) == 0 || !weeks[len(weeks)-1].Start.Equal(start) {
			weeks = append(weeks, Week{Start: start})
		}
		w := &weeks[len(weeks)-1]
		w.Entries = append(w.Entries, e)
	}
	return weeks
}

// WeekStart returns the Monday (00:00 UTC) of t's ISO week.
func WeekStart(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	back := (int(day.Weekday()) + 6) % 7 // days since Monday
	return day.AddDate(0, 0, -back)
}

func sameWeek(a, b time.Time) bool { return WeekStart(a).Equal(WeekStart(b)) }
