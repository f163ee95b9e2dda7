package rebuild

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// BenchmarkBodyEdit times the rebuild after a body edit of one page (the
// live preview's common case) on PLAYBOOK_BENCH_SITE or the sample site.
// The background search-index refresh is waited for outside the timer.
func BenchmarkBodyEdit(b *testing.B) {
	bl, page, file, orig := benchPreview(b, pipeline.Options{InPlace: true})
	i := 0
	for b.Loop() {
		b.StopTimer()
		bl.index.Wait()
		i++
		os.WriteFile(file, append(append([]byte{}, orig...), fmt.Sprintf("\n\nEdit %d.\n", i)...), 0o644)
		b.StartTimer()
		if _, err := bl.Build(context.Background(), []string{"content/" + page}); err != nil {
			b.Fatal(err)
		}
	}
	bl.index.Wait()
}

// BenchmarkTitleEdit times the rebuild after a title edit of one page (a
// structural edit: lists, terms and neighbours change) on
// PLAYBOOK_BENCH_SITE or the sample site.
func BenchmarkTitleEdit(b *testing.B) {
	bl, page, file, orig := benchPreview(b, pipeline.Options{InPlace: true, Quiet: true})
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		os.WriteFile(file, bytes.Replace(orig, []byte(`title = "`), fmt.Appendf(nil, `title = "Retitled %d `, i), 1), 0o644)
		b.StartTimer()
		if _, err := bl.Build(context.Background(), []string{"content/" + page}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSplitTitleEdit times what the live preview waits for after a
// title edit: the first part of a split build (Options.DeferPages), on
// PLAYBOOK_BENCH_SITE or the sample site. The rest, the deferred pages
// and the search index are waited for outside the timer.
func BenchmarkSplitTitleEdit(b *testing.B) {
	bl, page, file, orig := benchPreview(b, pipeline.Options{InPlace: true, Quiet: true, Private: true, DeferPages: true})
	i := 0
	for b.Loop() {
		b.StopTimer()
		bl.Finish()
		bl.index.Wait()
		i++
		os.WriteFile(file, bytes.Replace(orig, []byte(`title = "`), fmt.Appendf(nil, `title = "Retitled %d `, i), 1), 0o644)
		b.StartTimer()
		res, err := bl.Build(context.Background(), []string{"content/" + page})
		if err != nil {
			b.Fatal(err)
		}
		if !res.Rest {
			b.Fatal("the title edit was not split")
		}
	}
	bl.Finish()
}

// benchPreview builds a copy of PLAYBOOK_BENCH_SITE (or the sample site)
// with a Builder of opts (source and destination set here) and returns
// it, with the first regular page's content path, file and bytes.
func benchPreview(b *testing.B, opts pipeline.Options) (bl *Builder, page, file string, orig []byte) {
	b.Helper()
	src := os.Getenv("PLAYBOOK_BENCH_SITE")
	if src == "" {
		src = filepath.Join("..", "..")
	}
	root := b.TempDir()
	if err := os.CopyFS(root, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	opts.Source, opts.Destination = root, filepath.Join(b.TempDir(), "out")
	bl = newBuilder(b, opts)
	if _, err := bl.Build(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	page = bl.state.Last.Model().Regular()[0].Src.Path
	file = filepath.Join(root, "content", filepath.FromSlash(page))
	orig, _ = os.ReadFile(file)
	return bl, page, file, orig
}
