package config

import (
	"fmt"

	"github.com/BurntSushi/toml"
	"github.com/playbookhq/playbook/generator/diag"
	"strconv"
	"strings"
	"time"
)

// WhatsNew configures the what's-new page and the Atom feed, which carry
// the same entries: pages changed within Days of the site's newest
// change, newest first, at most Limit of them.
type WhatsNew struct {
	Days  int // the window, in days before the newest change
	Limit int // the most entries shown
}

type fileWhatsNew struct {
	Days  *int `toml:"days"`
	Limit *int `toml:"limit"`
}

// applyWhatsNew copies [whatsNew] over the defaults; a value below 1 is
// an error on its line.
func (f *fileConfig) applyWhatsNew(src []byte, cfg *Config) diag.List {
	w := f.WhatsNew
	if w == nil {
		return nil
	}
	var diags diag.List
	set := func(key string, v *int, dst *int) {
		if v == nil {
			return
		}
		if *v < 1 {
			pos := diag.Pos{File: FileName, Line: keyLine(src, toml.Key{"whatsNew", key})}
			diags = append(diags, diag.Errorf(pos, "[whatsNew] %s must be at least 1", key))
			return
		}
		*dst = *v
	}
	set("days", w.Days, &cfg.WhatsNew.Days)
	set("limit", w.Limit, &cfg.WhatsNew.Limit)
	return diags
}

// Day is 24 hours, the unit of ages.
const Day = 24 * time.Hour

// maxAgeDays bounds ages so that they fit a time.Duration.
const maxAgeDays = 100 * 365

// ParseAge reads an age such as "180d", "6w", "1y" (365 days) or a Go
// duration ("36h"). "0" and "" mean off.
func ParseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" {
		return 0, nil
	}
	units := map[byte]time.Duration{'d': Day, 'w': 7 * Day, 'y': 365 * Day}
	if u, ok := units[s[len(s)-1]]; ok {
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%q is not an age like 180d, 6w or 1y", s)
		}
		if n > maxAgeDays/int(u/Day) {
			return 0, fmt.Errorf("%q is longer than %d years", s, maxAgeDays/365)
		}
		return time.Duration(n) * u, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not an age like 180d, 6w or 1y", s)
	}
	return d, nil
}

// DefaultStaleAfter is [health] staleAfter when not set.
const DefaultStaleAfter = 365 * Day

// StaleAfter is [health] staleAfter: pages unchanged for longer are
// stale; zero turns it off. A bad value (reported by playbook check)
// gives the default.
func (c *Config) StaleAfter() time.Duration {
	s, ok := c.Health["staleAfter"].(string)
	if !ok {
		return DefaultStaleAfter
	}
	d, err := ParseAge(s)
	if err != nil {
		return DefaultStaleAfter
	}
	return d
}
