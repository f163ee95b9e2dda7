package main

import (
	"context"
	"os"
	"os/signal"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run this binary as the "playbook" command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"playbook": func() {
			// As in main: Ctrl-C (or kill -INT in a script) and SIGTERM stop cleanly.
			ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
			code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
	})
}

// TestScripts runs the CLI scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		Cmds:          scriptCmds,
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}
