package main

import (
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() { scriptCmds["main-html"] = mainHTML }

// mainHTML writes the <main> element of an HTML page, each line trimmed
// and blank lines dropped, to a file a script can compare with a golden
// one: "main-html public/owners/index.html owners.got". The page's
// chrome (header, sidebar, footer) stays out of the comparison.
func mainHTML(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: main-html PAGE OUT")
	}
	page := ts.ReadFile(args[0])
	start := strings.Index(page, "<main")
	end := strings.Index(page, "</main>")
	if start < 0 || end < start {
		ts.Fatalf("%s has no <main> element", args[0])
	}
	var out strings.Builder
	for _, line := range strings.Split(page[start:end+len("</main>")], "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out.WriteString(line + "\n")
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(out.String()), 0o644))
}
