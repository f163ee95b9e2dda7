package health

import (
	"strings"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/gitinfo"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/site"
)

// Options configure a Checker.
type Options struct {
	Now      time.Time // the day ages are measured to
	Settings Settings  // the site's [health] table
	// Git returns the last change per file (slash path from the site
	// root), nil without git; it is called once, when the content is
	// loaded, so git may run beside the loading.
	Git func() map[string]gitinfo.Info
	// Placeholders are texts of the site's archetypes that a published
	// page should not keep (see Placeholders).
	Placeholders []string
}

// Checker collects findings while a site is checked. It implements
// pipeline.Inspector: pass it as pipeline.Options.Inspect, then call Report.
type Checker struct {
	opts  Options
	cfg   *config.Config
	model *site.Site

	mu    sync.Mutex
	found []Finding

	owners   map[string]string     // file → owner
	aliases  map[string]*site.Page // alias URL → its page
	urls     map[string]bool       // URLs of the site's pages
	drafts   map[string]bool       // content files of unpublished drafts
	overdue  map[string]int        // owner → overdue pages
	git      map[string]gitinfo.Info
	dueDates map[string]time.Time // file → review deadline that has passed
}

// NewChecker returns a Checker with opts.
func NewChecker(opts Options) *Checker {
	return &Checker{opts: opts, owners: map[string]string{}, aliases: map[string]*site.Page{},
		urls: map[string]bool{}, drafts: map[string]bool{}, overdue: map[string]int{},
		dueDates: map[string]time.Time{}}
}

// Site looks at the loaded content and the site model: review dates, ages,
// owners, drafts, titles and front-matter placeholders.
func (c *Checker) Site(cfg *config.Config, tree *content.Tree, model *site.Site) {
	c.cfg, c.model = cfg, model
	if c.opts.Git != nil {
		c.git = c.opts.Git()
	}
	for _, p := range model.Pages {
		c.urls[p.URL] = true
		if p.Src == nil {
			continue
		}
		c.owners[p.Src.File] = p.Src.Meta.Owner
		for _, a := range p.Src.Meta.Aliases {
			c.aliases[cleanURL(a)] = p
		}
	}
	for _, p := range model.Pages {
		if p.Src != nil {
			c.pageMeta(p)
		}
	}
	for _, p := range tree.Pages {
		c.draft(p)
	}
	c.duplicateTitles(model)
}

// Page looks at one rendered page: images, headings, links to aliases and
// sections left empty.
func (c *Checker) Page(p *site.Page, body []byte, res *markdown.Result) {
	var fs []Finding
	fs = append(fs, imagesWithoutAlt(p.Src.File, body, p.Src.BodyLine, res.Links)...)
	fs = append(fs, headingSkips(p.Src.File, res.Headings, res.H1 != "")...)
	fs = append(fs, c.aliasLinks(p, res.Links)...)
	fs = append(fs, c.bodyPlaceholders(p, body, res)...)
	c.add(p, fs...)
}

// Linked finds orphans once links are known.
func (c *Checker) Linked(linkers map[*site.Page][]*site.Page) {
	c.orphans(linkers)
}

// add records findings about page p (nil for the site).
func (c *Checker) add(p *site.Page, fs ...Finding) {
	if len(fs) == 0 {
		return
	}
	for i := range fs {
		if p != nil {
			fs[i].URL, fs[i].title = p.URL, p.Title
			if p.Src != nil && fs[i].Owner == "" {
				fs[i].Owner = p.Src.Meta.Owner
			}
		}
	}
	c.mu.Lock()
	c.found = append(c.found, fs...)
	c.mu.Unlock()
}

// Report returns every finding: the build's diagnostics, classified, and
// what the checks found; only, when not empty, keeps those kinds.
func (c *Checker) Report(diags diag.List, only []Kind) *Report {
	fs := append([]Finding(nil), c.found...)
	for _, d := range diags {
		f := c.classify(d)
		fs = append(fs, f)
	}
	fs = append(fs, c.ownerOverdue()...)
	if len(only) > 0 {
		keep := map[Kind]bool{}
		for _, k := range only {
			keep[k] = true
		}
		kept := fs[:0]
		for _, f := range fs {
			if keep[f.Kind] {
				kept = append(kept, f)
			}
		}
		fs = kept
	}
	sortFindings(fs)
	return newReport(fs, c.opts.Now)
}

// cleanURL makes a site path comparable with page URLs: leading and
// trailing slash, no fragment or query.
func cleanURL(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	u = "/" + strings.Trim(u, "/")
	if u != "/" && !strings.Contains(u[strings.LastIndexByte(u, '/'):], ".") {
		u += "/"
	}
	return u
}
