package serve

import (
	"testing"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// TestFilesChanged checks the count a rebuild's line ends with, and that
// a split build says the other pages follow.
func TestFilesChanged(t *testing.T) {
	for _, c := range []struct {
		res  pipeline.Result
		want string
	}{
		{pipeline.Result{}, "0 files changed"},
		{pipeline.Result{Written: []string{"a/index.html"}}, "1 file changed"},
		{pipeline.Result{Written: []string{"a/index.html", "b/index.html"}}, "2 files changed"},
		{pipeline.Result{Written: []string{"a/index.html"}, Rest: true}, "1 file changed; the other pages follow in the background"},
	} {
		if got := filesChanged(&c.res); got != c.want {
			t.Errorf("filesChanged(%v, rest %v) = %q; want %q", c.res.Written, c.res.Rest, got, c.want)
		}
	}
}
