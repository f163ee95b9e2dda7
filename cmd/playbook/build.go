package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/health"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/gcbudget"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	var watch bool
	var poll time.Duration
	var warningsFile string
	fs := newFlagSet("build", "build [flags]", stderr)
	f.register(fs, "public")
	fs.BoolVar(&watch, "watch", false, "keep running and rebuild into the destination on every change (no server)")
	fs.StringVar(&warningsFile, "warnings", "", "write every warning and error, one a line, to `FILE` (the terminal gets a grouped summary)")
	fs.DurationVar(&poll, "poll", 0, "with --watch: poll for changes every `INTERVAL` (e.g. 500ms) instead of using file events")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "playbook build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if code := f.checkSource("build", stderr); code >= 0 {
		return code
	}
	f.opts.Destination = resolveDest(f.opts.Source, f.opts.Destination)
	f.opts.Extras = health.NewExtras(f.opts.Source)
	if watch {
		return watchBuild(ctx, f.opts, poll, stdout, stderr)
	}
	gc := gcbudget.Start(minHeapBudget)
	defer gc.Stop()
	f.opts.Loaded = func(pages int) { gc.SetBudget(heapBudget(pages)) }
	res, err := pipeline.Build(ctx, f.opts)
	if warningsFile != "" && res != nil {
		if werr := writeWarnings(warningsFile, res.Diagnostics); werr != nil {
			fmt.Fprintf(stderr, "playbook build: %v\n", werr)
			return exitUsage
		}
	}
	return report(res, err, f.opts, stdout, stderr)
}

// The heap a one-off build may grow to before the collector runs at Go's
// default pace (see internal/gcbudget). It grows with the site: a 10k-page
// build's live heap peaks at about 17 KiB a page, so a budget of 24 KiB a
// page saves most collections without raising the peak.
const (
	minHeapBudget  = 64 << 20
	heapBudgetPage = 24 << 10
)

func heapBudget(pages int) uint64 {
	return max(minHeapBudget, uint64(pages)*heapBudgetPage)
}

// resolveDest makes a relative destination relative to the site root.
func resolveDest(source, dest string) string {
	if filepath.IsAbs(dest) {
		return dest
	}
	return filepath.Join(source, dest)
}

// report prints diagnostics and the summary and returns the exit code.
func report(res *pipeline.Result, err error, opts pipeline.Options, stdout, stderr io.Writer) int {
	if res != nil {
		printDiagnostics(stderr, res.Diagnostics, opts.Strict)
	}
	if err != nil {
		var list diag.List
		switch {
		case errors.As(err, &list):
			n := len(list)
			fmt.Fprintf(stderr, "Build failed with %d %s; %s was left as it was.\n", n, plural(n, "error", "errors"), opts.Destination)
		case errors.Is(err, context.Canceled):
			fmt.Fprintf(stderr, "Build interrupted; %s was left as it was.\n", opts.Destination)
		default:
			fmt.Fprintf(stderr, "error: %v\nBuild failed; %s was left as it was.\n", err, opts.Destination)
		}
		return exitBuild
	}
	if !opts.Quiet {
		printSummary(stdout, res, opts)
	}
	return exitOK
}

// A build lists every warning when there are few; with more than
// maxWarnings it prints them grouped by kind, the first warningsPerKind
// of each (`--warnings FILE` writes them all).
const (
	maxWarnings     = 20
	warningsPerKind = 5
)

func printDiagnostics(w io.Writer, diags diag.List, strict bool) {
	if strict {
		diags = diags.Strict()
	}
	warnings := diags.Warnings()
	for _, d := range diags.Errors() {
		fmt.Fprintln(w, d.Error())
	}
	if len(warnings) <= maxWarnings {
		for _, d := range warnings {
			fmt.Fprintln(w, d.Error())
		}
		return
	}
	if left := health.WriteWarningSummary(w, warnings, warningsPerKind); left > 0 {
		fmt.Fprintf(w, "%d warnings in all: --warnings FILE writes every one, playbook check groups them by owner\n", len(warnings))
	}
}

// writeWarnings writes every diagnostic of a build, one a line, to file.
func writeWarnings(file string, diags diag.List) error {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Error())
		b.WriteByte('\n')
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("--warnings: %w", err)
	}
	return nil
}

func printSummary(w io.Writer, res *pipeline.Result, opts pipeline.Options) {
	st := res.Stats
	var types []string
	for t := range st.PagesByType {
		types = append(types, t)
	}
	sort.Strings(types)
	var parts []string
	for _, t := range types {
		parts = append(parts, fmt.Sprintf("%d %s", st.PagesByType[t], t))
	}
	if len(parts) == 0 {
		parts = []string{"none"}
	}
	warnings := len(res.Diagnostics.Warnings())
	fmt.Fprintf(w, "%s\n", versionLine())
	fmt.Fprintf(w, "  pages     %s\n", strings.Join(parts, " · "))
	fmt.Fprintf(w, "  lists     %d sections · %d terms · %d aliases\n", st.Sections, st.Terms, st.Aliases)
	fmt.Fprintf(w, "  files     %d written · %d stale removed → %s\n", st.Files, st.Removed, opts.Destination)
	fmt.Fprintf(w, "  warnings  %d\n", warnings)
	if st.GitNote != "" {
		fmt.Fprintf(w, "  git       %s\n", st.GitNote)
	}
	fmt.Fprintf(w, "  built in  %s\n", res.Elapsed.Round(time.Millisecond))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func versionLine() string { return "playbook v" + pipeline.Version }
