package health

import (
	"fmt"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/site"
)

// aliasLinks finds links written as a site path that only an alias
// answers: the redirect works, but the link could name the page itself.
func (c *Checker) aliasLinks(p *site.Page, links []markdown.Link) []Finding {
	if len(c.aliases) == 0 {
		return nil
	}
	base := strings.TrimSuffix(c.cfg.BasePath(), "/")
	var fs []Finding
	for _, l := range links {
		if l.Image || !strings.HasPrefix(l.Dest, "/") || strings.HasPrefix(l.Dest, "//") {
			continue
		}
		u := cleanURL(strings.TrimPrefix(l.Dest, base))
		target := c.aliases[u]
		if target == nil || c.urls[u] {
			continue
		}
		fs = append(fs, newFinding(AliasLink, diag.Pos{File: p.Src.File, Line: l.Line, Col: l.Col},
			fmt.Sprintf("link %q goes through an alias of %s: link to %s directly", l.Dest, target.Src.File, target.URL)))
	}
	return fs
}

// orphans reports pages no other page, menu or list links to.
func (c *Checker) orphans(linkers map[*site.Page][]*site.Page) {
	menu := map[string]bool{}
	base := strings.TrimSuffix(c.cfg.BasePath(), "/")
	for _, items := range c.cfg.Menu {
		for _, it := range items {
			menu[cleanURL(strings.TrimPrefix(it.URL, base))] = true
		}
	}
	for _, p := range c.model.Pages {
		if p.Src == nil || p == c.model.Home || p == c.model.Search || p.Redirected {
			continue
		}
		listed := c.opts.Settings.ListsAreLinks && p.Parent != nil
		if len(linkers[p]) > 0 || menu[p.URL] || listed {
			continue
		}
		msg := "no other page or menu links to this page"
		if !c.opts.Settings.ListsAreLinks {
			msg += " (section lists not counted: [health] listsAreLinks = false)"
		}
		c.add(p, newFinding(Orphan, frontMatter(p.Src), msg))
	}
}
