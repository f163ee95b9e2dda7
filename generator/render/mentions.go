package render

import (
	"html/template"
	"slices"
	"text/template/parse"
)

// readsAll in a set of names means that every name may be read.
const readsAll = "*"

// reading is what the templates of a layout's set read.
type reading struct {
	// names are every name the layout's templates read as a field or
	// method: the identifiers of field, chain and variable nodes
	// (".Site.Taxonomies", "$.Site", "(…).Title") in the layout and in
	// every template parsed with it (baseof, partials). A template reads
	// a field of its data only by naming it, or by printing a whole page
	// or site or handing it to a function (fmt prints every field): where
	// "." or a variable may hold the page or site, or a chain ends in
	// .Site, and is printed or passed on, the set holds readsAll. Go
	// helpers that read the data are accounted for by the caller.
	names map[string]bool
	// direct are the names read outside the chrome partials (see
	// chromeOnly), which the pages show only as the chrome helper draws
	// them from the site.
	direct map[string]bool
	// chromes are the partials the set draws with the chrome helper, by
	// name, in order; nil when one is named other than by a constant.
	chromes []string
}

// read walks every template of set.
func read(set *template.Template) reading {
	all, direct := map[string]bool{}, map[string]bool{}
	chromes, called := map[string]bool{}, map[string]bool{}
	named := true
	walk := func(t *template.Template, names map[string]bool) {
		if t.Tree != nil && t.Tree.Root != nil {
			w := &walker{names: names, vars: map[string]bool{"$": true}, chromes: chromes, called: called, named: &named}
			w.walk(t.Tree.Root, true) // a template's dot may be the page
		}
	}
	for _, t := range set.Templates() {
		walk(t, all)
	}
	only := chromeOnly(chromes, called, named)
	for _, t := range set.Templates() {
		if !only[t.Name()] {
			walk(t, direct)
		}
	}
	r := reading{names: all, direct: direct}
	if named {
		for name := range chromes {
			r.chromes = append(r.chromes, name)
		}
		slices.Sort(r.chromes)
	}
	return r
}

// chromeOnly returns the partials that only the chrome helper executes
// (never {{ template }}), when every chrome call names its partial.
func chromeOnly(chromes, called map[string]bool, named bool) map[string]bool {
	only := map[string]bool{}
	if !named {
		return only
	}
	for name := range chromes {
		if !called[name] {
			only[name] = true
		}
	}
	return only
}

// walker walks one template; vars says which variables may hold a whole
// page or site. It notes the partials drawn by the chrome helper
// (chromes), those executed by {{ template }} (called), and clears named
// when a chrome call does not name its partial by a constant.
type walker struct {
	names   map[string]bool
	vars    map[string]bool
	chromes map[string]bool
	called  map[string]bool
	named   *bool
}

// walk adds the names read below n; dot says whether dot may be whole.
func (w *walker) walk(n parse.Node, dot bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.walk(c, dot)
		}
	case *parse.ActionNode:
		w.pipe(n.Pipe, dot, len(n.Pipe.Decl) == 0)
	case *parse.IfNode:
		w.pipe(n.Pipe, dot, false)
		w.walk(n.List, dot)
		w.walk(n.ElseList, dot)
	case *parse.RangeNode:
		w.walk(n.List, w.pipe(n.Pipe, dot, false))
		w.walk(n.ElseList, dot)
	case *parse.WithNode:
		w.walk(n.List, w.pipe(n.Pipe, dot, false))
		w.walk(n.ElseList, dot)
	case *parse.TemplateNode:
		w.called[n.Name] = true
		if n.Pipe != nil {
			w.pipe(n.Pipe, dot, false)
		}
	}
}

// pipe adds the names p reads and notes its variables; printed says
// whether the action prints its value. It reports whether the value may
// be a whole page or site.
func (w *walker) pipe(p *parse.PipeNode, dot, printed bool) bool {
	if p == nil {
		return false
	}
	val := false
	for i, c := range p.Cmds {
		piped := val && i > 0 // the value before is passed as the last argument
		val = w.command(c, dot, piped)
	}
	if printed && val {
		w.names[readsAll] = true
	}
	for _, v := range p.Decl {
		w.vars[v.Ident[0]] = w.vars[v.Ident[0]] || val
	}
	return val
}

