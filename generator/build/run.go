package build

import (
	"bytes"
	"context"
	"io/fs"
	"iter"
	"runtime"
	"sort"
	"sync"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/site"
)

// run is one build's working state, from the site model to written files.
type run struct {
	ctx    context.Context
	siteFS fs.FS
	cfg    *config.Config
	theme  *render.Theme
	model  *site.Site
	out    *output.Writer
	views  *viewMaker
	diags  diag.Collector

	md, mdNoH1 *markdown.Renderer
	records    map[*site.Page]*record

	hashMu   sync.Mutex
	hashOf   map[string]uint64
	prevHash map[string]uint64 // in-place builds: hashes of the files already in place

	stageDiags diag.List                   // from config, content and the site model
	oneOff     bool                        // no rebuild follows: free memory as the build goes, compare nothing
	linkers    map[*site.Page][]*site.Page // who links to a page
	recentOnce sync.Once
	byRecency  []*site.Page // regular pages, most recently changed first

	index *search.Indexer // full builds: pages are indexed as they are rendered

	inspect Inspector // `playbook check`: pages go to it instead of templates
	extras  Extras    // Options.Extras: the health page and review notices
}

// record is what rendering one page leaves behind for the later phases.
type record struct {
	anchors   anchorSet // ids on the page: link targets
	titleID   string    // the id of the title taken from the leading "# Heading", if any
	links     []site.Link
	summary   string
	words     int
	diagrams  bool // the page has a ```mermaid diagram
	sections  []search.Section
	body      []byte // rendered Markdown, kept only for list pages
	toc       []markdown.Heading
	diags     diag.List // from rendering this page
	linkDiags diag.List // its broken links
}

func newRun(ctx context.Context, siteFS fs.FS, cfg *config.Config, theme *render.Theme, model *site.Site, out *output.Writer, sc markdown.ShortcodeTemplates) *run {
	r := &run{
		ctx: ctx, siteFS: siteFS, cfg: cfg, theme: theme, model: model, out: out,
		md:      markdown.New(markdownOptions(cfg, false, sc)),
		mdNoH1:  markdown.New(markdownOptions(cfg, true, sc)),
		records: make(map[*site.Page]*record, len(model.Pages)),
		hashOf:  map[string]uint64{},
	}
	r.views = newViewMaker(cfg, model)
	return r
}

// markdownOptions are the Markdown renderer's options for a site, with
// the site's shortcode templates.
func markdownOptions(cfg *config.Config, dropLeadingH1 bool, sc markdown.ShortcodeTemplates) markdown.Options {
	return markdown.Options{
		Unsafe:        cfg.Markup.Unsafe,
		DropLeadingH1: dropLeadingH1,
		IDStyle:       markdown.IDStyle(cfg.Markup.AutoHeadingIDType),
		Shortcodes:    sc,
	}
}

// all runs every phase and returns the diagnostics.
func (r *run) all() diag.List {
	r.prepareExtras()
	r.copyStatic()
	r.startSearchIndex()
	r.renderContent()
	// Every page is indexed now: the index's scoring, which is mostly
	// serial, runs beside the list pages, which keep all cores busy.
	indexed := make(chan struct{})
	go func() {
		defer close(indexed)
		r.finishSearchIndex()
	}()
	r.checkLinks()
	r.renderLists()
	r.renderExtras()
	if r.oneOff {
		r.dropRenderState()
	}
	<-indexed
	return r.renderDiags()
}

// dropRenderState frees what only rendering and link checking needed, so a
// one-off build's search indexing runs in less memory.
func (r *run) dropRenderState() {
	for _, rec := range r.records {
		rec.links, rec.anchors, rec.toc, rec.body = nil, "", nil, nil
	}
	r.linkers = nil
}

// renderDiags returns what rendering found: per-page problems, broken
// links and everything else collected during this build.
func (r *run) renderDiags() diag.List {
	all := r.diags.List()
	for _, rec := range r.records {
		all = append(all, rec.diags...)
	}
	for _, rec := range r.records {
		all = append(all, rec.linkDiags...)
	}
	return all
}

// write writes one output file and remembers its hash. An in-place build
// keeps a file that is already in place with the same bytes.
func (r *run) write(rel string, data []byte) {
	if r.oneOff { // a one-off build compares nothing with later builds
		if err := r.out.WriteFile(rel, data); err != nil {
			r.diags.Add(diag.Errorf(diag.Pos{}, "%w", err))
		}
		return
	}
	sum := hashBytes(data)
	r.hashMu.Lock()
	r.hashOf[rel] = sum
	r.hashMu.Unlock()
	if old, ok := r.prevHash[rel]; ok && old == sum {
		r.out.Retain(rel)
		return
	}
	if err := r.out.WriteFile(rel, data); err != nil {
		r.diags.Add(diag.Errorf(diag.Pos{}, "%w", err))
	}
}

func (r *run) hashes() map[string]uint64 { return r.hashOf }

// renderContent renders every page's Markdown on all cores, writes the
// single pages and indexes every page for search at once, keeping only
// small records. Pages go in URL order, the order of the search index.
func (r *run) renderContent() {
	pages := inSearchOrder(r.model.Pages)
	recs := make([]*record, len(pages))
	forEach(r.ctx, len(pages), func(i int, buf *bytes.Buffer) {
		recs[i] = r.renderPage(pages[i], buf)
		r.indexPage(pages[i], recs[i])
	})
	for i, p := range pages {
		if recs[i] != nil {
			r.records[p] = recs[i]
		}
	}
}

