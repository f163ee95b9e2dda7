package health

import (
	"fmt"
	"io"
	"sort"
)

// ANSI colours for a terminal.
const (
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiReset  = "\x1b[0m"
)

// NoOwner is the group of findings about pages without an owner.
const NoOwner = "(no owner)"

// WriteText writes the report for people: findings grouped by kind, then
// by owner, each group with its count, every finding listed. color adds
// ANSI colours (for a terminal only).
func WriteText(w io.Writer, r *Report, color bool) error {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	for _, g := range groupByKind(r.Findings) {
		fmt.Fprintf(w, "%s %s\n", paint(ansiBold, string(g.kind)), countLine(g.items))
		for _, og := range groupByOwner(g.items) {
			fmt.Fprintf(w, "  %s (%d)\n", og.owner, len(og.items))
			for _, f := range og.items {
				fmt.Fprintf(w, "    %s\n", colorFinding(f, paint))
			}
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	s := r.Summary
	_, err := fmt.Fprintf(w, "%d %s · %d %s · %d %s\n", s.Errors, plural(s.Errors, "error", "errors"),
		s.Warnings, plural(s.Warnings, "warning", "warnings"), s.Notices, plural(s.Notices, "notice", "notices"))
	return err
}

func colorFinding(f Finding, paint func(code, s string) string) string {
	code := ansiCyan
	switch f.Severity {
	case SevError:
		code = ansiRed
	case SevWarning:
		code = ansiYellow
	}
	s := paint(code, string(f.Severity)) + ": " + f.Message
	if f.File != "" {
		s = f.Pos().String() + ": " + s
	}
	return s
}

// countLine says "3 in 2 files" of a group.
func countLine(fs []Finding) string {
	files := map[string]bool{}
	for _, f := range fs {
		if f.File != "" {
			files[f.File] = true
		}
	}
	return fmt.Sprintf("%d in %d %s", len(fs), len(files), plural(len(files), "file", "files"))
}

type kindGroup struct {
	kind  Kind
	items []Finding
}

// groupByKind splits sorted findings into runs of one kind.
func groupByKind(fs []Finding) []kindGroup {
	var gs []kindGroup
	for _, f := range fs {
		if len(gs) == 0 || gs[len(gs)-1].kind != f.Kind {
			gs = append(gs, kindGroup{kind: f.Kind})
		}
		gs[len(gs)-1].items = append(gs[len(gs)-1].items, f)
	}
	return gs
}

type ownerGroup struct {
	owner string
	items []Finding
}

// groupByOwner groups findings by owner, most findings first, keeping
// their order within a group.
func groupByOwner(fs []Finding) []ownerGroup {
	idx := map[string]int{}
	var gs []ownerGroup
	for _, f := range fs {
		o := f.Owner
		if o == "" {
			o = NoOwner
		}
		i, ok := idx[o]
		if !ok {
			i = len(gs)
			idx[o] = i
			gs = append(gs, ownerGroup{owner: o})
		}
		gs[i].items = append(gs[i].items, f)
	}
	sort.SliceStable(gs, func(i, j int) bool {
		if len(gs[i].items) != len(gs[j].items) {
			return len(gs[i].items) > len(gs[j].items)
		}
		return gs[i].owner < gs[j].owner
	})
	return gs
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
