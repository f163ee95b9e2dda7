package pipeline

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/links"
	"github.com/playbookhq/playbook/generator/render/view"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
	"github.com/playbookhq/playbook/internal/parallel"
)

// dropRenderState frees what only rendering and link checking needed, so a
// one-off build's search indexing runs in less memory.
func (r *Run) dropRenderState() {
	for rec := range r.records.all() {
		rec.link.Links, rec.link.IDs, rec.text.TOC, rec.text.Body = nil, "", nil, nil
	}
	r.links.Forget()
}

// renderDiags returns what rendering found: per-page problems, broken
// links and everything else collected during this build.
func (r *Run) renderDiags() diag.List {
	all := r.diags.List()
	for rec := range r.records.all() {
		all = append(all, rec.diags...)
	}
	for rec := range r.records.all() {
		all = append(all, rec.link.Broken...)
	}
	return all
}

// write writes one output file and remembers its hash. An in-place build
// keeps a file that is already in place with the same bytes.
func (r *Run) write(rel string, data []byte) { r.writeHashed(rel, data) }

// writeHashed is write, returning the hash it remembered (0 in a one-off
// build, which remembers none).
func (r *Run) writeHashed(rel string, data []byte) uint64 {
	if !r.policy.keepsState() { // a one-off build compares nothing with later builds
		r.writeFile(rel, data)
		return 0
	}
	sum := HashBytes(data)
	r.hashMu.Lock()
	r.hashOf[rel] = sum
	if want, ok := r.matched[rel]; ok && want.hash != 0 && want.hash != sum {
		r.diags.Add(diag.Errorf(diag.Pos{}, "internal: %s with its drawn parts replaced differs from the page its template writes (view.ListKey)", rel))
	}
	r.hashMu.Unlock()
	if old, ok := r.prevHash[rel]; ok && old == sum {
		r.out.Retain(rel)
		return sum
	}
	r.writeFile(rel, data)
	return sum
}

// writeFile writes one output file. A path written twice was already
// reported by the output-path registry when it found collisions.
func (r *Run) writeFile(rel string, data []byte) {
	err := r.out.WriteFile(rel, data)
	if err != nil && !(r.collided && errors.Is(err, output.ErrCollision)) {
		r.diags.Add(diag.Errorf(diag.Pos{}, "%w", err))
	}
}

// renderContent renders every page's Markdown on all cores and indexes
// it for search at once, keeping small records; single pages keep their
// HTML for writePages, which runs once links are checked (a page's
// "Referenced by" list needs every page's links). Pages go in URL order,
// the order of the search index.
func (r *Run) renderContent() {
	pages := inSearchOrder(r.model.Pages)
	recs := make([]*record, len(pages))
	forEach(r.ctx, len(pages), func(i int, _ *bytes.Buffer) {
		recs[i] = r.renderText(pages[i], pages[i].Src)
		r.indexPage(pages[i], recs[i])
	})
	for i, p := range pages {
		if recs[i] != nil {
			r.records.set(p, recs[i])
		}
	}
}

// writePages executes the template of every single page on all cores.
func (r *Run) writePages() {
	pages := r.model.Pages
	forEach(r.ctx, len(pages), func(i int, buf *bytes.Buffer) {
		r.executePage(pages[i], r.records.of(pages[i]), buf)
	})
}

// htmlBuffers hold pages' rendered Markdown while their templates run:
// reusing them saves allocating (and zeroing) ~15 KB a page.
var htmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderPage renders one page's Markdown from src (its source file as it
// is now), and its template when it is a single page.
func (r *Run) renderPage(p *site.Page, src *content.Page, buf *bytes.Buffer) *record {
	rec := r.renderText(p, src)
	r.executePage(p, rec, buf)
	return rec
}