// htmlBuffers hold pages' rendered Markdown while their templates run:
// reusing them saves allocating (and zeroing) ~15 KB a page.
var htmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderPage renders one page's Markdown, and its template when it is a single page.
func (r *run) renderPage(p *site.Page, buf *bytes.Buffer) *record {
	rec := &record{}
	if p.Src != nil {
		mr := r.md
		if p.Src.TitleFromH1 {
			mr = r.mdNoH1
		}
		body, err := p.Src.ReadBody(r.siteFS)
		if err != nil {
			rec.diags = append(rec.diags, diag.Errorf(diag.Pos{File: p.Src.File}, "%w", err))
			return rec
		}
		html := htmlBuffers.Get().(*bytes.Buffer)
		defer htmlBuffers.Put(html)
		var seen resolved
		var pc *markdown.PageContext
		if markdown.MayHaveShortcodes(body) {
			pc = r.pageContext(p)
		}
		res, err := mr.RenderPage(html, body, p.Src.BodyLine, r.resolver(p, &seen), pc)
		if err != nil {
			rec.diags = append(rec.diags, withFile(err, p.Src.File))
			return rec
		}
		fillRecord(rec, p, res, &seen)
		if p.Src.TitleFromH1 && res.H1ID != "" {
			rec.titleID = res.H1ID
			rec.anchors += anchorSet(res.H1ID + "\x00")
		}
		for _, d := range res.Diagnostics {
			d.Pos.File = p.Src.File
			rec.diags = append(rec.diags, d)
		}
		if r.inspected(p, rec, body, res) {
			return rec
		}
		if p.Kind != site.KindPage || p == r.model.Search {
			rec.body = bytes.Clone(res.HTML) // list and search pages use it later; the buffer goes back to the pool
			return rec
		}
		view := r.views.page(p, rec, res.HTML)
		view.ReviewNotice = r.notice(p)
		if d := r.execute(p.OutFile, view, buf); d != nil {
			rec.diags = append(rec.diags, d)
		}
		if r.oneOff {
			rec.toc = nil // only its own page shows it, and no rebuild follows
		}
	}
	return rec
}

func fillRecord(rec *record, p *site.Page, res *markdown.Result, seen *resolved) {
	rec.summary, rec.words, rec.toc = res.Summary, res.WordCount, res.TOC
	rec.diagrams = res.Diagrams > 0
	rec.anchors = htmlIDs(res.HTML).with(res.Anchors)
	for _, l := range res.Links {
		pos := diag.Pos{File: p.Src.File, Line: l.Line, Col: l.Col}
		rec.links = append(rec.links, site.Link{Dest: l.Dest, Pos: pos, Target: seen.target(l.Dest)})
	}
	for _, s := range res.Sections {
		rec.sections = append(rec.sections, search.Section{ID: s.ID, Title: s.Title, Level: s.Level, Text: s.Text, Code: s.Code})
	}
}

// resolver returns the link resolver Markdown uses for page p.
func (r *run) resolver(p *site.Page, seen *resolved) markdown.LinkResolver {
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

// execute renders a view with its template and writes it. A template
// error comes back as a diagnostic.
func (r *run) execute(outFile string, view *render.Page, buf *bytes.Buffer) *diag.Diagnostic {
	buf.Reset()
	if err := r.theme.Execute(buf, view); err != nil {
		return asDiag(err)
	}
	r.write(outFile, buf.Bytes()) // written before buf is reused
	return nil
}

// checkLinks reports broken links and anchors once every page's headings
// are known, and records who links to whom.
func (r *run) checkLinks() {
	pages := r.model.Pages
	targets := make([][]*site.Page, len(pages))
	forEach(r.ctx, len(pages), func(i int, _ *bytes.Buffer) {
		targets[i] = r.checkLinksIn(pages[i])
	})
	r.linkers = map[*site.Page][]*site.Page{}
	for i, p := range pages { // in page order: the same linkers on every build
		r.addLinker(p, targets[i])
	}
}

// checkLinksOf re-checks the links written in page p.
func (r *run) checkLinksOf(p *site.Page) {
	r.addLinker(p, r.checkLinksIn(p))
}

// addLinker records that page p links to each of targets.
func (r *run) addLinker(p *site.Page, targets []*site.Page) {
	for _, t := range targets {
		r.linkers[t] = append(r.linkers[t], p)
	}
}

// checkLinksIn checks the links written in page p, keeps the broken ones
// in its record and returns the pages they point to.
func (r *run) checkLinksIn(p *site.Page) []*site.Page {
	rec := r.records[p]
	if rec == nil {
		return nil
	}
	var targets []*site.Page
	rec.linkDiags, targets = r.model.CheckLinks(p, rec.links, recordAnchors(r.records))
	return targets
}

// recordAnchors is the site.Anchors of a run: the ids recorded for each
// rendered page.
type recordAnchors map[*site.Page]*record

// Has reports whether page p has an element with the id.
func (m recordAnchors) Has(p *site.Page, id string) bool {
	rec := m[p]
	return rec != nil && rec.anchors.has(id)
}

// IDs lists the ids on page p.
func (m recordAnchors) IDs(p *site.Page) iter.Seq[string] {
	if rec := m[p]; rec != nil {
		return rec.anchors.all()
	}
	return func(func(string) bool) {}
}

// forEach calls fn for 0..n-1 on all cores, each worker with its own buffer.
func forEach(ctx context.Context, n int, fn func(i int, buf *bytes.Buffer)) {
	jobs := make(chan int, 64)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range jobs {
				fn(i, &buf)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// changedFiles compares this build's output hashes with the previous build's.
func (b *Builder) changedFiles(now map[string]uint64, removed []string) []string {
	var changed []string
	for f, h := range now {
		if old, ok := b.prev[f]; !ok || old != h {
			changed = append(changed, f)
		}
	}
	changed = append(changed, removed...)
	sort.Strings(changed)
	b.prev = now
	return changed
}
