package pipeline

import (
	"bytes"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/site"
)

// Rendered keeps each page's Markdown result between the live preview's
// builds, so that a build after a structural edit (a title, tags, a new,
// deleted or renamed page) renders again only the pages whose Markdown
// can come out differently: those whose file changed and those whose
// links now resolve differently. Pages with shortcodes, whose output may
// read the site model, are always rendered. It is safe for concurrent use.
type Rendered struct {
	mu    sync.Mutex
	pages map[string]*renderedPage // by source path below content/
	// spaces are the namespaces by name (site.Names) of the last models,
	// by their sums (site.Site.Namespace), and changed what changed from
	// one of them to another (worked out once): a page whose links have
	// none of the changed names takes its targets from the new model
	// without resolving them again.
	spaces  map[uint64]site.Names
	order   []uint64 // spaces' keys, oldest first
	changed map[[2]uint64]map[string]bool
}

// maxSpaces bounds the namespaces Rendered remembers.
const maxSpaces = 4

// renderedPage is one page's Markdown result and what it was made from.
type renderedPage struct {
	hash        uint64 // the source file's hash (content.Page.Hash)
	bodyLine    int
	titleFromH1 bool
	calls       []resolverCall // the link resolver's answers, in call order
	res         markdown.Result
	parts       *recordParts // the record's parts made from res
	// resolvedIn is where the links were last resolved: the model's
	// namespace (site.Site.Namespace), the page's URL and source folder;
	// targets are what they resolved to there. A model with the same
	// namespace resolves them alike, to the pages at the same URLs.
	resolvedIn resolvedIn
	targets    resolved
	// names are the names (site.NameOf) of the paths of the page's links;
	// anyName is set when one has none, and the links then resolve again
	// whenever the namespace changes.
	names   []string
	anyName bool
}

// resolvedIn is where a page's links were resolved (see renderedPage).
type resolvedIn struct {
	namespace    uint64
	url, fromDir string
}

// where returns where p's links resolve in model.
func where(model *site.Site, p *site.Page) resolvedIn {
	return resolvedIn{namespace: model.Namespace(), url: p.URL, fromDir: site.SourceDir(p)}
}

// resolverCall is one answer of the link resolver.
type resolverCall struct {
	dest, url string
	ok        bool
}

// NewRendered returns an empty store of Markdown results.
func NewRendered() *Rendered { return &Rendered{pages: map[string]*renderedPage{}} }

// get returns the kept result for a page, nil when there is none.
func (c *Rendered) get(path string) *renderedPage {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pages[path]
}

// put keeps a page's result; res.HTML is copied (it lives in a pooled buffer).
func (c *Rendered) put(path string, e *renderedPage) {
	if c == nil {
		return
	}
	e.res.HTML = bytes.Clone(e.res.HTML)
	e.names, e.anyName = linkNames(e.calls)
	c.mu.Lock()
	c.pages[path] = e
	c.mu.Unlock()
}

// resolvedAgain keeps, for the next build, where a page's links resolved in
// this one: e with them, in place of e (which other builds may read).
func (c *Rendered) resolvedAgain(path string, e *renderedPage, in resolvedIn, targets resolved) {
	if c == nil {
		return
	}
	again := *e
	again.resolvedIn, again.targets = in, slices.Clone(targets)
	c.mu.Lock()
	if c.pages[path] == e {
		c.pages[path] = &again
	}
	c.mu.Unlock()
}

// keep drops the results of pages no longer in the model.
func (c *Rendered) keep(pages []*site.Page) {
	if c == nil {
		return
	}
	live := make(map[string]bool, len(pages))
	for _, p := range pages {
		if p.Src != nil {
			live[p.Src.Path] = true
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.pages {
		if !live[k] {
			delete(c.pages, k)
		}
	}
}

// linkNames returns the names of the paths of a page's links (see
// site.NameOf), each once; any is true when a path has none. Links that
// do not parse, go elsewhere or only name a fragment read no entry of the
// namespace.
func linkNames(calls []resolverCall) (names []string, any bool) {
	for _, c := range calls {
		u, err := url.Parse(c.dest)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(c.dest, "//") || u.Path == "" {
			continue
		}
		name, ok := site.NameOf(u.Path)
		if !ok {
			return nil, true
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names, false
}

// remember keeps model's namespace by name, for pages resolved in it
// (worked out only when it is not the last one's).
func (c *Rendered) remember(model *site.Site) {
	if c == nil {
		return
	}
	ns := model.Namespace()
	c.mu.Lock()
	_, known := c.spaces[ns]
	c.mu.Unlock()
	if known {
		return
	}
	names := model.Names()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.spaces == nil {
		c.spaces = map[uint64]site.Names{}
	}
	if len(c.order) == maxSpaces {
		delete(c.spaces, c.order[0])
		c.order = c.order[1:]
		c.changed = nil
	}
	c.spaces[ns] = names
	c.order = append(c.order, ns)
}

// changedNames returns the names whose entries changed between the
// namespaces from and to; ok is false when one of them is not remembered.
func (c *Rendered) changedNames(from, to uint64) (changed map[string]bool, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pair := [2]uint64{from, to}
	if changed, ok := c.changed[pair]; ok {
		return changed, true
	}
	a, okA := c.spaces[from]
	b, okB := c.spaces[to]
	if !okA || !okB {
		return nil, false
	}
	if c.changed == nil {
		c.changed = map[[2]uint64]map[string]bool{}
	}
	changed = a.Changed(b)
	c.changed[pair] = changed
	return changed, true
}

// recordingResolver wraps a link resolver and notes its answers.
func recordingResolver(next markdown.LinkResolver, calls *[]resolverCall) markdown.LinkResolver {
	return func(dest string) (string, bool) {
		url, ok := next(dest)
		*calls = append(*calls, resolverCall{dest, url, ok})
		return url, ok
	}
}

// reuse returns the targets of e's links in model for page p when model
// resolves them as the model they were resolved in did: the same page URL
// and source folder, and the same namespace or (c remembering both) none
// of the names of e's links changed between them. Each page is the new
// model's page at the same URL. ok is false when they must be resolved
// again.
func (e *renderedPage) reuse(c *Rendered, model *site.Site, p *site.Page) (targets resolved, ok bool) {
	now := where(model, p)
	was := e.resolvedIn
	if was == (resolvedIn{}) || was.url != now.url || was.fromDir != now.fromDir {
		return nil, false
	}
	if was.namespace != now.namespace {
		changed, ok := c.changedNames(was.namespace, now.namespace)
		if !ok || e.anyName || slices.ContainsFunc(e.names, func(n string) bool { return changed[n] }) {
			return nil, false
		}
	}
	targets = make(resolved, len(e.targets))
	for i, l := range e.targets {
		targets[i] = l
		if old := l.target.Page; old != nil {
			now := model.ByURL(old.URL)
			if !site.SamePage(old, now) {
				return nil, false
			}
			targets[i].target.Page = now
		}
	}
	return targets, true
}

// replays reports whether e's resolver answers are the same under the
// current model, asking resolve again for each (which also records the
// targets for link checking).
func (e *renderedPage) replays(resolve markdown.LinkResolver) bool {
	for _, c := range e.calls {
		url, ok := resolve(c.dest)
		if url != c.url || ok != c.ok {
			return false
		}
	}
	return true
}
