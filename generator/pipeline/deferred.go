package pipeline

import (
	"bytes"

	"github.com/playbookhq/playbook/generator/nav"
	"github.com/playbookhq/playbook/generator/site"
)

// A Deferred page is a single page whose only change is its sidebar, left
// as it is in place by a build with Options.DeferSidebars: the caller
// finishes it (Splice, then writes it in place) once the browser has
// reloaded. A structural edit of a large site changes the sidebars of
// thousands of pages that no one is looking at; Hugo's server likewise
// renders the pages open in a browser first ("fast render").
type Deferred struct {
	Page *site.Page // the page in the build's model
	Rel  string     // its output path
	hash uint64     // the hash of the file in place
	was  nav.Drawn  // the sidebar in it, as the build before drew it
	now  nav.Drawn  // the sidebar the build drew
}

// Splice returns file, the page's file in place, with its old sidebar
// replaced by the new one, appended to dst (which may be nil). ok is false
// when file is not the one the build found in place or the old sidebar is
// not in it exactly once: the page must then be made again.
func (d Deferred) Splice(dst, file []byte) (page []byte, ok bool) {
	if HashBytes(file) != d.hash {
		return dst, false
	}
	was := splices.Get().(*[]byte)
	defer splices.Put(was)
	*was = d.was.AppendHTML((*was)[:0])
	at := bytes.Index(file, *was)
	if at < 0 || bytes.Index(file[at+1:], *was) >= 0 { // not there, or there twice
		return dst, false
	}
	dst = append(dst, file[:at]...)
	dst = d.now.AppendHTML(dst)
	return append(dst, file[at+len(*was):]...), true
}

// deferSidebar leaves single page p, whose file in place (bytes with hash
// h, made from a view with sum) is the page but for its sidebar, to the
// caller (Deferred): the file is kept for now, and its view's sum and a
// hash that differs from h (the file will change) are recorded. ok is
// false when the sidebar the file holds is not known.
func (r *Run) deferSidebar(p *site.Page, prev, key pageKey, sum, h uint64, now nav.Drawn) bool {
	was, ok := r.sidebarBefore(p, prev.sidebar)
	if !ok || now.Len() == 0 {
		return false
	}
	rel := p.OutFile
	r.hashMu.Lock()
	defer r.hashMu.Unlock()
	r.deferred = append(r.deferred, Deferred{Page: p, Rel: rel, hash: h, was: was, now: now})
	r.viewSums[rel] = sum ^ prev.sidebar ^ key.sidebar // the view's sum takes its sidebar's by xor
	r.retain(rel, h^prev.sidebar^key.sidebar|1)        // not h: the file changes once finished
	return true
}

// sidebarBefore returns the sidebar the run before drew for the page at
// p's URL, when its sum is sum.
func (r *Run) sidebarBefore(p *site.Page, sum uint64) (nav.Drawn, bool) {
	if r.before == nil || sum == 0 {
		return nav.Drawn{}, false
	}
	q := r.before.model.ByURL(p.URL)
	if q == nil {
		return nav.Drawn{}, false
	}
	was := r.before.views.Nav().Drawn(q)
	return was, was.Sum() == sum
}
