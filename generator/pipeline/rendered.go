package pipeline

import (
	"bytes"
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
}

// renderedPage is one page's Markdown result and what it was made from.
type renderedPage struct {
	hash        uint64 // the source file's hash (content.Page.Hash)
	bodyLine    int
	titleFromH1 bool
	calls       []resolverCall // the link resolver's answers, in call order
	res         markdown.Result
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
	c.mu.Lock()
	c.pages[path] = e
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

// recordingResolver wraps a link resolver and notes its answers.
func recordingResolver(next markdown.LinkResolver, calls *[]resolverCall) markdown.LinkResolver {
	return func(dest string) (string, bool) {
		url, ok := next(dest)
		*calls = append(*calls, resolverCall{dest, url, ok})
		return url, ok
	}
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
