// Package pagesource tells where each content page comes from: its last
// change from the site's git history (one `git log` pass for the whole
// site, through package gitinfo, as Hugo's enableGitInfo does) and its
// "Edit this page" and "View history" links on the forge.
package pagesource

import (
	"context"
	"os/exec"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/gitinfo"
)

// Info is the git history of a site's content folder.
type Info struct {
	// Prefix is the content folder's path inside the repository, with a
	// trailing slash ("content/" when the site is the repository's root).
	Prefix string
	// Shallow is set when the repository is a shallow clone: files whose
	// newest commit is the clone's oldest are left out, since their last
	// change may be older than the clone reaches.
	Shallow bool
	files   map[string]gitinfo.Info // by path below the content folder
}

// For returns the last change of file (a slash path below the content
// folder), and false when git does not know one.
func (i *Info) For(file string) (gitinfo.Info, bool) {
	if i == nil {
		return gitinfo.Info{}, false
	}
	c, ok := i.files[file]
	return c, ok
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
	info := &Info{Shallow: lines[0] == "true"}
	if len(lines) > 1 {
		info.Prefix = lines[1]
	}
	files, _, err := gitinfo.Load(ctx, dir)
	if err != nil {
		return nil, err
	}
	info.files = files
	if info.Shallow {
		dropBoundary(files)
	}
	return info, nil
}

// dropBoundary removes the files whose last change is the oldest commit
// of a shallow clone: git credits that commit with every file it holds,
// however long ago each really changed. For the files kept, a creation
// at that commit is unknown (zero) for the same reason.
func dropBoundary(files map[string]gitinfo.Info) {
	first := true
	var oldest time.Time
	for _, c := range files {
		if first || c.Changed.Before(oldest) {
			oldest, first = c.Changed, false
		}
	}
	for f, c := range files {
		switch {
		case c.Changed.Equal(oldest):
			delete(files, f)
		case c.Created.Equal(oldest):
			c.Created = time.Time{}
			files[f] = c
		}
	}
}

// Source is where one page comes from.
type Source struct {
	Commit  *gitinfo.Info // nil when git does not know the file
	Edit    string        // "Edit this page" URL, or ""
	History string        // "View history" URL, or ""
}

// Source returns the last change and the forge links of file (a slash path
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
