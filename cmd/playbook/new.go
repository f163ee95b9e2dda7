package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/playbookhq/playbook/generator/archetype"
	"github.com/playbookhq/playbook/generator/config"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	var source string
	fs := newFlagSet("new", `new [flags] TYPE "Title"   (TYPE: playbook, guide, case-study, page)`, stderr)
	for _, name := range []string{"s", "source"} {
		fs.StringVar(&source, name, ".", "site root `DIR`")
	}
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, `playbook new: want TYPE and "Title", e.g. playbook new playbook "Quarterly pipeline review"`)
		return exitUsage
	}
	cfg, diags := config.Load(os.DirFS(source))
	if diags.HasErrors() {
		printDiagnostics(stderr, diags, false)
		return exitBuild
	}
	path, err := archetype.Create(source, cfg, fs.Arg(0), fs.Arg(1), time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "playbook new: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "Created %s\n", path)
	return exitOK
}
