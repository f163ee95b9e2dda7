package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/diag"
)

// fieldReader reads typed values out of a raw front-matter map and records
// a diagnostic, at the key's line, for each value of the wrong type.
type fieldReader struct {
	file  string
	raw   map[string]any
	lines map[string]int
	diags diag.List
	used  map[string]bool
	from  map[string]diag.Pos // inherited keys: where their cascade is

	// The front matter as written, read again by locate for the
	// position of a nested value.
	matter     []byte
	matterLine int
	format     Format
}

func (r *fieldReader) pos(key string) diag.Pos {
	if pos, ok := r.from[key]; ok {
		return pos
	}
	return diag.Pos{File: r.file, Line: r.lines[key]}
}

func (r *fieldReader) fail(key, format string, args ...any) {
	r.diags = append(r.diags, diag.Errorf(r.pos(key), "front matter %q: %s", key, fmt.Sprintf(format, args...)))
}

func (r *fieldReader) take(key string) (any, bool) {
	v, ok := r.raw[key]
	r.used[key] = true
	return v, ok && v != nil
}

func (r *fieldReader) str(key string) string {
	v, ok := r.take(key)
	if !ok {
		return ""
	}
	s, ok := scalarString(v)
	if !ok {
		r.fail(key, "must be text, not %s", typeName(v))
	}
	return strings.TrimSpace(s)
}

func (r *fieldReader) boolean(key string) bool {
	v, ok := r.take(key)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		r.fail(key, "must be true or false, not %s", typeName(v))
	}
	return b
}

func (r *fieldReader) integer(key string) int {
	v, ok := r.take(key)
	if !ok {
		return 0
	}
	switch n := v.(type) {
	case int64:
		return int(n)
	case int:
		return n
	case float64:
		if n == float64(int(n)) {
			return int(n)
		}
	}
	r.fail(key, "must be a whole number, not %s", typeName(v))
	return 0
}

func (r *fieldReader) strings(key string) []string {
	v, ok := r.take(key)
	if !ok {
		return nil
	}
	list, ok := toStrings(v)
	if !ok {
		r.fail(key, "must be a list of text values, e.g. [\"a\", \"b\"]")
	}
	return list
}

func (r *fieldReader) date(key string) time.Time {
	v, ok := r.take(key)
	if !ok {
		return time.Time{}
	}
	t, err := toTime(v)
	if err != nil {
		r.fail(key, "%v", err)
	}
	return t
}

// toStrings accepts a list of scalars or a single string.
func toStrings(v any) ([]string, bool) {
	switch l := v.(type) {
	case string:
		return []string{l}, true
	case []any:
		out := make([]string, 0, len(l))
		for _, e := range l {
			s, ok := scalarString(e)
			if !ok {
				return nil, false
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, true
	case []string:
		return l, true
	}
	return nil, false
}

func scalarString(v any) (string, bool) {
	switch s := v.(type) {
	case string:
		return s, true
	case int64:
		return strconv.FormatInt(s, 10), true
	case int:
		return strconv.Itoa(s), true
	case float64:
		return strconv.FormatFloat(s, 'f', -1, 64), true
	}
	return "", false
}

var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "2006-01-02T15:04:05Z07:00"}

func toTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t.UTC(), nil
	case string:
		for _, layout := range dateLayouts {
			if d, err := time.Parse(layout, strings.TrimSpace(t)); err == nil {
				return d.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date (use 2026-03-14 or 2026-03-14T09:30:00Z)", t)
	}
	return time.Time{}, fmt.Errorf("must be a date, not %s", typeName(v))
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case bool:
		return "true/false"
	case int, int64, float64:
		return "a number"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("%T", v)
}

// Date reads a front-matter value as a date, the way `date` and `lastmod`
// are read: a TOML or YAML date, or text such as 2026-03-14.
func Date(v any) (time.Time, error) { return toTime(v) }
