package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// badCase is one parsed case of the bad-input corpus.
type badCase struct {
	what       string            // the first comment line: what the case is
	args       []string          // the playbook command line of the run
	exit       int               // the exit code the run must give
	timeout    time.Duration     // the run is killed (and fails) after this
	skipRoot   bool              // permissions mean nothing to root
	noPosition string            // why errors may lack file:line, or ""
	before     map[string][]byte // written before the baseline build
	after      map[string][]byte // written after it, before the run
	setup      []badDirective    // symlink, chmod, rm: applied before the run
	checks     []badDirective    // stderr, exists, output: checked after it
}

// badDirective is one directive line of a case, e.g. `stderr REGEXP`.
type badDirective struct {
	neg  bool // written with a leading "!"
	verb string
	args []string
	line int // line in the case's comment, for messages
	re   *regexp.Regexp
}

// badVerbs maps each directive to its argument count (-1: one or more).
var badVerbs = map[string]int{
	"run": -1, "exit": 1, "timeout": 1, "skip-root": 0, "noposition": -1,
	"stderr": -1, "exists": 1, "output": -1,
	"symlink": 2, "chmod": 2, "rm": 1,
}

// parseBadCase reads a case's comment directives and files.
func parseBadCase(ar *txtar.Archive) (*badCase, error) {
	c := &badCase{args: []string{"build"}, exit: 1, timeout: 60 * time.Second,
		before: map[string][]byte{}, after: map[string][]byte{}}
	for i, raw := range strings.Split(string(ar.Comment), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if c.what == "" {
			c.what = line
			continue
		}
		d, err := parseBadDirective(line, i+1)
		if err != nil {
			return nil, err
		}
		if err := c.apply(d); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
	}
	if c.what == "" {
		return nil, fmt.Errorf("the comment must start with a line saying what the case is")
	}
	for _, f := range ar.Files {
		if rest, ok := strings.CutPrefix(f.Name, "before/"); ok {
			c.before[rest] = f.Data
		} else {
			c.after[f.Name] = f.Data
		}
	}
	return c, nil
}

// parseBadDirective splits a directive line into verb and arguments. The
// last argument of stderr and output is a regular expression that may hold
// spaces; it is everything after the verb (and the path, for output).
func parseBadDirective(line string, n int) (badDirective, error) {
	d := badDirective{line: n}
	if rest, ok := strings.CutPrefix(line, "!"); ok {
		d.neg, line = true, rest
	}
	verb, rest, _ := strings.Cut(line, " ")
	want, ok := badVerbs[verb]
	if !ok {
		return d, fmt.Errorf("line %d: unknown directive %q", n, verb)
	}
	d.verb = verb
	rest = strings.TrimSpace(rest)
	switch verb {
	case "stderr":
		d.args = []string{rest}
	case "output":
		path, re, _ := strings.Cut(rest, " ")
		d.args = []string{path, strings.TrimSpace(re)}
	case "noposition":
		d.args = []string{rest}
	default:
		d.args = strings.Fields(rest)
	}
	if want >= 0 && len(d.args) != want || want < 0 && (len(d.args) == 0 || d.args[0] == "") {
		return d, fmt.Errorf("line %d: %s takes %d arguments", n, verb, want)
	}
	if verb == "stderr" || verb == "output" && d.args[1] != "" {
		re, err := regexp.Compile("(?m)" + d.args[len(d.args)-1])
		if err != nil {
			return d, fmt.Errorf("line %d: %w", n, err)
		}
		d.re = re
	}
	return d, nil
}

// apply records a parsed directive on the case.
func (c *badCase) apply(d badDirective) error {
	var err error
	switch d.verb {
	case "run":
		c.args = d.args
	case "exit":
		c.exit, err = strconv.Atoi(d.args[0])
	case "timeout":
		c.timeout, err = time.ParseDuration(d.args[0])
	case "skip-root":
		c.skipRoot = true
	case "noposition":
		c.noPosition = d.args[0]
	case "symlink", "chmod", "rm":
		c.setup = append(c.setup, d)
	default:
		c.checks = append(c.checks, d)
	}
	return err
}

// isRoot reports whether the test runs as the superuser.
func isRoot() bool { return os.Geteuid() == 0 }

// hasPanic reports whether output shows a Go panic or fatal error.
func hasPanic(out []byte) bool {
	return bytes.Contains(out, []byte("panic:")) || bytes.Contains(out, []byte("goroutine ")) ||
		bytes.Contains(out, []byte("fatal error:"))
}
