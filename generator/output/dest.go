package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/playbookhq/playbook/generator/layout"
)

// ErrBadDestination is returned for an output folder that a build would
// read back or that would replace the site.
var ErrBadDestination = errors.New("refusing this destination")

// CheckDestination refuses an output folder dest (symbolic links
// followed) that is the site root, contains it, or lies inside one of the
// site's inputs (content/, static/, themes/, layouts/, archetypes/): the
// next build would read its own output, or a publish would move the
// sources away.
func CheckDestination(root, dest string) error {
	r, err := realPath(root)
	if err != nil {
		return err
	}
	d, err := realPath(dest)
	if err != nil {
		return err
	}
	switch {
	case d == r:
		return fmt.Errorf("%w: %s is the site root itself; publish into a folder of it such as public/", ErrBadDestination, dest)
	case inside(r, d):
		return fmt.Errorf("%w: %s contains the site root %s; publishing would move the site away", ErrBadDestination, dest, root)
	case !inside(d, r):
		return nil
	}
	rel, _ := filepath.Rel(r, d)
	top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, in := range layout.Inputs() {
		if top == in {
			return fmt.Errorf("%w: %s is in the site's input %s, which builds read: each build would read the last one's output; choose a folder outside it such as public/", ErrBadDestination, dest, in)
		}
	}
	return nil
}

// inside reports whether p lies strictly below dir (both clean and absolute).
func inside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// realPath makes p absolute with every symbolic link of its existing
// part resolved; the part that does not exist yet is kept as written.
func realPath(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("resolving %s: %w", p, err)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest), nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}
