package pipeline

import (
	"bytes"
	"context"

	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/site"
)

// A split build (State.Split) is the live preview's build after an edit
// of pages: it makes first what the writer is looking at, the pages whose
// sources changed and the pages and term lists that are new, removes the
// pages that went away, publishes that (Result.Rest) and leaves every
// other file in place as it was, unverified. The caller makes the rest in
// the background (Run.Rest, Run.RenderRest, Run.Publish) and, until it is
// published, serves a file that is not settled (Run.Settled) only once it
// is. Computing the keys of ten thousand pages and their lists takes
// longer than everything else a title edit needs; Hugo's server likewise
// renders the pages open in a browser first ("fast render").

// writeFirst makes the first part of a split build: the pages whose
// source is among changed (paths below content/) or whose file is not in
// place yet, and the new terms' lists; it keeps every other file in
// place, unverified, but the files of the last build's pages that no page
// makes now, which are removed.
func (r *Run) writeFirst(changed []string) {
	r.deferPages = false // the pages made first are made whole
	edited := make(map[string]bool, len(changed))
	for _, c := range changed {
		edited[c] = true
	}
	var pages []*site.Page
	for _, p := range r.model.Pages {
		if p.Redirected || p == r.model.Search {
			continue // written with the lists
		}
		if _, inPlace := r.prevHash[p.OutFile]; !inPlace || (p.Src != nil && edited[p.Src.Path]) {
			pages = append(pages, p)
		}
	}
	var terms []view.List
	for _, tax := range r.model.Taxonomies {
		for _, t := range tax.Terms {
			if _, inPlace := r.prevHash[t.OutFile]; !inPlace {
				terms = append(terms, view.List{Kind: view.ListTerm, Tax: tax, Term: t})
			}
		}
	}
	forEach(r.ctx, len(pages)+len(terms), func(i int, buf *bytes.Buffer) {
		if i < len(pages) {
			r.writePage(pages[i], buf)
			return
		}
		r.diags.Add(r.lists.Render(terms[i-len(pages)], 0, buf))
	})
	gone := r.gone()
	r.first = make(map[string]bool, len(r.hashOf)+len(gone))
	for rel := range r.hashOf {
		r.first[rel] = true
	}
	for _, rel := range gone {
		r.first[rel] = true
	}
	r.keepUnverified(r.first)
}

// gone returns the output files of the last build's pages that no page
// of this build makes (deleted, renamed or moved pages).
func (r *Run) gone() []string {
	if r.previous == nil || r.claims == nil {
		return nil
	}
	var out []string
	for _, p := range r.previous.Pages {
		if _, ok := r.claims.Owner(p.OutFile); !ok {
			out = append(out, p.OutFile)
		}
	}
	return out
}

// keepUnverified keeps every file in place that is not in settled as it
// is, with what the last build recorded of it (hash, view sum, key).
func (r *Run) keepUnverified(settled map[string]bool) {
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	for rel, h := range r.prevHash {
		if !settled[rel] {
			r.keepRecorded(rel, h)
		}
	}
}

// keepRecorded keeps the file in place at rel, whose bytes have hash h,
// with the view sum and key the last build recorded for it (under
// hashMu).
func (r *Run) keepRecorded(rel string, h uint64) {
	if s, ok := r.prevSums[rel]; ok {
		r.viewSums[rel] = s
	}
	if k, ok := r.prevKeys[rel]; ok {
		r.keys[rel] = k
	}
	r.retain(rel, h)
}

// Settled reports whether the file at output path rel is as the run made
// it: false only, after a split build, for a file it left to the rest
// (Result.Rest).
func (r *Run) Settled(rel string) bool { return r.first == nil || r.first[rel] }

// Rest starts the pass that makes what the split build r left (see
// Result.Rest), writing to out: it keeps the files r settled, and the
// search index's, as they are in place (st: their hashes and views).
func (r *Run) Rest(ctx context.Context, out *output.Writer, st *State) *Run {
	next := r.again(fullPass(ctx, out, st.Hashes, st.memo(true)))
	next.deferPages, next.rest = true, true
	next.hashMu.Lock()
	for rel := range r.first {
		if h, ok := next.prevHash[rel]; ok {
			next.keepRecorded(rel, h)
		}
	}
	next.hashMu.Unlock()
	next.keepSearchIndex()
	return next
}

// RenderRest makes, in a pass started by Rest, every page and list page
// the split build left, and the feeds; as a full build of the live
// preview does, it keeps the files in place whose keys did not change and
// leaves those whose only change is a drawn part, or whose list moved, to
// the caller: it returns them (see Deferred).
func (r *Run) RenderRest() []Deferred {
	r.writePages()
	r.listsAndFeeds()
	return r.deferred
}
