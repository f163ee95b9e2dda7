package view

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/playbookhq/playbook/generator/render"
)

// viewSeed seeds view sums: they are compared within one process only.
var viewSeed = maphash.MakeSeed()

// sums computes the sums of views, each site view's and taxonomy view's
// once (every term page of a taxonomy shares its view, with every term).
type sums struct {
	mu    sync.Mutex
	sites map[siteKey]uint64
	taxes map[taxKey]uint64
	// cards keeps the sum of each summary that has a card cache (*render.CardCache → uint64):
	// the maker makes one per page and shares it across lists, related
	// pages and passes, and never changes it after.
	cards  sync.Map
	nCards atomic.Int64
}

// maxCardSums bounds the kept summary sums of a long-running preview
// (each body edit makes its page a new summary).
const maxCardSums = 200_000

// reading says which of the parts that many views share a layout may
// read (see render.Theme.Reads): only those count in its views' sums.
type reading struct {
	taxonomies bool // the site's taxonomies, every term with its count
	terms      bool // the terms of the page's own taxonomy (term pages)
	// chromed is set when the site's menu and sections reach the page
	// only through its chrome (render.Theme.ReadsDirectly): they then
	// count as the chrome's drawings (see Renderer.PageChrome) instead.
	chromed bool
}

// reading returns what the layout of view may read of the shared parts,
// worked out once per layout (each view of a layout's kind and type, see
// render.Candidates): every page's key and sum asks.
func (r *Renderer) reading(view *render.Page) reading {
	k := layoutKey{view.Kind, view.Type, view.Redirect != ""}
	if v, ok := r.readings.Load(k); ok {
		return v.(reading)
	}
	reads := reading{taxonomies: r.theme.Reads(view, "Taxonomies"), terms: r.theme.Reads(view, "Terms"),
		chromed: !r.theme.ReadsDirectly(view, "Menu") && !r.theme.ReadsDirectly(view, "Sections")}
	r.readings.Store(k, reads)
	return reads
}

// layoutKey names the layout of a view: what render.Candidates reads.
type layoutKey struct {
	kind     render.Kind
	typ      string
	redirect bool
}

// taxKey is a taxonomy view, summed with its terms or without them.
type taxKey struct {
	tax   *render.Taxonomy
	terms bool
}

// siteKey is a site view, summed with its taxonomies or without them (for
// layouts that never read them: see render.Theme.Reads), with its menu
// and sections or without them (chromed: see reading).
type siteKey struct {
	site       *render.Site
	taxonomies bool
	chromed    bool
}

// of returns a sum of everything a template can read from v: the same
// sum, with the same theme, means the same output. contentSum, when not
// 0, is HTMLSum of v.Content, taken instead of reading it. Templates read only
// their data (render's data contract) and pure helpers. The site's
// taxonomies (every term with its count), and the terms of the page's
// taxonomy, count only when the layout may read them (reads): a new tag
// then changes only the pages that show them. ok is false for data the
// sum cannot take (a func or channel in a page's parameters).
func (s *sums) of(v *render.Page, reads reading, contentSum uint64) (sum uint64, ok bool) {
	var h maphash.Hash
	h.SetSeed(viewSeed)
	shallow := *v
	shallow.Site, shallow.Taxonomy = nil, nil
	if contentSum != 0 { // the caller knows the content's sum (Text.HTMLSum)
		shallow.Content = ""
		maphash.WriteComparable(&h, contentSum)
	}
	if !s.hashValue(&h, reflect.ValueOf(&shallow).Elem()) {
		return 0, false
	}
	site, ok := s.site(siteKey{v.Site, reads.taxonomies, reads.chromed})
	if !ok {
		return 0, false
	}
	maphash.WriteComparable(&h, site)
	maphash.WriteComparable(&h, s.taxonomy(taxKey{v.Taxonomy, reads.terms}))
	return h.Sum64(), true
}

// taxonomy returns the sum of a taxonomy view (0 for none), with its
// terms or without them, computed once per view and key. A taxonomy view
// holds only strings and numbers: every value can be summed.
func (s *sums) taxonomy(k taxKey) uint64 {
	if k.tax == nil {
		return 0
	}
	sum, _ := cachedSum(s, &s.taxes, k, func() (uint64, bool) {
		v := *k.tax
		if !k.terms {
			v.Terms = nil
		}
		sum, ok := s.valueSum(reflect.ValueOf(&v).Elem())
		return sum | 1, ok // never 0, the sum of none
	})
	return sum
}

// site returns the sum of a site view, computed once per view and key.
func (s *sums) site(k siteKey) (uint64, bool) {
	if k.site == nil {
		return 0, true
	}
	return cachedSum(s, &s.sites, k, func() (uint64, bool) {
		v := *k.site
		if !k.taxonomies {
			v.Taxonomies = nil
		}
		if k.chromed {
			v.Menu, v.Sections = nil, nil
		}
		return s.valueSum(reflect.ValueOf(&v).Elem())
	})
}

// cachedSum returns (*cache)[k], worked out by sum on first use (under
// s.mu; a sum that fails is not kept).
func cachedSum[K comparable](s *sums, cache *map[K]uint64, k K, sum func() (uint64, bool)) (uint64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := (*cache)[k]; ok {
		return v, true
	}
	v, ok := sum()
	if !ok {
		return 0, false
	}
	if *cache == nil {
		*cache = map[K]uint64{}
	}
	(*cache)[k] = v
	return v, true
}

