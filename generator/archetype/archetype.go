// Package archetype creates new content pages from per-type templates
// (archetypes). A site overrides the built-in ones with its own
// archetypes/<type>.md.
package archetype

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/layout"
	"github.com/playbookhq/playbook/generator/site"
	"github.com/playbookhq/playbook/generator/sitefs"
)

//go:embed defaults/*.md
var defaults embed.FS

// Dir is the site folder that holds the site's own archetypes.
const Dir = layout.Archetypes

// Data is what an archetype template receives.
type Data struct {
	Title string
	Date  string // TOML datetime of now
	Type  string
}

// Create writes a new page of type typ titled title into the site at root
// and returns its path. It never overwrites an existing file.
func Create(root string, cfg *config.Config, typ, title string, now time.Time) (string, error) {
	section := ""
	t := cfg.Types[typ]
	if t != nil {
		section = t.Section
	} else if typ != "page" {
		return "", fmt.Errorf("unknown type %q (use one of %s or page)", typ, strings.Join(cfg.Types.Names(), ", "))
	}
	slug := site.TermSlug(title)
	if slug == "" {
		return "", fmt.Errorf("title %q has no letters or digits to make a file name from", title)
	}
	src, err := source(root, typ, cfg.FollowSymlinks)
	if errors.Is(err, fs.ErrNotExist) && t != nil {
		src, err = generate(t), nil
	}
	if err != nil {
		return "", err
	}
	text, err := fill(src, Data{Title: title, Date: now.UTC().Format(time.RFC3339), Type: typ})
	if err != nil {
		return "", err
	}
	path := filepath.Join(root, "content", filepath.FromSlash(section), slug+".md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("%s already exists; pick another title", path)
		}
		return "", err
	}
	defer f.Close()
	_, err = f.Write(text)
	return path, err
}

// source reads the site's archetype for typ, else the built-in one. A
// symlinked archetype is read only under the site's symlink rules.
func source(root, typ string, follow bool) ([]byte, error) {
	site := sitefs.New(root)
	site.SetFollow(follow)
	b, err := fs.ReadFile(site, Dir+"/"+typ+".md")
	if err == nil {
		return b, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return defaults.ReadFile("defaults/" + typ + ".md")
}

func fill(src []byte, d Data) ([]byte, error) {
	t, err := template.New("archetype").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("archetype for %s: %w", d.Type, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("archetype for %s: %w", d.Type, err)
	}
	return b.Bytes(), nil
}
