package search

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"sync"
)

// hashLen is the number of hex digits of SHA-256 kept in file names.
const hashLen = 12

// contentHash names a file after its content.
func contentHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:hashLen]
}

// encoder appends the compact binary forms the browser decodes:
// unsigned LEB128 varints and length-prefixed UTF-8 strings.
type encoder struct{ buf []byte }

func (e *encoder) uvarint(x uint64) { e.buf = binary.AppendUvarint(e.buf, x) }

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// suffix writes s as the length of the prefix it shares with prev plus the
// rest (front coding): sorted terms share long prefixes.
func (e *encoder) suffix(prev, s string) {
	n := commonPrefix(prev, s)
	e.uvarint(uint64(n))
	e.str(s[n:])
}

// docList writes ascending doc ids as deltas.
func (e *encoder) docList(ids []uint32) {
	e.uvarint(uint64(len(ids)))
	last := uint32(0)
	for _, id := range ids {
		e.uvarint(uint64(id - last))
		last = id
	}
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// gzipPools keeps compressors for reuse: a new one allocates about 1 MB.
var gzipPools sync.Map // level → *sync.Pool of *gzip.Writer

// gzipBytes compresses data deterministically (no name, no time stamp).
// level must be a valid compress/gzip level.
func gzipBytes(data []byte, level int) []byte {
	pool, _ := gzipPools.LoadOrStore(level, &sync.Pool{})
	var b bytes.Buffer
	b.Grow(len(data)/3 + 64)
	w, _ := pool.(*sync.Pool).Get().(*gzip.Writer)
	if w == nil {
		w, _ = gzip.NewWriterLevel(&b, level)
	} else {
		w.Reset(&b)
	}
	w.Write(data)
	w.Close()
	pool.(*sync.Pool).Put(w)
	return b.Bytes()
}
