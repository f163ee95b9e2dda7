// Package gitinfo reads, in one `git log` pass at the start of a build,
// when and by whom each content file was last changed, as Hugo's
// enableGitInfo does, instead of running git once per file.
package gitinfo

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

// Commit is the last change of one file.
type Commit struct {
	Hash   string
	Author string
	Date   time.Time
}

// Info is the git history of a site's content folder.
type Info struct {
	// Prefix is the content folder's path inside the repository, with a
	// trailing slash ("content/" when the site is the repository's root).
	Prefix string
	// Shallow is set when the repository is a shallow clone: files whose
	// newest commit is the clone's oldest are left out, since their last
	// change may be older than the clone reaches.
	Shallow bool
	files   map[string]Commit // by path below the content folder
}

// For returns the last commit that changed file (a slash path below the
// content folder), and false when git does not know one.
func (i *Info) For(file string) (Commit, bool) {
	if i == nil {
		return Commit{}, false
	}
	c, ok := i.files[file]
	return c, ok
}

// Len returns the number of files with a known last commit.
func (i *Info) Len() int {
	if i == nil {
		return 0
	}
	return len(i.files)
}

// Load reads the history of the folder dir (a site's content folder). It
// returns nil and no error when dir is not inside a git work tree or git
// is not installed: pages then fall back to their front matter's lastmod.
func Load(ctx context.Context, dir string) (*Info, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, nil
	}
	out, err := exec.CommandContext(ctx, "git", "-C", dir, "rev-parse", "--is-shallow-repository", "--show-prefix").Output()
	if err != nil {
		return nil, nil // not a repository
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	info := &Info{Shallow: lines[0] == "true", files: map[string]Commit{}}
	if len(lines) > 1 {
		info.Prefix = lines[1]
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "-c", "core.quotePath=false", "log", "--no-merges", "--relative",
		"--name-only", "--format=\x1e%H\x1f%P\x1f%an\x1f%aI", "--", ".")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	perr := info.parse(stdout)
	if err := cmd.Wait(); err != nil {
		if strings.Contains(stderr.String(), "does not have any commits") {
			return info, nil
		}
		return nil, fmt.Errorf("git log in %s: %w: %s", dir, err, strings.TrimSpace(stderr.String()))
	}
	return info, perr
}

// parse reads `git log --name-only` output in the format Load asks for:
// newest commit first, so a file's first appearance is its last change.
func (i *Info) parse(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var cur Commit
	skip := false // a shallow clone's boundary commit
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "\x1e"); ok {
			f := strings.Split(rest, "\x1f")
			if len(f) != 4 {
				return fmt.Errorf("git log: unexpected line %q", line)
			}
			date, err := time.Parse(time.RFC3339, f[3])
			if err != nil {
				return fmt.Errorf("git log: %w", err)
			}
			cur = Commit{Hash: f[0], Author: f[2], Date: date}
			skip = i.Shallow && f[1] == ""
			continue
		}
		if line == "" {
			continue
		}
		if _, seen := i.files[line]; seen {
			continue
		}
		if skip {
			i.files[line] = Commit{} // known, but not when it changed
			continue
		}
		i.files[line] = cur
	}
	for f, c := range i.files {
		if c.Hash == "" {
			delete(i.files, f)
		}
	}
	return sc.Err()
}

// Link fills a URL template such as
// "https://git.example.com/handbook/-/edit/main/{path}" with path, a
// slash path from the repository's root. "" when tmpl is "".
func Link(tmpl, path string) string {
	if tmpl == "" {
		return ""
	}
	return strings.ReplaceAll(tmpl, "{path}", path)
}

// HistoryTemplate derives a "view history" URL template from an edit URL
// template, for the common forges: GitLab's /-/edit/ → /-/commits/,
// GitHub's /edit/ and Gitea's /_edit/ → /commits/. "" when none fits.
func HistoryTemplate(edit string) string {
	for _, r := range []struct{ from, to string }{{"/-/edit/", "/-/commits/"}, {"/_edit/", "/commits/"}, {"/edit/", "/commits/"}} {
		if strings.Contains(edit, r.from) {
			return strings.Replace(edit, r.from, r.to, 1)
		}
	}
	return ""
}

// Source is where one page comes from.
type Source struct {
	Commit  *Commit // nil when git does not know the file
	Edit    string  // "Edit this page" URL, or ""
	History string  // "View history" URL, or ""
}

// Source returns the last commit and the forge links of file (a slash path
// below the content folder). editURL and historyURL are URL templates
// (see Link); an empty historyURL is derived from editURL. Without git,
// the content folder is taken to be content/ at the repository's root.
func (i *Info) Source(file, editURL, historyURL string) Source {
	var s Source
	if c, ok := i.For(file); ok {
		s.Commit = &c
	}
	if editURL == "" && historyURL == "" {
		return s
	}
	prefix := "content/"
	if i != nil {
		prefix = i.Prefix
	}
	if historyURL == "" {
		historyURL = HistoryTemplate(editURL)
	}
	s.Edit, s.History = Link(editURL, prefix+file), Link(historyURL, prefix+file)
	return s
}

// Start runs Load in the background and returns a function that waits for
// its result. With enabled false it loads nothing.
func Start(ctx context.Context, dir string, enabled bool) func() (*Info, error) {
	if !enabled {
		return func() (*Info, error) { return nil, nil }
	}
	type result struct {
		info *Info
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		info, err := Load(ctx, dir)
		ch <- result{info, err}
	}()
	var res *result
	return func() (*Info, error) {
		if res == nil {
			r := <-ch
			res = &r
		}
		return res.info, res.err
	}
}
