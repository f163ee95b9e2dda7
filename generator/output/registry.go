package output

import (
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/diag"
)

// Owner is what makes an output file: a description for messages ("theme
// file themes/default/static/css/main.css", `url "/x/"`) and the source
// position that makes it (File alone when there is no line).
type Owner struct {
	What string
	Pos  diag.Pos
	// Chose is set when a setting chose the path (a page's url, an
	// alias): a collision is reported there, where it is fixed.
	Chose bool
}

func (o Owner) String() string {
	if o.Pos.File == "" || strings.Contains(o.What, o.Pos.File) {
		return o.What
	}
	return o.What + " (" + o.Pos.String() + ")"
}

// Registry is the one list of a build's output paths and what makes each.
// Every writer claims its paths before writing; a path claimed twice is a
// collision, reported at the second claim and naming the first.
type Registry struct {
	mu       sync.Mutex
	owners   map[string]Owner
	prefixes []prefixClaim
}

type prefixClaim struct {
	prefix string
	owner  Owner
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{owners: map[string]Owner{}} }

// Claim records that o makes rel (a slash path inside the destination).
// When another owner made it first, the path stays theirs and the
// returned error, at o's position, names both.
func (r *Registry) Claim(rel string, o Owner) *diag.Diagnostic {
	r.mu.Lock()
	defer r.mu.Unlock()
	if first, ok := r.owners[rel]; ok {
		return collision(rel, first, o)
	}
	for _, p := range r.prefixes {
		if strings.HasPrefix(rel, p.prefix) {
			return collision(rel, p.owner, o)
		}
	}
	r.owners[rel] = o
	return nil
}

// ClaimPrefix records that o makes every path below the folder prefix
// (slash-terminated), such as the search index's files.
func (r *Registry) ClaimPrefix(prefix string, o Owner) *diag.Diagnostic {
	r.mu.Lock()
	defer r.mu.Unlock()
	for rel, first := range r.owners {
		if strings.HasPrefix(rel, prefix) {
			return collision(rel, first, o)
		}
	}
	r.prefixes = append(r.prefixes, prefixClaim{prefix, o})
	return nil
}

// Owner returns who claimed rel.
func (r *Registry) Owner(rel string) (Owner, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	o, ok := r.owners[rel]
	return o, ok
}

func collision(rel string, first, second Owner) *diag.Diagnostic {
	a, b := second, first
	if first.Chose && !second.Chose || second.Pos.Line == 0 && first.Pos.Line > 0 {
		a, b = first, second // report where it is fixed, or where there is a line
	}
	return diag.Errorf(a.Pos, "%s collides with %s: both make %s; change one of them (see \"Output paths\" in the README)", a.What, b, rel)
}

// Claims returns how many paths are claimed (prefix claims count once).
func (r *Registry) Claims() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.owners) + len(r.prefixes)
}
