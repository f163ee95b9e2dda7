package rebuild

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/keycheck"
)

// TestDeferredPagesMatchFullBuild makes each kind of structural edit with
// the preview's deferred pages (Options.DeferPages). While the
// finisher is held back, every deferred page, as the server is handed it
// (Builder.Page), must be the full build's page; once finished, the
// preview must hold exactly what a full build writes. After the title
// edit one deferred page's file in place is changed behind the builder's
// back, and after the new folder one list page's: they cannot be spliced
// and are made again, from the page's source and from the list.
func TestDeferredPagesMatchFullBuild(t *testing.T) {
	root, dest, b := deferringPreview(t)
	// A retitled or new page changes its neighbours' sidebars; a new or
	// removed folder every page's footer (the site's sections) too.
	defers := map[string]bool{"title": true, "new page": true, "delete": true, "new folder": true, "delete folder": true}
	for _, e := range structuralEdits {
		held, release := holdFinisher(t)
		res := rebuild(t, b, e.do(t, root)...)
		res.Deferred = held(b) // those of the rest of the split build
		want := filepath.Join(t.TempDir(), "full")
		if _, err := pipeline.Build(context.Background(), pipeline.Options{Source: root, Destination: want, Quiet: true}); err != nil {
			t.Fatal(err)
		}
		full := readTree(t, want)
		if defers[e.name] && len(res.Deferred) == 0 {
			t.Errorf("after the %s edit: no page deferred", e.name)
		}
		if !servedWhileHeld(t, b, e.name, res.Deferred, full) {
			release()
			t.Fatalf("after the %s edit: a deferred page was not served while the finisher was held back", e.name)
		}
		remakes := 0
		for _, d := range res.Deferred {
			if d.Remake() {
				remakes++
			}
		}
		if e.name == "delete" && remakes == 0 {
			t.Errorf("after the %s edit: no list page to remake deferred", e.name)
		}
		if e.name == "title" {
			for _, d := range res.Deferred {
				if d.Page != nil {
					spoil(t, filepath.Join(dest, filepath.FromSlash(d.Rel)))
					break
				}
			}
		}
		if e.name == "new folder" {
			list := deferredList(res.Deferred)
			if list == nil {
				t.Fatalf("after the %s edit: no list page deferred", e.name)
			}
			spoil(t, filepath.Join(dest, filepath.FromSlash(list.Rel)))
		}
		release()
		remadeOnRequest(t, b, e.name, dest, res.Deferred, full)
		b.Finish()
		b.index.Wait()
		sameTrees(t, e.name, full, readTree(t, dest))
		if _, ok := b.Page(full2rel(res)); ok {
			t.Errorf("after the %s edit: a finished page is still served as deferred", e.name)
		}
	}
}

// deferredList returns the first list pager page of deferred to splice,
// nil when there is none.
func deferredList(deferred []pipeline.Deferred) *pipeline.Deferred {
	for i, d := range deferred {
		if d.List != nil && !d.Remake() {
			return &deferred[i]
		}
	}
	return nil
}

// deferringPreview builds the sample site into a preview that defers
// pages, with keys not verified (verifying makes every page, deferring
// none) until the test ends.
func deferringPreview(t *testing.T) (root, dest string, b *Builder) {
	keycheck.Set(t, false)
	root = copySample(t)
	dest = filepath.Join(t.TempDir(), "preview")
	b = newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true, Quiet: true, DeferPages: true})
	rebuild(t, b)
	return root, dest, b
}