// renderText renders one page's Markdown from src into its record. A
// single page's HTML waits in the record (rec.html) for executePage.
func (r *Run) renderText(p *site.Page, src *content.Page) *record {
	rec := &record{}
	if src != nil {
		mr := r.md
		if src.TitleFromH1 {
			mr = r.mdNoH1
		}
		body, err := src.ReadBody(r.siteFS)
		if err != nil {
			rec.diags = append(rec.diags, diag.Errorf(diag.Pos{File: p.Src.File}, "%w", err))
			return rec
		}
		html := htmlBuffers.Get().(*bytes.Buffer)
		defer htmlBuffers.Put(html)
		var seen resolved
		res, parts, kept, err := r.renderMarkdown(p, src, mr, html, body, &seen)
		if err != nil {
			rec.diags = append(rec.diags, withFile(err, p.Src.File))
			return rec
		}
		fillRecord(rec, p, res, &seen, parts)
		for _, d := range res.Diagnostics {
			d.Pos.File = p.Src.File
			rec.diags = append(rec.diags, d)
		}
		if r.inspected(p, rec, body, res) {
			return rec
		}
		// A result kept from an earlier build is never changed: its HTML
		// is shared. A new one is in html, which goes back to the pool.
		own := func(b []byte) []byte {
			if kept {
				return b
			}
			return bytes.Clone(b)
		}
		if p.Kind != site.KindPage || p == r.model.Search {
			rec.text.Body = own(res.HTML) // list and search pages use it later
			return rec
		}
		rec.single = true
		if r.spill != nil {
			rec.spillAt, rec.spilled = r.spill.put(res.HTML)
		}
		if !rec.spilled {
			rec.html = own(res.HTML)
		}
	}
	return rec
}

// executePage executes a single page's template on the HTML its Markdown
// left in rec, and writes the page.
func (r *Run) executePage(p *site.Page, rec *record, buf *bytes.Buffer) {
	if rec == nil || !rec.single {
		return
	}
	html := rec.html
	if rec.spilled {
		var err error
		if html, err = r.spill.get(rec.spillAt); err != nil {
			rec.diags = append(rec.diags, diag.Errorf(diag.Pos{File: p.OutFile}, "reading back the page's HTML: %w", err))
			return
		}
	}
	rec.html, rec.single, rec.spilled = nil, false, false
	notice := r.notice(p)
	match, spliced := r.matchKey(p, &rec.text, notice)
	if match != keyMiss && !VerifyKeys {
		return // the file in place, or it with its sidebar replaced, is the page
	}
	v, parts := r.views.PageView(p, &rec.text, html)
	v.ReviewNotice = notice
	if match != keyMiss {
		r.verifyKey(p, v, parts)
	}
	if d := r.lists.ExecutePage(p.OutFile, v, parts, buf); d != nil {
		rec.diags = append(rec.diags, d)
	}
	if spliced != nil {
		r.verifySplice(p, spliced)
	}
	if !r.policy.keepsState() {
		rec.text.TOC = nil // only its own page shows it, and no rebuild follows
	}
}

// renderMarkdown renders a page's body, or takes the result kept by an
// earlier build of the live preview (kept) when the page's file is the
// same and each of its links resolves as it did then.
func (r *Run) renderMarkdown(p *site.Page, src *content.Page, mr *markdown.Renderer, html *bytes.Buffer, body []byte, seen *resolved) (res *markdown.Result, parts *recordParts, kept bool, err error) {
	// A result kept for the same file is of a page without shortcodes
	// (those are rendered every time): its body need not be scanned.
	last := r.rendered.get(src.Path)
	if last != nil && (last.hash != src.Hash || last.bodyLine != src.BodyLine || last.titleFromH1 != src.TitleFromH1) {
		last = nil
	}
	var pc *markdown.PageContext
	if last == nil && markdown.MayHaveShortcodes(body) {
		pc = r.views.PageContext(p)
	}
	resolve := r.resolver(p, seen)
	if pc != nil || r.rendered == nil || r.inspect != nil {
		res, err = mr.RenderPage(html, body, src.BodyLine, resolve, pc)
		if err != nil {
			return res, nil, false, err
		}
		return res, partsOf(res, src.TitleFromH1), false, nil
	}
	if e := last; e != nil {
		if targets, ok := e.reuse(r.rendered, r.model, p); ok { // nothing a link reads changed
			*seen = targets
			if now := where(r.model, p); now != e.resolvedIn {
				r.rendered.resolvedAgain(src.Path, e, now, targets)
			}
			res := e.res
			return &res, e.parts, true, nil
		}
		if e.replays(resolve) {
			r.rendered.resolvedAgain(src.Path, e, where(r.model, p), *seen)
			res := e.res
			return &res, e.parts, true, nil
		}
		*seen = (*seen)[:0]
	}
	e := &renderedPage{hash: src.Hash, bodyLine: src.BodyLine, titleFromH1: src.TitleFromH1}
	res, err = mr.RenderPage(html, body, src.BodyLine, recordingResolver(resolve, &e.calls), nil)
	if err != nil {
		return res, nil, false, err
	}
	e.res = *res
	e.parts = partsOf(res, src.TitleFromH1)
	e.parts.htmlSum = view.HTMLSum(res.HTML)
	txt := textOf(res, e.parts)
	e.parts.textSum = txt.Sum()
	e.resolvedIn, e.targets = where(r.model, p), slices.Clone(*seen)
	r.rendered.put(src.Path, e) // with its own copy of the HTML: share that
	shared := e.res
	return &shared, e.parts, true, nil
}

