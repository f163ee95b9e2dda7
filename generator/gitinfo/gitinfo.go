// Package gitinfo reads when each file of a folder was first and last
// changed, from one `git log` pass over the folder's history.
package gitinfo

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Info is what git knows of one file's last change and of when it was
// added.
type Info struct {
	Changed time.Time // committer date of the newest commit that touched the file
	Author  string    // that commit's author name
	// Created is the committer date of the oldest commit that touched the
	// file under its current name (renames are not followed: a renamed
	// file was added by the rename).
	Created time.Time
}

// Load runs `git log` once in dir and returns, for every file changed in
// its history and still named so, the newest commit that touched it,
// keyed by slash path relative to dir. When dir is not in a git work tree
// or git is not installed, it returns no map and a note saying so, and no
// error: callers fall back to front-matter dates.
func Load(ctx context.Context, dir string) (map[string]Info, string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, "git is not installed", nil
	}
	inside, err := exec.CommandContext(ctx, "git", "-C", dir, "rev-parse", "--is-inside-work-tree").Output()
	if err != nil || strings.TrimSpace(string(inside)) != "true" {
		return nil, "not a git repository", nil
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "-c", "core.quotepath=off", "log",
		"--relative", "--name-only", "--no-renames", "--format=\x1e%ct\x1f%an", "--", ".")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", fmt.Errorf("git log: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("git log: %w", err)
	}
	infos, perr := Parse(out)
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && strings.Contains(stderr.String(), "does not have any commits") {
			return nil, "no commits yet", nil
		}
		return nil, "", fmt.Errorf("git log in %s: %w: %s", dir, err, strings.TrimSpace(stderr.String()))
	}
	if perr != nil {
		return nil, "", perr
	}
	return infos, "", nil
}

// Parse reads the output of `git log --name-only
// --format=%x1e%ct%x1f%an`, newest commit first: the first commit that
// names a path is its last change, the last one its creation.
func Parse(r io.Reader) (map[string]Info, error) {
	infos := map[string]Info{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var cur Info
	for sc.Scan() {
		line := sc.Text()
		if head, ok := strings.CutPrefix(line, "\x1e"); ok {
			info, err := parseHeader(head)
			if err != nil {
				return nil, err
			}
			cur = info
			continue
		}
		if line == "" {
			continue
		}
		if info, seen := infos[line]; seen {
			info.Created = cur.Changed
			infos[line] = info
		} else {
			infos[line] = cur
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading git log: %w", err)
	}
	return infos, nil
}

// parseHeader reads "unix-seconds\x1fauthor".
func parseHeader(head string) (Info, error) {
	secs, author, _ := strings.Cut(head, "\x1f")
	n, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		return Info{}, fmt.Errorf("git log: bad commit date %q: %w", secs, err)
	}
	t := time.Unix(n, 0).UTC()
	return Info{Changed: t, Author: author, Created: t}, nil
}
