package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// run carries out the case: baseline build, break, run, check.
func (c *badCase) run(t *testing.T) {
	if c.skipRoot && isRoot() {
		t.Skip("permissions do not stop root")
	}
	root := t.TempDir()
	site := filepath.Join(root, "site")
	t.Cleanup(func() { makeWritable(root) })
	base := map[string][]byte{}
	for name, data := range defaultSite {
		base[name] = []byte(data)
	}
	foreign := c.foreignFiles()
	writeFiles(t, site, base)
	writeFiles(t, site, c.siteFiles())
	c.baseline(t, site)
	if len(foreign) > 0 {
		// Hand-placed files go into output playbook already owns; then
		// the baseline is built again around them.
		writeFiles(t, filepath.Join(site, "public"), foreign)
		c.baseline(t, site)
	}
	public := filepath.Join(site, "public")
	was := snapshot(t, public)
	writeFiles(t, site, c.after)
	for _, d := range c.setup {
		c.setUp(t, site, d)
	}
	code, stderr := c.playbook(t, site, c.args...)
	t.Logf("%s\nexit %d, stderr:\n%s", c.what, code, stderr)
	if hasPanic(stderr) {
		t.Errorf("panicked")
	}
	if code != c.exit {
		t.Errorf("exit %d, want %d", code, c.exit)
	}
	for _, d := range c.checks {
		c.check(t, site, stderr, d)
	}
	checkNoTemp(t, root)
	checkForeignKept(t, public, foreign)
	if code != 0 {
		if now := snapshot(t, public); !maps.Equal(was, now) {
			t.Errorf("public/ changed by a failed build:\n%s", treeDiff(was, now))
		}
		if c.noPosition == "" {
			checkPositioned(t, stderr)
		}
	}
}

// playbook runs the playbook command in dir within the case's timeout and
// returns its exit code and standard error (standard output is dropped).
func (c *badCase) playbook(t *testing.T, dir string, args ...string) (int, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "playbook", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("playbook %s did not finish within %s:\n%s", strings.Join(args, " "), c.timeout, stderr.Bytes())
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), stderr.Bytes()
	}
	if err != nil {
		t.Fatalf("running playbook: %v", err)
	}
	return 0, stderr.Bytes()
}

// baseline runs a build that must succeed.
func (c *badCase) baseline(t *testing.T, site string) {
	t.Helper()
	if code, out := c.playbook(t, site, "build"); code != 0 {
		t.Fatalf("baseline build exited %d:\n%s", code, out)
	}
}

// siteFiles returns the before/ files that are not hand-placed output.
func (c *badCase) siteFiles() map[string][]byte {
	out := map[string][]byte{}
	for name, data := range c.before {
		if !strings.HasPrefix(name, "public/") {
			out[name] = data
		}
	}
	return out
}

// foreignFiles returns the files the case places in public/ by hand.
func (c *badCase) foreignFiles() map[string][]byte {
	out := map[string][]byte{}
	for name, data := range c.before {
		if rest, ok := strings.CutPrefix(name, "public/"); ok {
			out[rest] = data
		}
	}
	return out
}

// setUp applies a symlink, chmod or rm directive inside the site.
func (c *badCase) setUp(t *testing.T, site string, d badDirective) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(d.args[0]))
	var err error
	switch d.verb {
	case "symlink":
		if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
			err = os.Symlink(d.args[1], p)
		}
	case "chmod":
		var mode uint64
		if mode, err = strconv.ParseUint(d.args[1], 8, 32); err == nil {
			err = os.Chmod(p, fs.FileMode(mode))
		}
	case "rm":
		err = os.RemoveAll(p)
	}
	if err != nil {
		t.Fatalf("directive line %d (%s): %v", d.line, d.verb, err)
	}
}

// check verifies one stderr, exists or output directive.
func (c *badCase) check(t *testing.T, site string, stderr []byte, d badDirective) {
	t.Helper()
	switch d.verb {
	case "stderr":
		if d.re.Match(stderr) == d.neg {
			t.Errorf("line %d: stderr %s %q", d.line, matchWord(d.neg), d.re)
		}
	case "exists":
		_, err := os.Lstat(filepath.Join(site, filepath.FromSlash(d.args[0])))
		if (err == nil) == d.neg {
			t.Errorf("line %d: %s %s", d.line, existWord(d.neg), d.args[0])
		}
	case "output":
		data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(d.args[0])))
		switch {
		case err != nil:
			t.Errorf("line %d: %v", d.line, err)
		case d.re != nil && d.re.Match(data) == d.neg:
			t.Errorf("line %d: %s %s %q", d.line, d.args[0], matchWord(d.neg), d.re)
		}
	}
}

func matchWord(neg bool) string {
	if neg {
		return "matches, want no match:"
	}
	return "does not match"
}

func existWord(neg bool) string {
	if neg {
		return "exists, want it absent:"
	}
	return "is missing:"
}

// positioned matches a diagnostic that starts with file:line or file:line:col.
var positioned = regexp.MustCompile(`^[^\s:][^:]*:\d+(:\d+)?: `)

// checkPositioned checks that every error line of stderr names its file and
// line. Warnings, indented continuation lines and the closing summary are
// not errors.
func checkPositioned(t *testing.T, stderr []byte) {
	t.Helper()
	for _, line := range strings.Split(string(stderr), "\n") {
		switch {
		case line == "", strings.HasPrefix(line, " "), strings.HasPrefix(line, "\t"),
			strings.Contains(line, "warning: "), strings.HasPrefix(line, "Build failed"),
			strings.HasPrefix(line, "Build interrupted"), strings.Contains(line, " warnings in all"):
			continue
		}
		if !positioned.MatchString(line) {
			t.Errorf("error without file:line: %q", line)
		}
	}
}

// checkNoTemp fails when a staging or temporary folder is left anywhere
// below root.
func checkNoTemp(t *testing.T, root string) {
	t.Helper()
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if strings.Contains(name, ".staging-") || strings.HasPrefix(name, ".playbook-tmp") {
			t.Errorf("left behind: %s", strings.TrimPrefix(p, root))
		}
		return nil
	})
}

// checkForeignKept fails when a hand-placed file was removed or changed.
func checkForeignKept(t *testing.T, public string, foreign map[string][]byte) {
	t.Helper()
	for name, want := range foreign {
		got, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("hand-placed public/%s lost or changed (%v)", name, err)
		}
	}
}

// snapshot records every entry below dir: files by content hash and mode,
// folders by mode, symlinks by target.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out[p] = "unreadable: " + err.Error()
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		info, _ := d.Info()
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "symlink " + target
		case d.IsDir():
			out[rel] = "dir " + info.Mode().String()
		default:
			data, _ := os.ReadFile(p)
			out[rel] = info.Mode().String() + " " + sha256Hex(data)
		}
		return nil
	})
	return out
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// treeDiff lists the entries that differ between two snapshots.
func treeDiff(a, b map[string]string) string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			out = append(out, "- "+k)
		} else if w != v {
			out = append(out, "~ "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, "+ "+k)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], "…")
	}
	return strings.Join(out, "\n")
}

// makeWritable undoes chmod directives so the temporary folder can go.
func makeWritable(root string) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
}