// servedWhileHeld checks that each deferred page but those to remake (the
// server waits for them), as the server is handed it, is the full build's
// page; false when Page waited for the held finisher (a page that cannot
// be spliced).
func servedWhileHeld(t *testing.T, b *Builder, edit string, deferred []pipeline.Deferred, full map[string][]byte) bool {
	checked := make(chan struct{})
	go func() {
		defer close(checked)
		for _, d := range deferred {
			if d.Remake() {
				continue
			}
			page, ok := b.Page(d.Rel)
			if !ok {
				t.Errorf("after the %s edit: deferred %s is not served before it is finished", edit, d.Rel)
			} else if !bytes.Equal(page, full[d.Rel]) {
				t.Errorf("after the %s edit: deferred %s as served differs from a full build", edit, d.Rel)
			}
		}
	}()
	select {
	case <-checked:
		return true
	case <-time.After(30 * time.Second):
		return false
	}
}

// remadeOnRequest checks that asking for a deferred page to remake waits
// until it is in place, the full build's page, once the finisher runs.
func remadeOnRequest(t *testing.T, b *Builder, edit, dest string, deferred []pipeline.Deferred, full map[string][]byte) {
	for _, d := range deferred {
		if !d.Remake() {
			continue
		}
		if _, ok := b.Page(d.Rel); ok {
			t.Errorf("after the %s edit: %s, to remake, was served from its old file", edit, d.Rel)
		}
		if got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(d.Rel))); err != nil || !bytes.Equal(got, full[d.Rel]) {
			t.Errorf("after the %s edit: %s, to remake, is not the full build's page once asked for (%v)", edit, d.Rel, err)
		}
	}
}

// holdFinisher holds the finisher of the next build back until release is
// called; held waits until it is held and returns the pages it is to
// finish, or until it is done (then none).
func holdFinisher(t *testing.T) (held func(b *Builder) []pipeline.Deferred, release func()) {
	hold := make(chan struct{})
	caught := make(chan []pipeline.Deferred, 1)
	var once sync.Once
	release = func() { once.Do(func() { close(hold) }) }
	finishing = func(ctx context.Context, deferred []pipeline.Deferred) {
		caught <- deferred
		select {
		case <-hold:
		case <-ctx.Done():
		}
	}
	t.Cleanup(func() {
		release() // a test that failed while holding it
		finishing = nil
	})
	held = func(b *Builder) []pipeline.Deferred {
		b.finish.mu.Lock()
		done := b.finish.done
		b.finish.mu.Unlock()
		select {
		case d := <-caught:
			return d
		case <-done:
			return nil
		}
	}
	return held, release
}

// spoil changes a file of the preview behind the builder's back.
func spoil(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, file, append(data, "<!-- changed by hand -->"...))
}

// full2rel returns a page the build deferred, "" when none.
func full2rel(res *pipeline.Result) string {
	if len(res.Deferred) == 0 {
		return ""
	}
	return res.Deferred[0].Rel
}

// TestUnfinishedPagesDeferredAgain starts a build while the pages the one
// before deferred are not in place: it stops the finisher, takes those
// pages as they are in place and defers them again, and once finished
// the preview is what a full build writes.
func TestUnfinishedPagesDeferredAgain(t *testing.T) {
	root, dest, b := deferringPreview(t)
	held, _ := holdFinisher(t)                                // never released: the next build stops it
	first := rebuild(t, b, structuralEdits[4].do(t, root)...) // new folder: every page
	if first.Deferred = held(b); len(first.Deferred) == 0 {
		t.Fatal("the new folder deferred no page")
	}
	held, release := holdFinisher(t)
	res := rebuild(t, b, structuralEdits[0].do(t, root)...) // title
	if res.Deferred = held(b); len(res.Deferred) == 0 {
		t.Errorf("the next build deferred no page of the %d not finished", len(first.Deferred))
	}
	release()
	b.Finish()
	b.index.Wait()
	want := filepath.Join(t.TempDir(), "full")
	if _, err := pipeline.Build(context.Background(), pipeline.Options{Source: root, Destination: want, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, "title after an unfinished new folder", readTree(t, want), readTree(t, dest))
	// The stopped finish's staged files are gone once the next one is done.
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*staging*")); len(left) > 0 {
		t.Errorf("staging folders left beside the preview: %v", left)
	}
}
