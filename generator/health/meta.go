package health

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/site"
)

// pageMeta checks one page's front matter: review, age, owner and
// placeholder values.
func (c *Checker) pageMeta(p *site.Page) {
	var fs []Finding
	if f, ok := c.review(p); ok {
		fs = append(fs, f)
	}
	if f, ok := c.stale(p); ok {
		fs = append(fs, f)
	}
	if p.Src.Meta.Owner == "" && p != c.model.Home {
		fs = append(fs, newFinding(Unowned, frontMatter(p.Src), "page has no owner (set owner, or cascade one from its section)"))
	}
	fs = append(fs, c.matterPlaceholders(p.Src)...)
	c.add(p, fs...)
}

// frontMatter is the position of a page's front matter (line 1), or of
// the file when it has none.
func frontMatter(p *content.Page) diag.Pos {
	if p.Format == content.NoFrontMatter {
		return diag.Pos{File: p.File}
	}
	return diag.Pos{File: p.File, Line: 1}
}

// interval is how often page p must be reviewed: its own review_every,
// else its section's, else its type's, else the site's; zero for never.
func (c *Checker) interval(p *site.Page) (time.Duration, error) {
	s := c.opts.Settings
	d := s.ReviewEvery
	if v, ok := s.ByType[p.Src.Meta.Type]; ok {
		d = v
	}
	top, _, _ := strings.Cut(p.Src.Path, "/")
	if v, ok := s.BySection[top]; ok && strings.Contains(p.Src.Path, "/") {
		d = v
	}
	if v, ok := p.Src.Meta.Params["review_every"]; ok {
		str, _ := v.(string)
		own, err := ParseAge(str)
		if err != nil || str == "" {
			return 0, fmt.Errorf("review_every: want an age like \"90d\", got %v", v)
		}
		d = own
	}
	return d, nil
}

// review reports an overdue, due or missing review of page p.
func (c *Checker) review(p *site.Page) (Finding, bool) {
	every, err := c.interval(p)
	if err != nil {
		return newFinding(BuildWarning, p.Src.KeyPos("review_every"), err.Error()), true
	}
	if every == 0 {
		return Finding{}, false
	}
	v, ok := p.Src.Meta.Params["reviewed"]
	if !ok {
		return newFinding(ReviewMissing, frontMatter(p.Src),
			fmt.Sprintf("never reviewed: set reviewed = %s once someone has checked the page (reviews every %s)", c.opts.Now.Format(time.DateOnly), days(every))), true
	}
	pos := p.Src.KeyPos("reviewed")
	reviewed, err := content.Date(v)
	if err != nil {
		return newFinding(BuildWarning, pos, "reviewed: "+err.Error()), true
	}
	due := reviewed.Add(every)
	left := due.Sub(c.opts.Now)
	switch {
	case left < 0:
		c.mu.Lock()
		if o := p.Src.Meta.Owner; o != "" {
			c.overdue[o]++
		}
		c.dueDates[p.Src.File] = due
		c.mu.Unlock()
		return newFinding(ReviewOverdue, pos, fmt.Sprintf("review overdue by %s: reviewed %s, due %s (every %s)",
			days(-left), reviewed.Format(time.DateOnly), due.Format(time.DateOnly), days(every))), true
	case left <= c.opts.Settings.DueWithin:
		return newFinding(ReviewDue, pos, fmt.Sprintf("review due in %s, on %s (reviewed %s, every %s)",
			days(left), due.Format(time.DateOnly), reviewed.Format(time.DateOnly), days(every))), true
	}
	return Finding{}, false
}

// stale reports page p when it has not changed for longer than staleAfter.
func (c *Checker) stale(p *site.Page) (Finding, bool) {
	limit := c.opts.Settings.StaleAfter
	if limit == 0 {
		return Finding{}, false
	}
	changed, from := p.Lastmod(), "lastmod"
	if p.Src.Meta.Lastmod.IsZero() {
		from = "date"
	}
	if g, ok := c.git[p.Src.File]; ok {
		changed, from = g.Changed, "git"
	}
	if changed.IsZero() {
		return Finding{}, false
	}
	age := c.opts.Now.Sub(changed)
	if age <= limit {
		return Finding{}, false
	}
	return newFinding(Stale, frontMatter(p.Src), fmt.Sprintf("not changed for %s (last change %s, from %s; staleAfter %s)",
		days(age), changed.Format(time.DateOnly), from, days(limit))), true
}

// days formats a duration in whole days ("1 day", "40 days").
func days(d time.Duration) string {
	n := int(d / Day)
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// draft records an unpublished draft and reports one whose date has passed.
func (c *Checker) draft(p *content.Page) {
	if !p.Meta.Draft {
		return
	}
	if c.model.ByPath(p.Path) == nil {
		c.drafts[p.File] = true
	}
	if d := p.Meta.Date; !d.IsZero() && d.Before(c.opts.Now) {
		f := newFinding(DraftPastDate, p.KeyPos("draft"), fmt.Sprintf("still a draft, though its date %s has passed: publish it (draft = false) or move the date", d.Format(time.DateOnly)))
		f.Owner = p.Meta.Owner
		c.add(nil, f)
	}
}

// duplicateTitles reports pages of one section that share a title.
func (c *Checker) duplicateTitles(model *site.Site) {
	type key struct {
		dir, title string
	}
	seen := map[key][]*site.Page{}
	for _, p := range model.Pages {
		if p.Src == nil || p.Kind != site.KindPage {
			continue
		}
		k := key{path.Dir(p.Src.Path), strings.ToLower(strings.TrimSpace(p.Title))}
		seen[k] = append(seen[k], p)
	}
	for _, ps := range seen {
		if len(ps) < 2 {
			continue
		}
		sort.Slice(ps, func(i, j int) bool { return ps[i].Src.Path < ps[j].Src.Path })
		for _, p := range ps[1:] {
			c.add(p, newFinding(DuplicateTitle, p.Src.KeyPos("title"),
				fmt.Sprintf("title %q is also the title of %s in the same section", p.Title, ps[0].Src.File)))
		}
	}
}

// ownerOverdue names owners with more overdue reviews than the limit.
func (c *Checker) ownerOverdue() []Finding {
	var fs []Finding
	for owner, n := range c.overdue {
		if n > c.opts.Settings.OwnerOverdue {
			f := newFinding(OwnerOverdue, diag.Pos{}, fmt.Sprintf("%s owns %d pages with overdue reviews (more than %d)", owner, n, c.opts.Settings.OwnerOverdue))
			f.Owner = owner
			fs = append(fs, f)
		}
	}
	return fs
}