// command adds the names c reads and reports whether its value may be
// whole; piped says whether a whole value comes in through the pipe.
func (w *walker) command(c *parse.CommandNode, dot, piped bool) bool {
	for _, a := range c.Args {
		w.operand(a, dot)
	}
	if len(c.Args) == 1 && !piped {
		return w.whole(c.Args[0], dot)
	}
	id, call := c.Args[0].(*parse.IdentifierNode)
	anyWhole := piped
	for _, a := range c.Args[1:] {
		anyWhole = anyWhole || w.whole(a, dot)
	}
	switch {
	case call && id.Ident == "chrome": // executes a partial of the set with it
		if len(c.Args) != 3 {
			*w.named = false
		} else if name, ok := c.Args[1].(*parse.StringNode); ok {
			w.chromes[name.Text] = true
		} else {
			*w.named = false
		}
		return false
	case call && (id.Ident == "and" || id.Ident == "or"):
		return anyWhole // returns one of its arguments
	case anyWhole:
		w.names[readsAll] = true
	}
	return false
}

// operand adds the names an argument reads.
func (w *walker) operand(n parse.Node, dot bool) {
	switch n := n.(type) {
	case *parse.ChainNode:
		w.operand(n.Node, dot)
		addAll(w.names, n.Field)
	case *parse.FieldNode:
		addAll(w.names, n.Ident)
	case *parse.VariableNode:
		addAll(w.names, n.Ident[1:]) // Ident[0] is the variable itself
	case *parse.PipeNode:
		w.pipe(n, dot, false)
	}
}

// whole reports whether n may be a whole page or site: dot where dot may
// be, such a variable, a chain ending in Site, a parenthesized pipeline
// whose value may be. No template helper returns a page or site (and, or
// and index-free builtins aside), so a call's value is not.
func (w *walker) whole(n parse.Node, dot bool) bool {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.VariableNode:
		if len(n.Ident) == 1 {
			v, known := w.vars[n.Ident[0]]
			return v || !known
		}
		return n.Ident[len(n.Ident)-1] == "Site"
	case *parse.FieldNode:
		return n.Ident[len(n.Ident)-1] == "Site"
	case *parse.ChainNode:
		if len(n.Field) == 0 {
			return w.whole(n.Node, dot)
		}
		return n.Field[len(n.Field)-1] == "Site"
	case *parse.PipeNode: // parenthesized: the value of its last command
		c := n.Cmds[len(n.Cmds)-1]
		if len(c.Args) == 1 {
			return len(n.Cmds) > 1 || w.whole(c.Args[0], dot)
		}
		// The helpers return no page or site; and/or return an argument.
		id, call := c.Args[0].(*parse.IdentifierNode)
		if !call || (id.Ident != "and" && id.Ident != "or") {
			return false
		}
		for _, a := range c.Args[1:] {
			if w.whole(a, dot) {
				return true
			}
		}
		return len(n.Cmds) > 1
	}
	return false
}

func addAll(names map[string]bool, idents []string) {
	for _, id := range idents {
		names[id] = true
	}
}

// Reads reports whether the layout that renders p may read a field or
// method called name: false only when no template of its set names it
// (nor prints or passes on a whole page or site). When p has no layout
// it reports true.
func (t *Theme) Reads(p *Page, name string) bool {
	l, err := t.lookup(p)
	if err != nil {
		return true
	}
	return l.names[name] || l.names[readsAll]
}

// ReadsDirectly is Reads outside the partials only the chrome helper
// draws (the header and footer drawn from the site): a field read only
// there reaches p's page only as that HTML (see Chrome).
func (t *Theme) ReadsDirectly(p *Page, name string) bool {
	l, err := t.lookup(p)
	if err != nil || l.chromes == nil {
		return true
	}
	return l.direct[name] || l.direct[readsAll]
}
