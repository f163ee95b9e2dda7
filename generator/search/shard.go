package search

import (
	"context"

	"github.com/playbookhq/playbook/internal/parallel"
)

// shardLevel is the gzip level of shards. Measured on the shards of the
// 10k-page corpus (2.4 MB): level 4 is 2.4% bigger than level 6 at a third
// of the time (0.14 s against 0.44 s of CPU), level 9 only 0.6% smaller
// than level 6 at four times its time.
const shardLevel = 4

// shardTarget is the uncompressed size at which a shard is closed. A term
// bigger than this (a word on most pages) gets a shard of its own.
const shardTarget = 24 << 10

// shard is a run of consecutive terms stored in one file.
type shard struct {
	lo, hi string // smallest and largest stem or word inside
	data   []byte // gzip-compressed
	name   string
}

// encodeTerm writes one term; prev is the previous stem in the shard.
//
//	stem (front-coded against prev)
//	uvarint count, then each surface word front-coded against the stem
//	doc id deltas (count first), then one score byte per doc
func encodeTerm(e *encoder, prev string, t *term) {
	e.suffix(prev, t.stem)
	e.uvarint(uint64(len(t.surfaces)))
	for _, s := range t.surfaces {
		e.suffix(t.stem, s)
	}
	e.docList(t.docs)
	e.buf = append(e.buf, t.scores...)
}

// shardTerms cuts the sorted terms into shards of about shardTarget bytes.
// A shard file is: uvarint term count, then the terms.
func shardTerms(terms []*term) []shard {
	var out []shard
	var body encoder
	var cur shard
	count, prev := 0, ""
	flush := func() {
		if count == 0 {
			return
		}
		var head encoder
		head.uvarint(uint64(count))
		cur.data = append(head.buf, body.buf...)
		out = append(out, cur)
		cur, body.buf, count, prev = shard{}, nil, 0, ""
	}
	for _, t := range terms {
		if count > 0 && len(body.buf) >= shardTarget {
			flush()
		}
		encodeTerm(&body, prev, t)
		prev = t.stem
		cur.widen(t.stem)
		for _, s := range t.surfaces {
			cur.widen(s)
		}
		count++
	}
	flush()
	compressShards(out)
	return out
}

// compressShards gzips and names the shards on all cores.
func compressShards(shards []shard) {
	parallel.For(context.Background(), len(shards), func(_, i int) {
		shards[i].data = gzipBytes(shards[i].data, shardLevel)
		shards[i].name = contentHash(shards[i].data)
	})
}

// widen extends the shard's key range to hold s.
func (s *shard) widen(w string) {
	if s.lo == "" && s.hi == "" {
		s.lo, s.hi = w, w
		return
	}
	s.lo, s.hi = min(s.lo, w), max(s.hi, w)
}
