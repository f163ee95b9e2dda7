package markdown

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// lexerEntry is a cached lexer lookup; lexer is nil for unknown languages.
// fast is set when the lexer can run in the fast loop.
type lexerEntry struct {
	lexer chroma.Lexer
	fast  *fastLexer
	name  string
}

// maxCachedLexers bounds the lexer cache, which is keyed by the language
// names authors write.
const maxCachedLexers = 1024

var (
	lexerCache     sync.Map // lower-case language → *lexerEntry
	lexerCacheSize atomic.Int32
	// fastLexers holds one prepared fast loop per chroma lexer (a bounded
	// set), however many names lead to it; nil when it has none.
	fastLexers sync.Map // chroma.Lexer → *fastLexer
)

// lookupLexer returns the lexer for a code block's language, or nil when
// there is none worth using.
func lookupLexer(lang string) *lexerEntry {
	if lang == "" {
		return nil
	}
	key := strings.ToLower(lang)
	if e, ok := lexerCache.Load(key); ok {
		return e.(*lexerEntry).orNil()
	}
	e := findLexer(key)
	if lexerCacheSize.Load() < maxCachedLexers {
		if _, loaded := lexerCache.LoadOrStore(key, e); !loaded {
			lexerCacheSize.Add(1)
		}
	}
	return e.orNil()
}

func (e *lexerEntry) orNil() *lexerEntry {
	if e.lexer == nil {
		return nil
	}
	return e
}

// findLexer asks chroma's registry; plain text counts as no lexer.
func findLexer(lang string) *lexerEntry {
	l := lexers.Get(lang)
	if l == nil || l.Config() == nil || l.Config().Name == "plaintext" {
		return &lexerEntry{}
	}
	return &lexerEntry{lexer: l, fast: fastLexerFor(l), name: l.Config().Name}
}

// fastLexerFor returns the fast loop for l, preparing it on first use; nil
// if l cannot use it (chroma's own loop then runs).
func fastLexerFor(l chroma.Lexer) *fastLexer {
	if f, ok := fastLexers.Load(l); ok {
		return f.(*fastLexer)
	}
	f, err := newFastLexer(l)
	if err != nil {
		f = nil
	}
	actual, _ := fastLexers.LoadOrStore(l, f)
	return actual.(*fastLexer)
}
