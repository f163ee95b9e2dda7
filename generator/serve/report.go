package serve

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/watch"
)

// reporter prints build outcomes to the terminal: the diagnostics of a
// build, then one line that ends its report ("Built", "Rebuilt" or "Build
// failed"). A diagnostic is printed once: when the next build reports it again (the writer saved another
// file, or saved the broken one unchanged), it is not repeated.
type reporter struct {
	stdout, stderr io.Writer
	builds         int
	shown          map[string]bool // diagnostics printed for the previous build
}

func newReporter(stdout, stderr io.Writer) *reporter {
	return &reporter{stdout: stdout, stderr: stderr, shown: map[string]bool{}}
}

// maxChangedShown is how many changed paths a "Changed:" line lists.
const maxChangedShown = 3

func (r *reporter) changed(b watch.Batch) {
	if b.All {
		fmt.Fprintln(r.stdout, "Changed: many files (events were lost), rebuilding everything")
		return
	}
	shown := b.Paths
	more := ""
	if len(shown) > maxChangedShown {
		more = fmt.Sprintf(" and %d more", len(shown)-maxChangedShown)
		shown = shown[:maxChangedShown]
	}
	fmt.Fprintf(r.stdout, "Changed: %s%s\n", strings.Join(shown, ", "), more)
}

func (r *reporter) built(res *pipeline.Result) {
	verb := "Rebuilt"
	if r.builds == 0 {
		verb = "Built"
	}
	r.builds++
	r.printNew(res.Diagnostics.Warnings())
	fmt.Fprintf(r.stdout, "%s %d pages in %s (%s)\n", verb, res.Pages, res.Elapsed.Round(time.Millisecond), filesChanged(res))
}

// filesChanged says how many files a build changed, and that the pages it
// left to the rest of a split build (pipeline.Result.Rest) follow.
func filesChanged(res *pipeline.Result) string {
	s := fmt.Sprintf("%d files changed", len(res.Written))
	if len(res.Written) == 1 {
		s = "1 file changed"
	}
	if res.Rest {
		s += "; the other pages follow in the background"
	}
	return s
}

// failed prints the errors not shown for the previous build, then one line
// that ends the build's report.
func (r *reporter) failed(diags diag.List) {
	r.builds++
	shownBefore := ""
	if r.printNew(diags) == 0 {
		shownBefore = ", shown above"
	}
	fmt.Fprintf(r.stderr, "Build failed (%s%s); still serving the last good site\n", plural(len(diags), "error"), shownBefore)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// printNew prints the diagnostics not printed for the previous build and
// returns how many it printed.
func (r *reporter) printNew(diags diag.List) int {
	now := make(map[string]bool, len(diags))
	printed := 0
	for _, d := range diags {
		text := d.Error()
		now[text] = true
		if !r.shown[text] {
			fmt.Fprintln(r.stderr, text)
			printed++
		}
	}
	r.shown = now
	return printed
}

func (r *reporter) machineError(err error) {
	fmt.Fprintf(r.stderr, "error: %v\n", err)
}

func (r *reporter) serverFailed(err error) {
	fmt.Fprintf(r.stderr, "error: the server stopped: %v\n", err)
}
