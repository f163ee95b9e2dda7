package rebuild

import (
	"context"
	"io/fs"
	"path"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/pipeline"
)

// partial rebuilds only what an edit affects, when it can: edits to the
// bodies of existing pages (front matter unchanged) re-render those pages
// and what depends on them (pipeline.Run.RenderEdits); edits to
// stylesheets copy the static files. ok is false when a full build is
// needed.
func (b *Builder) partial(ctx context.Context, changed []string) (*pipeline.Result, bool, error) {
	last := b.state.Last
	if last == nil || !b.opts.InPlace || len(changed) == 0 || b.state.Unsettled() {
		return nil, false, nil
	}
	b.commitMu.Lock()
	defer b.commitMu.Unlock()
	if onlyCopied(last, changed) {
		return b.partialStatic(ctx, last)
	}
	edits, ok := b.bodyEdits(last, changed)
	if !ok {
		return nil, false, nil
	}
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return nil, false, nil
	}
	r := last.Again(ctx, out, b.state)
	r.RenderEdits(edits)
	res, err := r.Publish(b.opts, b.state)
	if err == nil {
		b.index.Schedule(r.SearchDocs)
	}
	return res, true, err
}

// onlyCopied reports whether every changed file is copied as it is: a
// static stylesheet (new ones too) or a static file or file beside the
// pages that the last run already copied. A new or deleted file other
// than a stylesheet takes a full build (links to it may change).
func onlyCopied(last *pipeline.Run, changed []string) bool {
	for _, c := range changed {
		css := layout.Classify(c) == layout.StaticFile && strings.EqualFold(path.Ext(c), ".css")
		if !css && !last.CopiesAsIs(c) {
			return false
		}
		if !css && !exists(last, c) {
			return false // deleted: the model still lists it
		}
	}
	return true
}

// bodyEdits re-parses the changed files and returns them when each is an
// existing page whose front matter and title did not change.
func (b *Builder) bodyEdits(r *pipeline.Run, changed []string) ([]pipeline.Edit, bool) {
	var edits []pipeline.Edit
	model := r.Model()
	for _, c := range changed {
		rel, _ := layout.ContentPath(c)
		if layout.Classify(c) != layout.Page {
			return nil, false
		}
		old := model.ByPath(rel)
		if old == nil || old.Src == nil || old == model.Search {
			return nil, false // new page, or the search page (written with the lists)
		}
		// Read through the site's file system: a page replaced by a
		// symlink is refused there (the full build then reports it).
		data, err := fs.ReadFile(r.SiteFS(), c)
		if err != nil {
			return nil, false
		}
		// A page below a cascade keeps what it inherited: a body edit
		// changes no front matter, its own or its folders'.
		pg, diags := content.ParseInherited(rel, data, r.Config(), old.Src.Inherited())
		if pg == nil || len(diags) > 0 || pg.MatterHash != old.Src.MatterHash ||
			pg.Meta.Title != old.Src.Meta.Title || pg.TitleHTML != old.Src.TitleHTML || pg.TitleFromH1 != old.Src.TitleFromH1 {
			return nil, false
		}
		b.state.Cache.Put(pg)
		edits = append(edits, pipeline.Edit{Page: old, Src: pg})
	}
	return edits, true
}

// exists reports whether the changed path is still there.
func exists(last *pipeline.Run, c string) bool {
	_, err := fs.Stat(last.SiteFS(), c)
	return err == nil
}

// partialStatic copies the static files again; pages stay as they are.
func (b *Builder) partialStatic(ctx context.Context, last *pipeline.Run) (*pipeline.Result, bool, error) {
	out, err := output.Begin(b.opts.Destination, true)
	if err != nil {
		return nil, false, nil
	}
	r := last.Again(ctx, out, b.state)
	r.CopyStatic()
	res, err := r.Publish(b.opts, b.state)
	return res, true, err
}
