// Package diag carries build diagnostics: errors and warnings with their
// source position kept as data, collected across a whole build and printed
// as "file:line:col: message".
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Pos is a position in a source file. Line and Col are 1-based; zero means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out unknown parts.
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Severity tells an error from a warning.
type Severity int

const (
	// Error stops the build from being published.
	Error Severity = iota
	// Warning is reported but does not fail the build unless strict mode is on.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	Err      error // the underlying cause, if any
}

// Error formats the diagnostic as "file:line:col: message".
func (d *Diagnostic) Error() string {
	prefix := ""
	if d.Severity == Warning {
		prefix = "warning: "
	}
	if d.Pos.File == "" {
		return prefix + d.Msg
	}
	return d.Pos.String() + ": " + prefix + d.Msg
}

// Unwrap returns the underlying cause.
func (d *Diagnostic) Unwrap() error { return d.Err }

// Errorf builds an error diagnostic at pos.
func Errorf(pos Pos, format string, args ...any) *Diagnostic {
	err := fmt.Errorf(format, args...)
	return &Diagnostic{Pos: pos, Severity: Error, Msg: err.Error(), Err: errors.Unwrap(err)}
}

// Warnf builds a warning diagnostic at pos.
func Warnf(pos Pos, format string, args ...any) *Diagnostic {
	d := Errorf(pos, format, args...)
	d.Severity = Warning
	return d
}

// List is a set of diagnostics. It is itself an error when it holds any errors.
type List []*Diagnostic

// Error prints every diagnostic on its own line, sorted by position.
func (l List) Error() string {
	sorted := append(List(nil), l...)
	sorted.Sort()
	var b strings.Builder
	for i, d := range sorted {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Sort orders the diagnostics by file, line and column, then message.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return l[i].Msg < l[j].Msg
	})
}

// Errors returns only the diagnostics of Error severity.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the diagnostics of Warning severity.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Strict returns a copy in which every warning has become an error.
func (l List) Strict() List {
	out := make(List, len(l))
	for i, d := range l {
		c := *d
		c.Severity = Error
		out[i] = &c
	}
	return out
}

// Collector gathers diagnostics from many goroutines.
type Collector struct {
	mu   sync.Mutex
	list List
}

// Add records diagnostics; nil entries are skipped.
func (c *Collector) Add(ds ...*Diagnostic) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, d := range ds {
		if d != nil {
			c.list = append(c.list, d)
		}
	}
}

// AddList records every diagnostic of l.
func (c *Collector) AddList(l List) { c.Add(l...) }

// List returns the diagnostics collected so far, sorted by position.
func (c *Collector) List() List {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append(List(nil), c.list...)
	out.Sort()
	return out
}