// valueSum returns the sum of v alone; ok is false when it cannot be summed.
func (s *sums) valueSum(v reflect.Value) (uint64, bool) {
	var h maphash.Hash
	h.SetSeed(viewSeed)
	if !s.hashValue(&h, v) {
		return 0, false
	}
	return h.Sum64(), true
}

var (
	timeType = reflect.TypeFor[time.Time]()
	// A summary's card cache holds what a template drew from the summary,
	// not data of its own.
	cardCacheType = reflect.TypeFor[*render.CardCache]()
	summaryType   = reflect.TypeFor[render.Summary]()
	summaryCard   = fieldIndex(summaryType, "Card")
	// keyFields are the view types whose Key field, when set, stands for
	// every other field (a card's summary, an owner's entry): type → the
	// field's index.
	keyFields = map[reflect.Type]int{
		summaryType:                     fieldIndex(summaryType, "Key"),
		reflect.TypeFor[render.Owner](): fieldIndex(reflect.TypeFor[render.Owner](), "Key"),
	}
	// fieldsOf keeps each struct type's exported fields (type → []int),
	// nil when it has unexported ones.
	fieldsOf sync.Map
)

// fieldIndex returns the index of struct type t's field name.
func fieldIndex(t reflect.Type, name string) int {
	f, _ := t.FieldByName(name)
	return f.Index[0]
}

// exported returns the indexes of t's fields, false when some field is
// unexported (the sum could not see it).
func exported(t reflect.Type) ([]int, bool) {
	if f, ok := fieldsOf.Load(t); ok {
		return f.([]int), f.([]int) != nil
	}
	var idx []int
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			idx = nil
			break
		}
		idx = append(idx, i)
	}
	if idx == nil && t.NumField() > 0 {
		fieldsOf.Store(t, []int(nil))
		return nil, false
	}
	fieldsOf.Store(t, idx)
	return idx, true
}

// hashValue writes v into h with its shape (lengths, nil or not), so
// that different values make different streams. Map keys go in sorted
// order. It returns false for kinds it cannot take.
func (s *sums) hashValue(h *maphash.Hash, v reflect.Value) bool {
	var n [8]byte
	num := func(u uint64) {
		binary.LittleEndian.PutUint64(n[:], u)
		h.Write(n[:])
	}
	switch v.Kind() {
	case reflect.String:
		str := v.String()
		num(uint64(len(str)))
		if len(str) > 32 { // hashed in place rather than copied through h's buffer
			num(maphash.String(viewSeed, str))
		} else {
			h.WriteString(str)
		}
	case reflect.Bool:
		if v.Bool() {
			num(1)
		} else {
			num(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		num(v.Uint())
	case reflect.Float32, reflect.Float64:
		num(math.Float64bits(v.Float()))
	case reflect.Pointer, reflect.Interface:
		if v.Type() == cardCacheType {
			return true
		}
		if v.IsNil() {
			num(0)
			return true
		}
		num(1)
		if v.Kind() == reflect.Interface {
			h.WriteString(v.Elem().Type().String())
		}
		return s.hashValue(h, v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			num(math.MaxUint64)
			return true
		}
		num(uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 && v.Kind() == reflect.Slice {
			h.Write(v.Bytes())
			return true
		}
		for i := range v.Len() {
			if !s.hashValue(h, v.Index(i)) {
				return false
			}
		}
	case reflect.Map:
		return s.hashMap(h, v, num)
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Interface().(time.Time)
			b, _ := t.MarshalBinary()
			h.Write(b)
			h.WriteString(t.Location().String())
			return true
		}
		if i, ok := keyFields[v.Type()]; ok {
			if key := v.Field(i).String(); key != "" { // it says everything the value shows
				num(uint64(len(key)))
				h.WriteString(key)
				return true
			}
		}
		if v.Type() == summaryType {
			if sum, ok := s.summary(v); ok {
				num(sum)
				return true
			}
		}
		idx, ok := exported(v.Type())
		if !ok {
			return false
		}
		for _, i := range idx {
			if !s.hashValue(h, v.Field(i)) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// hashMap writes a map's entries in the order of their keys (strings).
func (s *sums) hashMap(h *maphash.Hash, v reflect.Value, num func(uint64)) bool {
	if v.Type().Key().Kind() != reflect.String {
		return false
	}
	if v.IsNil() {
		num(math.MaxUint64)
		return true
	}
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int {
		switch {
		case a.String() < b.String():
			return -1
		case a.String() > b.String():
			return 1
		}
		return 0
	})
	num(uint64(len(keys)))
	for _, k := range keys {
		num(uint64(k.Len()))
		h.WriteString(k.String())
		if !s.hashValue(h, v.MapIndex(k)) {
			return false
		}
	}
	return true
}

// summary returns the sum of a summary (v) that has a card cache, summed
// once per card cache; ok is false without one, or when the summary
// cannot be summed.
func (s *sums) summary(v reflect.Value) (uint64, bool) {
	card := v.Field(summaryCard).Interface().(*render.CardCache)
	if card == nil {
		return 0, false
	}
	if sum, ok := s.cards.Load(card); ok {
		return sum.(uint64), true
	}
	sm := v.Interface().(render.Summary)
	sm.Card = nil
	sum, ok := s.valueSum(reflect.ValueOf(sm))
	if !ok {
		return 0, false
	}
	if s.nCards.Add(1) > maxCardSums {
		s.cards.Clear()
		s.nCards.Store(0)
	}
	s.cards.Store(card, sum)
	return sum, true
}
