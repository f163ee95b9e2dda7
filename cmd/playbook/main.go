// Command playbook builds collaboration playbooks, strategy guides and case
// studies written in Markdown into a searchable static site.
//
// Usage:
//
//	playbook build [flags]      build the site into public/
//	playbook serve [flags]      build, serve and rebuild on every change
//	playbook check [flags]      report content health (links, reviews, owners)
//	playbook new TYPE "Title"   start a page from its type's archetype
//	playbook version            print the version
//	playbook help [command]     show help
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes.
const (
	exitOK    = 0
	exitBuild = 1 // the site has errors
	exitUsage = 2 // the command line is wrong
)

// stopSignals stop a command cleanly (a build throws its staging folder
// away and leaves the destination as it was): Ctrl-C, and SIGTERM from
// `kill`, a service manager or a CI runner. A second one kills.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a command line and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "serve", "server":
		return runServe(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	case "help", "-h", "--help":
		return runHelp(rest, stdout, stderr)
	}
	fmt.Fprintf(stderr, "playbook: unknown command %q\n\n", cmd)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `playbook turns Markdown playbooks, guides and case studies into a searchable static site.

Usage:
  playbook build [flags]       build the site into public/
  playbook serve [flags]       preview on http://127.0.0.1:1313/, rebuilding on every change
  playbook check [flags]       report broken links, overdue reviews, stale and unowned pages
  playbook new TYPE "Title"    create a page (TYPE: playbook, guide, case-study) from its archetype
  playbook version             print the version
  playbook help COMMAND        show a command's flags

Run 'playbook COMMAND --help' for the flags of a command.
`)
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	return run(context.Background(), []string{args[0], "--help"}, stdout, stderr)
}
