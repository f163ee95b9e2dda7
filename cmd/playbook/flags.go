package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/playbookhq/playbook/generator/pipeline"
)

// siteFlags are the flags build and serve share.
type siteFlags struct {
	opts pipeline.Options
}

// register adds the shared flags, each with its short and long name.
func (f *siteFlags) register(fs *flag.FlagSet, defaultDest string) {
	for _, name := range []string{"s", "source"} {
		fs.StringVar(&f.opts.Source, name, ".", "site root `DIR` (holds config.toml and content/)")
	}
	for _, name := range []string{"d", "destination"} {
		fs.StringVar(&f.opts.Destination, name, defaultDest, "output `DIR`, relative to the site root")
	}
	fs.StringVar(&f.opts.BaseURL, "baseURL", "", "base `URL` of the published site, overriding config.toml (e.g. https://intranet.example.com/playbook/)")
	for _, name := range []string{"D", "buildDrafts"} {
		fs.BoolVar(&f.opts.BuildDrafts, name, false, "include pages marked draft")
	}
	fs.BoolVar(&f.opts.Strict, "strict", false, "treat warnings (such as broken links) as errors")
	fs.BoolVar(&f.opts.Quiet, "quiet", false, "print only warnings and errors")
}

// newFlagSet returns a flag set that prints its usage to w and does not exit.
func newFlagSet(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: playbook %s\n\nFlags (each may be written -x or --x):\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args and maps the outcome to an exit code, or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case err != nil:
		return exitUsage
	}
	return -1
}

// checkSource refuses a site root that is not a folder, so a mistyped -s
// does not build an empty site; it returns an exit code, or -1 to go on.
func (f *siteFlags) checkSource(cmd string, w io.Writer) int {
	info, err := os.Stat(f.opts.Source)
	switch {
	case err != nil:
		fmt.Fprintf(w, "playbook %s: site root -s %s: %v\n", cmd, f.opts.Source, errors.Unwrap(err))
	case !info.IsDir():
		fmt.Fprintf(w, "playbook %s: site root -s %s is not a folder\n", cmd, f.opts.Source)
	default:
		return -1
	}
	return exitUsage
}
