package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/health"
)

// checkFlags are the flags of `playbook check`.
type checkFlags struct {
	opts   health.RunOptions
	format string
	failOn string
	only   string
	now    string
	prefix string
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f checkFlags
	fs := newFlagSet("check", "check [flags]", stderr)
	for _, name := range []string{"s", "source"} {
		fs.StringVar(&f.opts.Source, name, ".", "site root `DIR` (holds config.toml and content/)")
	}
	for _, name := range []string{"D", "buildDrafts"} {
		fs.BoolVar(&f.opts.BuildDrafts, name, false, "check drafts as published pages")
	}
	fs.StringVar(&f.format, "format", "text", "output `FORMAT`: text, json, github (workflow annotations) or gitlab (Code Quality report)")
	fs.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding of this `LEVEL` or worse is found: error, warning or none")
	fs.StringVar(&f.only, "only", "", "report only these comma-separated `KINDS` (e.g. broken-link,review-overdue)")
	fs.StringVar(&f.now, "now", "", "measure ages and review deadlines to `DATE` (2006-01-02) instead of today")
	fs.StringVar(&f.prefix, "path-prefix", "auto", "`PREFIX` of the site root inside the repository for github and gitlab paths (auto: asked of git)")
	fs.BoolVar(&f.opts.NoGit, "no-git", false, "do not read change dates from git")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "playbook check: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if msg := f.validate(); msg != "" {
		fmt.Fprintf(stderr, "playbook check: %s\n", msg)
		return exitUsage
	}
	r, err := health.Run(ctx, f.opts)
	if err != nil {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitBuild
	}
	if err := f.write(stdout, r); err != nil {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitBuild
	}
	if r.Fails(f.failOn) {
		return exitBuild
	}
	return exitOK
}

// validate checks the flag values and fills opts; it returns a message
// for the first bad one.
func (f *checkFlags) validate() string {
	switch f.format {
	case "text", "json", "github", "gitlab":
	default:
		return fmt.Sprintf("--format %q: want text, json, github or gitlab", f.format)
	}
	switch f.failOn {
	case "error", "warning", "none":
	default:
		return fmt.Sprintf("--fail-on %q: want error, warning or none", f.failOn)
	}
	if f.only != "" {
		for _, name := range strings.Split(f.only, ",") {
			k, ok := health.KindByName(strings.TrimSpace(name))
			if !ok {
				return fmt.Sprintf("--only: unknown kind %q (kinds: %s)", name, kindNames())
			}
			f.opts.Only = append(f.opts.Only, k)
		}
	}
	if f.now != "" {
		t, err := time.Parse(time.DateOnly, f.now)
		if err != nil {
			return fmt.Sprintf("--now %q: want a date like 2026-03-14", f.now)
		}
		f.opts.Now = t
	}
	return ""
}

func kindNames() string {
	var names []string
	for _, k := range health.Kinds {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// write prints the report in the chosen format.
func (f *checkFlags) write(w io.Writer, r *health.Report) error {
	switch f.format {
	case "json":
		return health.WriteJSON(w, r)
	case "github":
		return health.WriteGitHub(w, r, f.pathPrefix())
	case "gitlab":
		return health.WriteGitLab(w, r, f.pathPrefix())
	}
	return health.WriteText(w, r, isTerminal(w))
}

// pathPrefix is the site root's folder inside its git repository, so
// annotations name files as the repository does.
func (f *checkFlags) pathPrefix() string {
	if f.prefix != "auto" {
		if f.prefix != "" && !strings.HasSuffix(f.prefix, "/") {
			return f.prefix + "/"
		}
		return f.prefix
	}
	out, err := exec.Command("git", "-C", f.opts.Source, "rev-parse", "--show-prefix").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// isTerminal reports whether w is a terminal that wants colour (NO_COLOR
// unset).
func isTerminal(w io.Writer) bool {
	file, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return false
	}
	st, err := file.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
