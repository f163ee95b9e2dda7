package search

import (
	"encoding/binary"
	"slices"
)

// Field weights of BM25F: how much one occurrence in a field counts
// compared with one in the body. A title occurrence also earns titleBonus.
const (
	weightBody    = 1
	weightTag     = 2 // tags, teams, type, type fields, description
	weightHeading = 4
	weightTitle   = 4
)

// posting is one term's occurrence summary in one page, before scoring.
type posting struct {
	stem  uint32 // worker-local stem id until merged
	tf    uint32 // field-weighted term frequency
	title bool   // the term occurs in the title
}

// analyzed is one page reduced to what scoring needs. Its postings are
// packed (see packPosting): every page's postings stay in memory until
// the whole site is indexed, and packed they take a third of the space.
type analyzed struct {
	worker   int
	length   int // words in the page
	postings []byte
}

// packPosting appends e as two unsigned varints: stem, then tf<<1 | title.
func packPosting(buf []byte, e posting) []byte {
	buf = binary.AppendUvarint(buf, uint64(e.stem))
	flag := uint64(0)
	if e.title {
		flag = 1
	}
	return binary.AppendUvarint(buf, uint64(e.tf)<<1|flag)
}

// each calls fn for every posting of the page.
func (a *analyzed) each(fn func(posting)) {
	buf := a.postings
	for len(buf) > 0 {
		stem, n := binary.Uvarint(buf)
		buf = buf[n:]
		v, m := binary.Uvarint(buf)
		buf = buf[m:]
		fn(posting{stem: uint32(stem), tf: uint32(v >> 1), title: v&1 == 1})
	}
}

// vocab is one worker's dictionary of folded words and their stems.
type vocab struct {
	surface *wordTable // folded word → stem id
	stemID  map[string]uint32
	stems   []string
	surfs   map[uint32][]string // stem id → words that differ from the stem
	recent  *recentWords
}

// recentWords remembers the stem ids of the words of up to 16 bytes looked
// up last, one per slot: a text's few hundred common words then come from
// 80 KB that stay in the core's cache, not from the whole vocabulary's table.
type recentWords struct {
	keys [1 << recentBits]wordKey
	ids  [1 << recentBits]uint32
}

const recentBits = 12

// wordKey packs a word of 1 to 16 bytes into two numbers; it differs
// between words (words hold no zero bytes) and is never zero.
type wordKey struct{ lo, hi uint64 }

// keyOf returns w's wordKey, or false for a word longer than 16 bytes.
func keyOf(w []byte) (wordKey, bool) {
	if len(w) > 16 {
		return wordKey{}, false
	}
	var b [16]byte
	copy(b[:], w)
	return wordKey{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}, true
}

func newVocab() *vocab {
	return &vocab{surface: newWordTable(), stemID: map[string]uint32{}, surfs: map[uint32][]string{}, recent: new(recentWords)}
}

// lookup returns the stem id of a folded word, learning it on first sight.
func (v *vocab) lookup(w []byte, cjk bool) (uint32, bool) {
	k, ok := keyOf(w)
	if !ok || len(w) == 0 {
		return v.lookupTable(w, cjk)
	}
	i := ((k.lo ^ k.hi*0xff51afd7ed558ccd) * 0x9e3779b97f4a7c15) >> (64 - recentBits)
	if v.recent.keys[i] == k {
		id := v.recent.ids[i]
		return id, id != skipID
	}
	id, ok := v.lookupTable(w, cjk)
	v.recent.keys[i], v.recent.ids[i] = k, id
	if !ok {
		v.recent.ids[i] = skipID
	}
	return id, ok
}

// lookupTable is lookup without the recent words.
func (v *vocab) lookupTable(w []byte, cjk bool) (uint32, bool) {
	if id, ok := v.surface.get(w); ok {
		return id, id != skipID
	}
	word := string(w)
	if !cjk && IsStopWord(word) {
		v.surface.put(w, skipID)
		return 0, false
	}
	stem := word
	if !cjk {
		stem = Stem(word)
	}
	id, ok := v.stemID[stem]
	if !ok {
		id = uint32(len(v.stems))
		v.stemID[stem] = id
		v.stems = append(v.stems, stem)
	}
	if stem != word {
		v.surfs[id] = append(v.surfs[id], word)
	}
	v.surface.put(w, id)
	return id, true
}

// skipID marks stop words in vocab.surface.
const skipID = ^uint32(0)

// accumulator sums the weighted term frequencies of one page.
type accumulator struct {
	v        *vocab
	worker   int // index of v among the indexer's vocabularies
	tf       []uint32
	title    []bool
	touched  []uint32
	length   int
	scratch  []byte // packed postings of the page being taken
	compound []byte // the joined compound being counted
}

func (a *accumulator) add(text string, weight uint32, title bool) {
	Tokenize(text, func(w []byte, cjk bool) {
		if id, ok := a.v.lookup(w, cjk); ok {
			a.count(id, weight, title)
			a.length++
		}
	})
	a.compound = compounds(text, a.compound, func(w []byte) { a.addWord(w, weight, title) })
}

// addWord counts one more word that Tokenize did not give (a hyphenated
// compound joined), without counting it in the page's length.
func (a *accumulator) addWord(w []byte, weight uint32, title bool) {
	if id, ok := a.v.lookup(w, false); ok {
		a.count(id, weight, title)
	}
}

// count adds weight to the term id's frequency on the page.
func (a *accumulator) count(id uint32, weight uint32, title bool) {
	for int(id) >= len(a.tf) {
		a.tf = append(a.tf, 0)
		a.title = append(a.title, false)
	}
	if a.tf[id] == 0 && !a.title[id] {
		a.touched = append(a.touched, id)
	}
	a.tf[id] += weight
	a.title[id] = a.title[id] || title
}

// take returns the page's postings and resets the accumulator.
func (a *accumulator) take() analyzed {
	a.scratch = a.scratch[:0]
	for _, id := range a.touched {
		a.scratch = packPosting(a.scratch, posting{stem: id, tf: a.tf[id], title: a.title[id]})
		a.tf[id], a.title[id] = 0, false
	}
	out := analyzed{worker: a.worker, length: a.length, postings: slices.Clone(a.scratch)}
	a.touched, a.length = a.touched[:0], 0
	return out
}

func (a *accumulator) doc(d *Doc) {
	a.add(d.Title, weightTitle, true)
	a.add(d.Description, weightTag, false)
	a.add(d.TypeTitle, weightTag, false)
	for _, s := range d.Tags {
		a.add(s, weightTag, false)
	}
	for _, s := range d.Teams {
		a.add(s, weightTag, false)
	}
	for _, k := range sortedKeys(d.Fields) {
		a.add(d.Fields[k], weightTag, false)
	}
	for _, s := range d.Sections {
		a.add(s.Title, weightHeading, false)
		a.add(s.Text, weightBody, false)
		a.add(s.Code, weightBody, false) // found by search, never shown (see newFragment)
	}
}
