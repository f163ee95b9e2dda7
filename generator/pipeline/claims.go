package pipeline

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// claim claims the run's output paths and reports their collisions.
func (r *Run) claim() {
	reg, d := r.claimOutputs()
	r.claims = reg
	if len(d) > 0 {
		r.collided = true
		r.diags.Add(d...)
	}
}

// claimOutputs claims every output path of the run in one registry, so
// that two things making the same file is an error naming both instead
// of one silently replacing the other: files put into the destination by
// hand, the generated files, the theme's and the site's static files
// (the site's replace the theme's of the same path, as in Hugo, and the
// code-highlighting stylesheet), files beside the pages, pages and
// section lists, taxonomy and term lists, the extra pages and aliases.
// A pass that lists static files again claims again.
func (r *Run) claimOutputs() (*output.Registry, diag.List) {
	c := claimer{reg: output.NewRegistry()}
	r.claimForeign(&c)
	c.claim("robots.txt", output.Owner{What: "the generated robots.txt"})
	c.claim("sitemap.xml", output.Owner{What: "the generated sitemap.xml"})
	c.claim("index.xml", output.Owner{What: "the generated feed index.xml"})
	c.claim("404.html", output.Owner{What: "the generated 404.html"})
	c.claim(nav.File, output.Owner{What: "the generated " + nav.File})
	for _, dir := range []string{"s/", "f/", "facets/"} {
		c.add(c.reg.ClaimPrefix(search.Dir+dir, output.Owner{What: "the search index " + search.Dir + dir}))
	}
	c.claim(search.ManifestPath, output.Owner{What: "the search index " + search.ManifestPath})
	c.claim(strings.TrimPrefix(site.SearchURL, "/")+"index.html", r.searchOwner())
	r.claimStatic(&c)
	r.claimPages(&c)
	for _, f := range view.GeneratedFiles(r.model) {
		c.claim(f, output.Owner{What: "the generated " + f})
	}
	for _, x := range r.extraPages() {
		c.claim(strings.TrimPrefix(x.URL, "/")+"index.html", output.Owner{What: "the generated page " + x.URL})
	}
	return c.reg, c.diags
}

// claimer collects the collisions of a run's claims.
type claimer struct {
	reg   *output.Registry
	diags diag.List
}

func (c *claimer) claim(rel string, o output.Owner) { c.add(c.reg.Claim(rel, o)) }

func (c *claimer) add(d *diag.Diagnostic) {
	if d != nil {
		c.diags = append(c.diags, d)
	}
}

// claimForeign claims the files someone put into the destination by hand:
// the build may not overwrite them (removing the page later would delete them).
func (r *Run) claimForeign(c *claimer) {
	if r.out == nil {
		return
	}
	foreign, err := r.out.Foreign()
	if err != nil {
		c.add(diag.Errorf(diag.Pos{}, "%w", err))
		return
	}
	for _, f := range foreign {
		shown := filepath.ToSlash(filepath.Join(r.out.Dest(), filepath.FromSlash(f)))
		c.claim(f, output.Owner{What: "hand-placed file " + shown, Pos: diag.Pos{File: shown}})
	}
}

func (r *Run) searchOwner() output.Owner {
	if p := r.model.Search; p != nil && p.Src != nil {
		return output.Owner{What: "the search page", Pos: diag.Pos{File: p.Src.File, Line: 1}}
	}
	return output.Owner{What: "the generated search page"}
}

// claimStatic claims the static files (each the site's or the theme's,
// whichever is used) and the code-highlighting stylesheet unless a static
// file replaces it.
func (r *Run) claimStatic(c *claimer) {
	for rel := range r.static {
		c.claim(rel, r.staticOwner(rel))
	}
	if _, ok := r.static[syntaxCSS]; !ok {
		c.claim(syntaxCSS, output.Owner{What: "the generated code-highlighting stylesheet " + syntaxCSS})
	}
	for _, f := range r.model.Files {
		src := path.Join(content.Dir, f.Src)
		c.claim(f.OutFile, output.Owner{What: "file " + src, Pos: diag.Pos{File: src}})
	}
}

func (r *Run) staticOwner(rel string) output.Owner {
	site := path.Join(StaticDir, rel)
	if _, err := fs.Stat(r.siteFS, site); err == nil {
		return output.Owner{What: "static file " + site, Pos: diag.Pos{File: site}}
	}
	theme := r.cfg.Theme
	if theme == "" {
		theme = "default"
	}
	f := path.Join(layout.Themes, theme, StaticDir, rel)
	return output.Owner{What: "theme file " + f, Pos: diag.Pos{File: f}}
}

// claimPages claims every page and section list, the taxonomy and term
// lists and the aliases' redirects.
func (r *Run) claimPages(c *claimer) {
	for _, p := range r.model.Pages {
		if p.Redirected || p == r.model.Search {
			continue
		}
		c.claim(p.OutFile, pageOwner(p))
	}
	for _, tax := range r.model.Taxonomies {
		c.claim(strings.TrimPrefix(tax.URL, "/")+"index.html", output.Owner{What: fmt.Sprintf("the %s list %s", tax.Name, tax.URL)})
		for _, t := range tax.Terms {
			c.claim(t.OutFile, output.Owner{What: fmt.Sprintf("the %s page %s (%s %q)", tax.Singular, t.URL, tax.Singular, t.Name)})
		}
	}
	for _, a := range r.model.Aliases {
		o := output.Owner{What: fmt.Sprintf("alias %q", a.URL), Chose: true}
		if src := a.Target.Src; src != nil {
			o.Pos = src.KeyPos("aliases")
		}
		c.claim(a.OutFile, o)
	}
}

// pageOwner names a page by its url setting when it has one, else by its file.
func pageOwner(p *site.Page) output.Owner {
	if p.Src == nil {
		return output.Owner{What: "the section list of " + p.File(), Pos: diag.Pos{File: p.File()}}
	}
	if p.Src.Has("url") {
		return output.Owner{What: fmt.Sprintf("url %q", p.Src.Meta.URL), Pos: p.Src.KeyPos("url"), Chose: true}
	}
	return output.Owner{What: "the page", Pos: diag.Pos{File: p.Src.File, Line: 1}}
}
