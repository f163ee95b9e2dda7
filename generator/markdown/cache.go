package markdown

import "sync"

// highlightCacheLimit bounds the bytes (code plus HTML) one generation of
// the highlight cache holds; at most two generations are kept.
const highlightCacheLimit = 16 << 20

// highlighted remembers the HTML of highlighted code blocks, so that a
// rebuild (playbook serve) or a snippet repeated across pages does not run
// chroma's lexers again. It is a two-generation cache: when the current
// generation is full it becomes the old one and the previous old one is
// dropped; a hit in the old generation moves the entry back.
var highlighted = newHighlightCache(highlightCacheLimit)

type highlightCache struct {
	limit int

	mu       sync.RWMutex
	cur, old map[string][]byte
	curBytes int
}

func newHighlightCache(limit int) *highlightCache {
	return &highlightCache{limit: limit, cur: map[string][]byte{}}
}

// highlightKey identifies a code block by lexer and text.
func highlightKey(lexerName string, code []byte) string {
	return lexerName + "\x00" + string(code)
}

// get returns the cached HTML for key.
func (c *highlightCache) get(key string) ([]byte, bool) {
	c.mu.RLock()
	html, ok := c.cur[key]
	if ok {
		c.mu.RUnlock()
		return html, true
	}
	html, ok = c.old[key]
	c.mu.RUnlock()
	if ok {
		c.put(key, html)
	}
	return html, ok
}

// put stores html for key, starting a new generation when the current one
// is full. Entries larger than the whole limit are not kept.
func (c *highlightCache) put(key string, html []byte) {
	size := len(key) + len(html)
	if size > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.cur[key]; ok {
		return
	}
	if c.curBytes+size > c.limit {
		c.old, c.cur, c.curBytes = c.cur, map[string][]byte{}, 0
	}
	c.cur[key] = html
	c.curBytes += size
}
