package pipeline

import (
	"bytes"
	"sync"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/output"
	"github.com/playbookhq/playbook/generator/render"
	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/site"
)

// pageKey is what a page's file was made from, as its key tells: the key
// of its view but the parts drawn once for many pages
// (view.Renderer.PageKey, view.ListKey), and those parts: its sidebar
// (none for the zero Drawn) and its chrome (view.Renderer.PageChrome;
// the zero Chrome when the key holds what it draws). The file in place
// holds the parts of its key, drawn alike.
type pageKey struct {
	view    uint64
	sidebar nav.Drawn
	chrome  render.Chrome
}

// sameAs reports whether k and o are keys of the same page.
func (k pageKey) sameAs(o pageKey) bool {
	return k.view == o.view && k.sidebar.Sum() == o.sidebar.Sum() && k.chrome.Sum() == o.chrome.Sum()
}

// keyMatch is what a page's key says of the file in place.
type keyMatch int

const (
	keyMiss    keyMatch = iota // the page is made anew
	keySame                    // the file in place is the page
	keySpliced                 // the file in place with drawn parts (sidebar, chrome) replaced is the page
)

// placed is what is known of the file in place at rel: the key and view
// sum it was made from, the hash of its bytes and, when only drawn parts
// changed (keySpliced), the parts to swap.
type placed struct {
	rel       string
	prev      pageKey
	sum, hash uint64
	swaps     []swap
	inPlace   bool // prev, sum and hash are known
}

// compareKey records key as the key of output file rel and compares it
// with the key of the file in place.
func (r *Run) compareKey(rel string, key pageKey) (keyMatch, placed) {
	prev, sum, h, inPlace := r.recordKey(rel, key)
	f := placed{rel: rel, prev: prev, sum: sum, hash: h, inPlace: inPlace}
	switch {
	case !inPlace || prev.view != key.view:
		return keyMiss, f
	case prev.sameAs(key):
		return keySame, f
	}
	swaps, ok := swapsOf(prev, key)
	if !ok {
		return keyMiss, f
	}
	f.swaps = swaps
	return keySpliced, f
}

// matchKey records the key of single page p's view and compares it with
// the key of the file in place. When they match, the file is kept
// (keySame) or written with its drawn parts replaced (keySpliced), or
// left to the caller so (Options.DeferPages), unless VerifyKeys is set,
// when nothing is kept or written and spliced is what would have been
// written. Only the live preview's in-place builds key views.
func (r *Run) matchKey(p *site.Page, txt *view.Text, notice string) (match keyMatch, spliced []byte) {
	if r.lists.Unchanged == nil {
		return keyMiss, nil
	}
	v, ok := r.lists.PageKey(p, txt, notice)
	if !ok {
		return keyMiss, nil
	}
	chrome, ok := r.lists.PageChrome(p)
	if !ok {
		return keyMiss, nil
	}
	key := pageKey{v, r.views.Nav().Drawn(p), chrome}
	m, f := r.compareKey(p.OutFile, key)
	switch {
	case m == keyMiss:
		return keyMiss, nil
	case m == keySame:
		if !VerifyKeys {
			r.keep(f.rel, f.sum, f.hash)
		}
		return keySame, nil
	case r.deferPages && !VerifyKeys:
		r.deferFile(Deferred{Page: p}, f, key)
		return keySpliced, nil
	}
	data, ok := r.splice(f.rel, f.hash, f.swaps)
	if !ok {
		return keyMiss, nil
	}
	defer splices.Put(data)
	if VerifyKeys {
		return keySpliced, bytes.Clone(*data)
	}
	r.writeSpliced(f, key, *data)
	return keySpliced, nil
}

// keepList records the key of pager page shown of a list, whose file is
// rel (view.Renderer.Keep), and keeps the file in place when it was made
// from a page with the same key, or, when only its drawn parts changed,
// writes it with them replaced (or leaves that to the caller so, like a
// single page's, with Options.DeferPages), unless VerifyKeys is set: the
// page is then made anyway, and its view's sum and bytes checked (see
// unchanged and write). With Options.DeferPages a pager page in place
// whose view changed is left to the caller too, to be made again: a page
// added to or removed from a long list moves cards along every pager page
// after it, which no one is looking at yet.
func (r *Run) keepList(shown view.Shown, rel string, lk view.ListKey) bool {
	key := pageKey{lk.View, lk.Sidebar, lk.Chrome}
	m, f := r.compareKey(rel, key)
	switch {
	case m == keyMiss && f.inPlace && r.deferPages && !VerifyKeys:
		// Its view changed (cards moved along the pager, a card's
		// summary): made again once the browser has reloaded (no swaps).
		r.deferFile(Deferred{List: &shown}, f, key)
		return true
	case m == keyMiss:
		return false
	case m == keySame:
		if VerifyKeys {
			r.expect(rel, f.sum, 0)
			return false
		}
		r.keep(rel, f.sum, f.hash)
		return true
	}
	if r.deferPages && !VerifyKeys {
		r.deferFile(Deferred{List: &shown}, f, key)
		return true
	}
	data, ok := r.splice(rel, f.hash, f.swaps)
	if !ok {
		return false
	}
	defer splices.Put(data)
	if VerifyKeys {
		r.expect(rel, spliceSum(f.sum, f.prev, key), HashBytes(*data))
		return false
	}
	r.writeSpliced(f, key, *data)
	return true
}

