package pipeline

import (
	"os"
	"sync/atomic"
)

// htmlSpill holds single pages' rendered Markdown in one unnamed temporary
// file while a one-off build waits for every page's links ("Referenced by"
// needs them all before any page's template runs). Held in memory instead,
// 10k pages' HTML raised the build's peak memory by about a third; in the
// file it costs the kernel's page cache, not the process's heap. The file
// is removed as soon as it is created (on Unix), so nothing is left behind
// even when the build is killed.
type htmlSpill struct {
	f    *os.File
	name string // removed on Close where an open file cannot be removed
	end  atomic.Int64
}

// spillSpan is where one page's HTML sits in the spill file.
type spillSpan struct{ off, n int64 }

// openSpill creates the spill file, or returns nil when it cannot: the
// HTML then stays in memory.
func openSpill() *htmlSpill {
	f, err := os.CreateTemp("", "playbook-html-*")
	if err != nil {
		return nil
	}
	s := &htmlSpill{f: f}
	if os.Remove(f.Name()) != nil {
		s.name = f.Name()
	}
	return s
}

// put appends html to the file; ok is false when it could not be written.
func (s *htmlSpill) put(html []byte) (at spillSpan, ok bool) {
	n := int64(len(html))
	off := s.end.Add(n) - n
	if _, err := s.f.WriteAt(html, off); err != nil {
		return spillSpan{}, false
	}
	return spillSpan{off, n}, true
}

// get reads back what put wrote at at.
func (s *htmlSpill) get(at spillSpan) ([]byte, error) {
	buf := make([]byte, at.n)
	_, err := s.f.ReadAt(buf, at.off)
	return buf, err
}

// Close closes (and where needed removes) the file.
func (s *htmlSpill) Close() {
	s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
}
