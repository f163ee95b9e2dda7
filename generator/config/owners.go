package config

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/diag"
)

// ownerURLSchemes are the schemes a contact URL of [owners] may use.
var ownerURLSchemes = []string{"http", "https", "mailto"}

// applyOwners reads [owners]: each owner's name (front matter owner) maps
// to a contact URL, written as a string or as a table with url (or its
// synonym contact). A bad entry is a warning on its line and is left out.
func (f *fileConfig) applyOwners(src []byte, cfg *Config) diag.List {
	if f.Owners == nil {
		return nil
	}
	names := make([]string, 0, len(f.Owners))
	for name := range f.Owners {
		names = append(names, name)
	}
	sort.Strings(names)
	var diags diag.List
	cfg.Owners = map[string]string{}
	for _, name := range names {
		u, err := ownerURL(f.Owners[name])
		if err == nil {
			err = checkContactURL(u)
		}
		if err != nil {
			pos := diag.Pos{File: FileName, Line: ownerLine(src, name)}
			diags = append(diags, diag.Warnf(pos, "[owners] %q: %w", name, err))
			continue
		}
		cfg.Owners[name] = u
	}
	return diags
}

// ownerURL reads one owner's value: a URL, or a table holding one.
func ownerURL(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case map[string]any:
		var u string
		for key, x := range v {
			s, ok := x.(string)
			switch {
			case key != "url" && key != "contact":
				return "", fmt.Errorf("unknown key %q (want url)", key)
			case !ok:
				return "", fmt.Errorf("%s must be text", key)
			case u != "":
				return "", fmt.Errorf("give url or contact, not both")
			}
			u = s
		}
		return u, nil
	}
	return "", fmt.Errorf("want a contact URL or a table with url, got %v", v)
}

// checkContactURL accepts absolute http, https and mailto URLs.
func checkContactURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("contact URL %q: %w", raw, err)
	}
	for _, s := range ownerURLSchemes {
		if u.Scheme == s && (u.Host != "" || u.Opaque != "") {
			return nil
		}
	}
	return fmt.Errorf("contact URL %q must be an absolute %s URL", raw, strings.Join(ownerURLSchemes, ", "))
}

// ownerLine finds the line of an owner's entry below [owners] (in its
// own table, the line of its url), 0 when not found.
func ownerLine(src []byte, name string) int {
	in, table := false, 0
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case table > 0 && strings.HasPrefix(t, "["):
			return table
		case table > 0 && (strings.HasPrefix(t, "url") || strings.HasPrefix(t, "contact")):
			return i + 1
		case strings.HasPrefix(t, "[owners"):
			in = true
			if strings.Contains(t, `"`+name+`"`) {
				table = i + 1
			}
		case in && (strings.HasPrefix(t, `"`+name+`"`) || strings.HasPrefix(t, name+" ") || strings.HasPrefix(t, name+"=")):
			return i + 1
		}
	}
	return table
}
