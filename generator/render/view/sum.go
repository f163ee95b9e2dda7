package view

import (
	"encoding/json"
	"hash/maphash"
	"sync"

	"github.com/playbookhq/playbook/generator/render"
)

// viewSeed seeds view sums: they are compared within one process only.
var viewSeed = maphash.MakeSeed()

// sums computes the sums of views, each site view's once.
type sums struct {
	mu    sync.Mutex
	sites map[*render.Site]uint64
}

// of returns a sum of everything a template can read from v: the same
// sum, with the same theme, means the same output. Templates read only
// their data (render's data contract) and pure helpers.
func (s *sums) of(v *render.Page) (uint64, error) {
	var h maphash.Hash
	h.SetSeed(viewSeed)
	shallow := *v
	shallow.Site, shallow.Content = nil, ""
	if err := json.NewEncoder(&h).Encode(&shallow); err != nil {
		return 0, err
	}
	h.WriteString(string(v.Content))
	site, err := s.site(v.Site)
	if err != nil {
		return 0, err
	}
	maphash.WriteComparable(&h, site)
	return h.Sum64(), nil
}

// site returns the sum of a site view, computed once per view.
func (s *sums) site(v *render.Site) (uint64, error) {
	if v == nil {
		return 0, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if sum, ok := s.sites[v]; ok {
		return sum, nil
	}
	var h maphash.Hash
	h.SetSeed(viewSeed)
	if err := json.NewEncoder(&h).Encode(v); err != nil {
		return 0, err
	}
	if s.sites == nil {
		s.sites = map[*render.Site]uint64{}
	}
	s.sites[v] = h.Sum64()
	return s.sites[v], nil
}