// writeSpliced writes data, the file in place f with its drawn parts
// swapped for those of key, and records the sum of its view.
func (r *Run) writeSpliced(f placed, key pageKey, data []byte) {
	r.write(f.rel, data)
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	r.viewSums[f.rel] = spliceSum(f.sum, f.prev, key)
}

// expect notes, when VerifyKeys has a list page whose key matched made
// anyway, the sum its view must have and (when not 0) the hash of the
// bytes its template must write.
func (r *Run) expect(rel string, sum, hash uint64) {
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	r.matched[rel] = expected{sum, hash}
}

// recordKey records the key of output file rel and returns what is known
// of the file in place: the key and view sum it was made from and the
// hash of its bytes; inPlace is false when any of them is not known.
func (r *Run) recordKey(rel string, key pageKey) (prev pageKey, sum, h uint64, inPlace bool) {
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	r.keys[rel] = key
	prev, known := r.prevKeys[rel]
	sum, summed := r.prevSums[rel]
	h, hashed := r.prevHash[rel]
	return prev, sum, h, known && summed && hashed
}

// keep keeps the file in place at rel, made from a view with sum and
// holding bytes with hash h.
func (r *Run) keep(rel string, sum, h uint64) {
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	r.viewSums[rel] = sum
	r.retain(rel, h)
}

// retain keeps the file in place at rel, whose bytes have hash h (under
// hashMu).
func (r *Run) retain(rel string, h uint64) {
	r.hashOf[rel] = h
	r.out.Retain(rel)
}

// splice returns the file in place at rel (whose bytes have hash h) with
// the parts in swaps replaced; ok is false when an old part is not in it
// exactly once. The bytes come from splices; put them back once written.
func (r *Run) splice(rel string, h uint64, swaps []swap) (data *[]byte, ok bool) {
	file := splices.Get().(*[]byte)
	defer splices.Put(file)
	var err error
	if *file, err = output.ReadInto(*file, r.out.DestPath(rel)); err != nil {
		return nil, false
	}
	data = splices.Get().(*[]byte)
	d := Deferred{hash: h, swaps: swaps}
	if *data, ok = d.Splice((*data)[:0], *file); !ok {
		splices.Put(data)
		return nil, false
	}
	return data, true
}

// splices are the buffers of splice and Deferred.Splice.
var splices = sync.Pool{New: func() any { return new([]byte) }}

// VerifyKeys makes builds check every page key that matched against the
// page's view, made and executed anyway: a key that missed a change, or
// a sidebar replaced into other bytes than executing makes, is an error.
// For tests.
var VerifyKeys = false

// verifyKey reports, as an error of the build, a view (not yet executed)
// that changed although its page's key matched the last build's.
func (r *Run) verifyKey(p *site.Page, v *render.Page, parts view.Parts) {
	sum, ok := r.lists.ViewSum(v, parts)
	rel := p.OutFile
	r.hashMu.Lock()
	want := spliceSum(r.prevSums[rel], r.prevKeys[rel], r.keys[rel])
	r.hashMu.Unlock()
	if ok && sum != want {
		r.diags.Add(diag.Errorf(diag.Pos{File: p.File()}, "internal: the view of %s changed but its key did not (view.Renderer.PageKey misses something PageView reads)", rel))
	}
}

// verifySplice reports, as an error of the build, a page whose file with
// its sidebar replaced (spliced) differs from what its template wrote.
func (r *Run) verifySplice(p *site.Page, spliced []byte) {
	r.hashMu.Lock()
	wrote := r.hashOf[p.OutFile]
	r.hashMu.Unlock()
	if HashBytes(spliced) != wrote {
		r.diags.Add(diag.Errorf(diag.Pos{File: p.File()}, "internal: %s with its sidebar replaced differs from the page its template writes", p.OutFile))
	}
}
