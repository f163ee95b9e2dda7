package pipeline

import (
	"bytes"

	"github.com/playbookhq/playbook/generator/render/view"
	"github.com/playbookhq/playbook/generator/site"
)

// A Deferred page is a single page or a list's pager page whose only
// change is its sidebar or chrome (header, footer), or a list's pager page
// whose view changed (Remake), left as it is in place by a build with
// Options.DeferPages: the caller finishes it (Splice, then writes it in
// place) once the browser has reloaded. A structural edit of a large site
// changes the sidebars of thousands of pages that no one is looking at;
// Hugo's server likewise renders the pages open in a browser first ("fast
// render").
type Deferred struct {
	Page  *site.Page  // a single page: the page in the build's model
	List  *view.Shown // a list's pager page (Page is nil)
	Rel   string      // its output path
	hash  uint64      // the hash of the file in place
	swaps []swap      // what changed in it, in the order of the page
	// was is the key and view sum the file in place was made from: a
	// build that starts before the page is finished takes them back
	// (State.Unfinished).
	was    pageKey
	wasSum uint64
}

// swap is one drawn part of a page that changed: was, as the build before
// drew it, is in the file in place; now is what replaces it.
type swap struct{ was, now drawing }

// drawing is a part of a page drawn once for many pages: a sidebar
// (nav.Drawn) or a chrome partial's HTML (drawnHTML).
type drawing interface{ AppendHTML(b []byte) []byte }

// drawnHTML is a chrome partial as drawn.
type drawnHTML string

// AppendHTML appends h to b.
func (h drawnHTML) AppendHTML(b []byte) []byte { return append(b, h...) }

// Remake reports whether the page must be made again (Run.RenderAgain):
// its view changed, not only its drawn parts.
func (d Deferred) Remake() bool { return len(d.swaps) == 0 }

// Splice returns file, the page's file in place, with its changed parts
// replaced, appended to dst (which may be nil). ok is false when file is
// not the one the build found in place, an old part is not in it exactly
// once, or the page is to be remade: it must then be made again.
func (d Deferred) Splice(dst, file []byte) (page []byte, ok bool) {
	if d.Remake() || HashBytes(file) != d.hash {
		return dst, false
	}
	was := splices.Get().(*[]byte)
	defer splices.Put(was)
	cur := file
	for i, s := range d.swaps {
		*was = s.was.AppendHTML((*was)[:0])
		at := bytes.Index(cur, *was)
		if at < 0 || bytes.Index(cur[at+1:], *was) >= 0 { // not there, or there twice
			return dst, false
		}
		var out []byte // the last swap writes to dst; the ones before to buffers of their own
		if i == len(d.swaps)-1 {
			out = dst
		}
		out = append(out, cur[:at]...)
		out = s.now.AppendHTML(out)
		cur = append(out, cur[at+len(*was):]...)
	}
	return cur, true
}

// deferFile leaves d, a single page or a list's pager page whose file in
// place f is the page with key but for the parts in f.swaps, to the
// caller (Deferred): the file is kept for now, and its view's sum and a
// hash that differs from f's (the file will change) are recorded.
func (r *Run) deferFile(d Deferred, f placed, key pageKey) {
	d.Rel, d.hash, d.swaps, d.was, d.wasSum = f.rel, f.hash, f.swaps, f.prev, f.sum
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	r.deferred = append(r.deferred, d)
	r.viewSums[f.rel] = spliceSum(f.sum, f.prev, key)
	r.retain(f.rel, pendingHash(f, key))
}

// pendingHash is what a deferred page's hash is taken for until it is
// finished: not the hash of the file in place f, which changes then.
func pendingHash(f placed, key pageKey) uint64 {
	if h := spliceSum(f.hash, f.prev, key) | 1; h != f.hash {
		return h
	}
	return ^f.hash
}

// spliceSum is the sum of the view of a page made from a view with sum
// and key prev, whose drawn parts are now those of key: the view's sum
// takes its sidebar's and chrome's by xor.
func spliceSum(sum uint64, prev, key pageKey) uint64 {
	return sum ^ prev.sidebar.Sum() ^ key.sidebar.Sum() ^ prev.chrome.Sum() ^ key.chrome.Sum()
}

// swapsOf returns the drawn parts that changed from a file made with the
// parts of prev to one made with those of key; ok is false when a part
// cannot be swapped (a page gains or loses its sidebar or chrome).
func swapsOf(prev, key pageKey) (swaps []swap, ok bool) {
	if prev.sidebar.Sum() != key.sidebar.Sum() {
		if prev.sidebar.Len() == 0 || key.sidebar.Len() == 0 {
			return nil, false // a page with no sidebar is drawn without one (has-sidebar)
		}
		swaps = append(swaps, swap{prev.sidebar, key.sidebar})
	}
	if prev.chrome.Sum() != key.chrome.Sum() {
		if prev.chrome.Sum() == 0 || key.chrome.Sum() == 0 {
			return nil, false
		}
		n := len(swaps)
		key.chrome.Changed(prev.chrome, func(old, now string) { swaps = append(swaps, swap{drawnHTML(old), drawnHTML(now)}) })
		if len(swaps) == n {
			return nil, false
		}
	}
	return swaps, len(swaps) > 0
}
