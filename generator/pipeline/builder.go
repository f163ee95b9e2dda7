package pipeline

import (
	"context"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/layout"
)

// Builder builds a site again and again, reusing what did not change.
type Builder struct {
	opts   Options
	policy Policy

	cache *content.Cache    // parsed pages, kept between builds
	prev  map[string]uint64 // output path → hash of its bytes in the previous build
	last  *run              // the last successful build, for partial rebuilds
	index *backgroundIndex  // refreshes the search index after partial rebuilds

	commitMu sync.Mutex // one publisher at a time (partial builds, background index)
}

// NewBuilder returns a Builder for opts that keeps state for rebuilds.
func NewBuilder(opts Options) *Builder {
	b := &Builder{opts: opts, policy: Preview, cache: content.NewCache()}
	b.index = newBackgroundIndex(b)
	return b
}

// Build rebuilds the site. changed lists source paths that changed since
// the previous call (nil means everything). On errors it returns a
// diag.List as the error and leaves the previous output in place.
func (b *Builder) Build(ctx context.Context, changed []string) (*Result, error) {
	start := time.Now()
	if configChanged(changed) {
		b.cache = content.NewCache()
	}
	res, err, ok := b.partial(ctx, changed)
	if !ok {
		b.index.Drop() // a full build writes its own index
		res, err = b.full(ctx)
	}
	if ierr := b.index.Err(); ierr != nil {
		// The preview's search lags behind the pages: say so once.
		res.Diagnostics = append(res.Diagnostics, diag.Warnf(diag.Pos{}, "%v", ierr))
	}
	res.Elapsed = time.Since(start)
	return res, err
}

// Close stops the background search index and waits for it; its last
// error, if any, is returned. The Builder must not be used after.
func (b *Builder) Close() error { return b.index.Close() }

func configChanged(changed []string) bool {
	for _, c := range changed {
		if layout.Classify(c) == layout.Config {
			return true
		}
	}
	return false
}