// textOf is the text a page's Markdown result and its record parts give
// its views.
func textOf(res *markdown.Result, parts *recordParts) view.Text {
	return view.Text{Summary: res.Summary, Words: res.WordCount, TOC: res.TOC,
		Diagrams: res.Diagrams > 0, Tasks: res.Tasks > 0, TitleID: parts.titleID,
		HTMLSum: parts.htmlSum, TextSum: parts.textSum}
}

func fillRecord(rec *record, p *site.Page, res *markdown.Result, seen *resolved, parts *recordParts) {
	rec.text = textOf(res, parts)
	rec.link.IDs, rec.sections = parts.ids, parts.sections
	rec.link.Links = make([]site.Link, 0, len(res.Links))
	for _, l := range res.Links {
		pos := diag.Pos{File: p.Src.File, Line: l.Line, Col: l.Col}
		rec.link.Links = append(rec.link.Links, site.Link{Dest: l.Dest, Pos: pos, Target: seen.target(l.Dest)})
	}
}

// recordParts are the parts of a page's record that come from its
// Markdown result alone: the ids on the page and its search sections.
// Made once per result, and shared by every build that takes it.
type recordParts struct {
	ids      links.IDs
	titleID  string // the id of the title taken from a leading "# Heading"
	sections []search.Section
	htmlSum  uint64 // view.HTMLSum of the result's HTML, for the live preview's view sums; 0 in one-off builds
	textSum  uint64 // view.Text.Sum of the text the result gives views (see textOf); 0 in one-off builds
}

// partsOf makes the record parts of res (titleFromH1: the page's title
// is its leading heading, whose id is then the title's).
func partsOf(res *markdown.Result, titleFromH1 bool) *recordParts {
	parts := &recordParts{ids: links.NewIDs(res.IDs, res.Anchors)}
	if titleFromH1 && res.H1ID != "" {
		parts.titleID = res.H1ID
		parts.ids = parts.ids.With([]string{res.H1ID})
	}
	for _, s := range res.Sections {
		parts.sections = append(parts.sections, search.Section{ID: s.ID, Title: s.Title, Level: s.Level, Text: s.Text, Code: s.Code})
	}
	return parts
}

// resolver returns the link resolver Markdown uses for page p.
func (r *Run) resolver(p *site.Page, seen *resolved) markdown.LinkResolver {
	base := r.cfg.BasePath()
	return func(dest string) (string, bool) {
		t := r.model.Resolve(p, dest, base)
		seen.add(dest, t)
		if t.External || t.Problem != "" {
			return dest, false
		}
		return t.URL, true
	}
}

// resolved keeps where a page's link destinations pointed when it was
// rendered, so that checking its links does not resolve them again.
type resolved []resolvedLink

type resolvedLink struct {
	dest   string
	target site.Target
}

func (rs *resolved) add(dest string, t site.Target) {
	*rs = append(*rs, resolvedLink{dest, t})
}

// target returns the Target resolved for dest, or nil.
func (rs resolved) target(dest string) *site.Target {
	for i := range rs {
		if rs[i].dest == dest {
			return &rs[i].target
		}
	}
	return nil
}

// renderLists writes every list page: home, sections, taxonomies and
// terms on all cores and, beside them, one after the other, the search
// page, 404.html, the site-wide pages (results, what's new, owners),
// extra pages and alias redirects. No two of them write the same file
// (site.New drops the lists whose URL an alias took).
func (r *Run) renderLists() {
	concurrent, serial := view.Lists(r.model, r.extraPages())
	done := make(chan struct{})
	go func() {
		defer close(done)
		var buf bytes.Buffer
		for _, l := range serial {
			r.diags.Add(r.lists.Render(l, 0, &buf))
		}
	}()
	forEach(r.ctx, len(concurrent), func(i int, buf *bytes.Buffer) {
		r.diags.Add(r.lists.Render(concurrent[i], 0, buf))
	})
	<-done
}

// forEach calls fn for 0..n-1 on all cores, each worker with its own buffer.
func forEach(ctx context.Context, n int, fn func(i int, buf *bytes.Buffer)) {
	bufs := make([]bytes.Buffer, parallel.Workers())
	parallel.For(ctx, n, func(w, i int) { fn(i, &bufs[w]) })
}
