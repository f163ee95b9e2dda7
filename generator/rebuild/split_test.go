package rebuild

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/keycheck"
)

// TestSplitEditsMatchFullBuild makes each kind of edit of the sample site
// in a preview whose builds are split (Options.DeferPages): while the
// rest of a build is held back, every file the build settled is already
// what a full build of the edited site writes (the edited and new pages,
// removed ones gone), and a page it left to the rest, stale in place, is
// served only once the rest is published, as the full build's page. The
// background index publishes in between. Once everything is finished the
// preview is exactly a full build.
func TestSplitEditsMatchFullBuild(t *testing.T) {
	root, dest, b := deferringPreview(t)
	splits := map[string]bool{"title": true, "tags and teams": true, "new page": true, "new folder": true, "delete": true, "rename": true}
	for _, e := range structuralEdits {
		release := holdRest(t)
		changed := e.do(t, root)
		res := rebuild(t, b, changed...)
		full := fullBuild(t, root)
		if splits[e.name] && !res.Rest {
			t.Errorf("after the %s edit: the build was not split", e.name)
		}
		if res.Rest {
			first := b.state.Last
			got := readTree(t, dest)
			editedSettled(t, e.name, first, changed)
			settledAsFull(t, e.name, first, full, got)
			b.index.Wait() // the background index publishes between the two parts
			waitsForRest(t, b, e.name, first, full, got, release)
		}
		release()
		b.Finish()
		b.index.Wait()
		sameTrees(t, e.name, full, readTree(t, dest))
	}
}

// editedSettled checks that the split build made the pages of the changed
// content paths that still exist first: they are what the writer looks at.
func editedSettled(t *testing.T, edit string, first *pipeline.Run, changed []string) {
	t.Helper()
	for _, c := range changed {
		if p := first.Model().ByPath(strings.TrimPrefix(c, "content/")); p != nil && !first.Settled(p.OutFile) {
			t.Errorf("after the %s edit: %s, whose source changed, was left to the rest", edit, p.OutFile)
		}
	}
}

// settledAsFull checks that every file of the full build that the split
// build's first run settled is in place as the full build wrote it, and
// that every settled file the full build lacks is gone.
func settledAsFull(t *testing.T, edit string, first *pipeline.Run, full, got map[string][]byte) {
	t.Helper()
	for rel := range union(full, got) {
		if !first.Settled(rel) || pipeline.IsIndexFile(rel) || rel == ".playbook-output" {
			continue
		}
		if want, ok := full[rel]; !ok {
			t.Errorf("after the %s edit: %s, settled, is in place but a full build has no such file", edit, rel)
		} else if !bytes.Equal(got[rel], want) {
			t.Errorf("after the %s edit: %s, settled, differs from a full build", edit, rel)
		}
	}
}

// waitsForRest asks for a page the split build left to the rest, stale in
// place: the answer must wait until the rest is released, then be the
// full build's page.
func waitsForRest(t *testing.T, b *Builder, edit string, first *pipeline.Run, full, got map[string][]byte, release func()) {
	t.Helper()
	rel := staleUnsettled(first, full, got)
	if rel == "" {
		t.Errorf("after the %s edit: no page left to the rest is stale in place", edit)
		return
	}
	served := make(chan []byte, 1)
	go func() {
		page, ok := b.Page(rel)
		if !ok {
			page = readTree(t, b.opts.Destination)[rel]
		}
		served <- page
	}()
	select {
	case <-served:
		t.Errorf("after the %s edit: %s was served before the rest of the build was made", edit, rel)
		return
	case <-time.After(100 * time.Millisecond):
	}
	release()
	if page := <-served; !bytes.Equal(page, full[rel]) {
		t.Errorf("after the %s edit: %s, served once the rest was made, differs from a full build", edit, rel)
	}
}

// staleUnsettled returns the first page, by path, that the first run did
// not settle and whose file in place differs from the full build's.
func staleUnsettled(first *pipeline.Run, full, got map[string][]byte) string {
	var rels []string
	for rel, want := range full {
		if filepath.Ext(rel) == ".html" && !first.Settled(rel) && got[rel] != nil && !bytes.Equal(got[rel], want) {
			rels = append(rels, rel)
		}
	}
	sort.Strings(rels)
	if len(rels) == 0 {
		return ""
	}
	return rels[0]
}

func union(a, b map[string][]byte) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// fullBuild builds the site at root from scratch and returns its files.
func fullBuild(t *testing.T, root string) map[string][]byte {
	t.Helper()
	want := filepath.Join(t.TempDir(), "full")
	if _, err := pipeline.Build(context.Background(), pipeline.Options{Source: root, Destination: want, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	return readTree(t, want)
}

// holdRest holds the rest of the next split build back until release is
// called.
func holdRest(t *testing.T) (release func()) {
	hold := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(hold) }) }
	resting = func(ctx context.Context) {
		select {
		case <-hold:
		case <-ctx.Done():
		}
	}
	t.Cleanup(func() {
		release()
		resting = nil
	})
	return release
}

// TestSplitRestReportsSiteErrors retitles a page so that its section's
// list template fails on its card: the first part of the split build
// succeeds (the page itself is fine), and the error in the list comes
// through Failures once the rest finds it.
func TestSplitRestReportsSiteErrors(t *testing.T) {
	keycheck.Set(t, false)
	root := newSite(t, typedSite+`
-- themes/default/layouts/_default/list.html --
{{ define "main" }}{{ range .Pages }}{{ if eq .Title "Boom" }}{{ index $.Pages 99 }}{{ end }}<p>{{ .Title }}</p>{{ end }}{{ end }}
`)
	dest := filepath.Join(t.TempDir(), "preview")
	b := newBuilder(t, pipeline.Options{Source: root, Destination: dest, InPlace: true, Quiet: true, DeferPages: true})
	rebuild(t, b)
	changed := replaceIn(t, root, "content/playbooks/b-second.md", `title = "Second play"`, `title = "Boom"`)
	if res := rebuild(t, b, changed...); !res.Rest {
		t.Fatal("the retitle was not split")
	}
	select {
	case err := <-b.Failures():
		if !pipeline.IsBuildError(err) || !strings.Contains(err.Error(), "list.html") {
			t.Errorf("Failures() = %v; want the list template's error", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the list template's error was not reported")
	}
}

// TestBodyEditWhileRestUnpublished makes a body edit while the rest of a
// split title edit is held back: the files in place are not verified, so
// the body edit takes a full build (State.Unsettled), whose own rest
// makes the title's change reach every page; the preview is then a full
// build.
func TestBodyEditWhileRestUnpublished(t *testing.T) {
	root, dest, b := deferringPreview(t)
	holdRest(t) // never released: the body edit's build stops it
	if res := rebuild(t, b, structuralEdits[0].do(t, root)...); !res.Rest {
		t.Fatal("the title edit was not split")
	}
	if !b.state.Unsettled() {
		t.Fatal("the state is settled while the rest is held back")
	}
	resting = nil
	rebuild(t, b, replaceIn(t, root, "content/guides/glossary.md", "\n\n", "\n\nA new first line.\n\n")...)
	b.Finish()
	b.index.Wait()
	sameTrees(t, "body after an unpublished rest", fullBuild(t, root), readTree(t, dest))
}
