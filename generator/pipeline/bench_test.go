package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBuildSample builds the repository's sample site. Set
// PLAYBOOK_BENCH_SITE to a site root (for example a corpus made by
// ../shared/bench/gencorpus.py) to benchmark a bigger site.
func BenchmarkBuild(b *testing.B) {
	src := os.Getenv("PLAYBOOK_BENCH_SITE")
	if src == "" {
		src = filepath.Join("..", "..")
	}
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		res, err := Build(context.Background(), Options{Source: src, Destination: dest, Quiet: true})
		if err != nil {
			b.Fatalf("build failed: %v", err)
		}
		b.ReportMetric(float64(res.Pages), "pages")
	}
}
