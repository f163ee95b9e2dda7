package markdown

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
)

// ShortcodeTemplates runs a site's own shortcodes: templates at
// layouts/shortcodes/NAME.html. The render stage implements it; markdown
// only calls it.
type ShortcodeTemplates interface {
	// Has reports whether a template exists for the shortcode name.
	Has(name string) bool
	// Execute runs the template of name with dot (a *Shortcode) and
	// writes its output to w.
	Execute(w io.Writer, name string, dot any) error
}

// PageContext tells shortcodes about the page being rendered. Every field
// may be left empty.
type PageContext struct {
	// File is the page's path as reported in diagnostics (for .Position).
	File string
	// Page returns .Page for shortcode templates; it is called at most
	// once per page, and only when a template runs.
	Page func() any
	// Site is .Site for shortcode templates.
	Site any
	// Param looks up a parameter for the param shortcode: the page's front
	// matter first, then the site's params (keys may be dotted: "a.b").
	Param func(key string) (any, bool)
}

// Shortcode is the dot of a shortcode template, with the methods of
// Hugo's contract: .Get, .Inner, .Params, .IsNamedParams, .Page, .Site,
// .Parent, .Name, .Ordinal and .Position.
type Shortcode struct {
	name    string
	args    []scArg
	inner   string
	parent  *Shortcode
	ordinal int
	pos     string
	page    *pageData
}

// pageData is the per-page context shared by the page's shortcodes.
type pageData struct {
	ctx    *PageContext
	view   any
	viewOK bool
}

// Name returns the shortcode's name.
func (s *Shortcode) Name() string { return s.name }

// Get returns an argument by position (an int) or by name (a string); ""
// when there is none.
func (s *Shortcode) Get(key any) any {
	switch k := key.(type) {
	case int:
		return s.positional(k)
	case int64:
		return s.positional(int(k))
	case string:
		if n, err := strconv.Atoi(k); err == nil && !s.IsNamedParams() {
			return s.positional(n)
		}
		for _, a := range s.args {
			if a.key == k {
				return a.val
			}
		}
	}
	return ""
}

func (s *Shortcode) positional(n int) any { return positionalArg(s.args, n) }

// positionalArg returns the nth argument without a name, "" when there is none.
func positionalArg(args []scArg, n int) string {
	i := 0
	for _, a := range args {
		if a.key != "" {
			continue
		}
		if i == n {
			return a.val
		}
		i++
	}
	return ""
}

// Params returns the named arguments as a map, or the positional ones as
// a list when there are no named ones.
func (s *Shortcode) Params() any {
	if s.IsNamedParams() {
		m := make(map[string]any, len(s.args))
		for _, a := range s.args {
			if a.key != "" {
				m[a.key] = a.val
			}
		}
		return m
	}
	l := make([]any, 0, len(s.args))
	for _, a := range s.args {
		l = append(l, a.val)
	}
	return l
}

// IsNamedParams reports whether the shortcode was called with named
// arguments.
func (s *Shortcode) IsNamedParams() bool {
	for _, a := range s.args {
		if a.key != "" {
			return true
		}
	}
	return false
}

// Inner returns the content between the opening and closing tags, with
// the shortcodes inside it already expanded.
func (s *Shortcode) Inner() template.HTML { return template.HTML(s.inner) } //nolint:gosec // the author's own content

// Parent returns the shortcode this one is nested in, or nil.
func (s *Shortcode) Parent() *Shortcode { return s.parent }

// Ordinal returns the shortcode's zero-based index among its siblings
// (the page's shortcodes for top-level ones).
func (s *Shortcode) Ordinal() int { return s.ordinal }

// Position returns "file:line:col" of the shortcode's opening tag.
func (s *Shortcode) Position() string { return s.pos }

// Page returns the page the shortcode is on (see PageContext.Page).
func (s *Shortcode) Page() any {
	d := s.page
	if d == nil || d.ctx == nil || d.ctx.Page == nil {
		return nil
	}
	if !d.viewOK {
		d.view, d.viewOK = d.ctx.Page(), true
	}
	return d.view
}

// Site returns the site (see PageContext.Site).
func (s *Shortcode) Site() any {
	if s.page == nil || s.page.ctx == nil {
		return nil
	}
	return s.page.ctx.Site
}

// arg returns the named argument key, or the positional argument n when
// n >= 0 and there is no such name.
func (t *scTag) arg(key string, n int) string {
	for _, a := range t.args {
		if a.key == key {
			return a.val
		}
	}
	if n < 0 {
		return ""
	}
	return positionalArg(t.args, n)
}

// countMsg words how often a name was used.
func countMsg(n int) string {
	if n == 1 {
		return "used once"
	}
	return fmt.Sprintf("used %d times", n)
}

// sortedNames returns the keys of m in order.
func sortedNames(m map[string]int) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
