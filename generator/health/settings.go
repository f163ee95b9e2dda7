package health

import (
	"fmt"
	"sort"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
)

// Settings are the [health] table of config.toml.
type Settings struct {
	// ReviewEvery is how often a page must be reviewed (front matter
	// `reviewed`); zero turns review tracking off.
	ReviewEvery time.Duration
	// ByType and BySection override ReviewEvery for a content type or a
	// top-level section; a page's own `review_every` overrides both.
	ByType, BySection map[string]time.Duration
	DueWithin         time.Duration // "review due" this long before the deadline
	StaleAfter        time.Duration // unchanged longer than this is stale; zero turns it off
	OwnerOverdue      int           // owners with more overdue pages than this are named
	ListsAreLinks     bool          // a page listed on its section's page is not an orphan
	Page              bool          // write the health page /health/
	ReviewNotice      bool          // typed pages show "Review due" when overdue
}

// Day is 24 hours, the unit of review intervals.
const Day = config.Day

// DefaultSettings are the settings of a site without a [health] table.
func DefaultSettings() Settings {
	return Settings{DueWithin: 30 * Day, StaleAfter: config.DefaultStaleAfter, OwnerOverdue: 5, ListsAreLinks: true}
}

// ParseSettings reads cfg.Health over the defaults. Unknown keys and bad
// values are warnings at config.toml.
func ParseSettings(cfg *config.Config) (Settings, diag.List) {
	s := DefaultSettings()
	var diags diag.List
	bad := func(key string, err error) {
		diags = append(diags, diag.Warnf(diag.Pos{File: config.FileName}, "[health] %s: %w", key, err))
	}
	keys := make([]string, 0, len(cfg.Health))
	for k := range cfg.Health {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := cfg.Health[k]
		var err error
		switch k {
		case "reviewEvery":
			err = set(&s.ReviewEvery, v, ageValue)
		case "dueWithin":
			err = set(&s.DueWithin, v, ageValue)
		case "staleAfter":
			err = set(&s.StaleAfter, v, ageValue)
		case "ownerOverdue":
			err = set(&s.OwnerOverdue, v, intValue)
		case "listsAreLinks":
			err = set(&s.ListsAreLinks, v, boolValue)
		case "page":
			err = set(&s.Page, v, boolValue)
		case "reviewNotice":
			err = set(&s.ReviewNotice, v, boolValue)
		case "types":
			err = set(&s.ByType, v, ageTable)
		case "sections":
			err = set(&s.BySection, v, ageTable)
		default:
			err = fmt.Errorf("unknown key")
		}
		if err != nil {
			bad(k, err)
		}
	}
	return s, diags
}

// set stores the value read from v in dst, leaving dst as it was when v
// is bad.
func set[T any](dst *T, v any, read func(any) (T, error)) error {
	x, err := read(v)
	if err == nil {
		*dst = x
	}
	return err
}

// ParseAge reads an age such as "180d", "6w", "1y" (365 days) or a Go
// duration ("36h"). "0" and "" mean off. See config.ParseAge.
func ParseAge(s string) (time.Duration, error) { return config.ParseAge(s) }

func ageValue(v any) (time.Duration, error) {
	s, ok := v.(string)
	if !ok {
		return 0, fmt.Errorf("want an age like \"180d\", got %v", v)
	}
	return ParseAge(s)
}

func ageTable(v any) (map[string]time.Duration, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want a table of ages")
	}
	out := map[string]time.Duration{}
	for k, x := range m {
		d, err := ageValue(x)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		out[k] = d
	}
	return out, nil
}

func intValue(v any) (int, error) {
	n, ok := v.(int64)
	if !ok || n < 0 {
		return 0, fmt.Errorf("want a whole number, got %v", v)
	}
	return int(n), nil
}

func boolValue(v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("want true or false, got %v", v)
	}
	return b, nil
}
