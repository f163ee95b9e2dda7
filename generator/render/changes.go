package render

import "time"

// The kinds of the what's-new page and the owners directory.
const (
	KindWhatsNew Kind = "whatsnew" // pages added and changed lately, by week (/whats-new/)
	KindOwners   Kind = "owners"   // every page owner and what they own (/owners/)
)

// Week is one ISO week of the what's-new page.
type Week struct {
	Title   string    // "Week of 23 November 2026"
	Start   time.Time // its Monday
	Changes []Change  // newest first
}

// Change is one page on the what's-new page.
type Change struct {
	Page Summary   // the page's card data (title, URL, type, description)
	New  bool      // added that week; else an update
	Date time.Time // its last change
	// Owner is the page's owner ("" for none) and OwnerURL the URL of
	// their entry on the owners directory.
	Owner, OwnerURL string
}

// Mark is "New" or "Updated".
func (c Change) Mark() string {
	if c.New {
		return "New"
	}
	return "Updated"
}

// Owner is one entry of the owners directory.
type Owner struct {
	Name    string
	ID      string // the entry's anchor, stable for a name ("owner-dana-reyes")
	Contact string // contact URL from config [owners], or ""
	Count   int    // pages owned
	Stale   int    // of which stale
	Groups  []OwnedGroup
	// Key, when not "", stands for every other field: entries with the
	// same key are drawn the same (the owner helper draws each key once
	// for as long as the theme is kept).
	Key string
}

// OwnedGroup is an owner's pages of one type.
type OwnedGroup struct {
	Type, TypeTitle string
	Items           []Owned
}

// Owned is one page on the owners directory and how fresh it is.
type Owned struct {
	Title, URL string
	Updated    time.Time // zero when unknown
	Stale      bool      // unchanged longer than [health] staleAfter
}
