package health

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
)

func TestParseAge(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"180d": 180 * Day, "6w": 42 * Day, "1y": 365 * Day, "36h": 36 * time.Hour, "": 0, "0": 0,
	} {
		got, err := ParseAge(in)
		if err != nil || got != want {
			t.Errorf("ParseAge(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"d", "-3d", "1.5y", "soon"} {
		if _, err := ParseAge(bad); err == nil {
			t.Errorf("ParseAge(%q): want an error", bad)
		}
	}
}

func TestParseSettings(t *testing.T) {
	cfg, diags := config.Parse([]byte(`
[health]
reviewEvery = "90d"
ownerOverdue = 2
page = true
staleAfter = "soon"
[health.types]
playbook = "30d"
`), config.Default())
	if len(diags) != 0 {
		t.Fatalf("config: %v", diags)
	}
	s, d := ParseSettings(cfg)
	if s.ReviewEvery != 90*Day || s.OwnerOverdue != 2 || !s.Page || s.ByType["playbook"] != 30*Day {
		t.Errorf("settings: %+v", s)
	}
	if s.StaleAfter != DefaultSettings().StaleAfter {
		t.Errorf("a bad staleAfter should keep the default, got %v", s.StaleAfter)
	}
	if len(d) != 1 || !strings.Contains(d[0].Msg, "staleAfter") {
		t.Errorf("want one warning about staleAfter, got %v", d)
	}
}

// The schema's list of kinds is the package's.
func TestSchemaKinds(t *testing.T) {
	var schema struct {
		Defs struct {
			Kind struct {
				Enum []string `json:"enum"`
			} `json:"kind"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, k := range Kinds {
		kinds = append(kinds, string(k))
		if severityOf[k] == "" {
			t.Errorf("kind %s has no severity", k)
		}
	}
	if !slices.Equal(kinds, schema.Defs.Kind.Enum) {
		t.Errorf("schema kinds %v, package kinds %v", schema.Defs.Kind.Enum, kinds)
	}
}

func TestClassify(t *testing.T) {
	drafts := func(f string) bool { return f == "content/guides/wip.md" }
	for msg, want := range map[string]Kind{
		`broken link "/x/": no page at /x/`:                                       BrokenLink,
		`broken link "a.md#b": content/a.md has no heading with id "b"`:           BrokenAnchor,
		`broken link "/guides/wip.md": no page content/guides/wip.md`:             DraftLink,
		`broken link "/guides/gone.md": no page content/guides/gone.md`:           BrokenLink,
		`link "A.md": letter case differs from content/a.md (a case-sensitive …)`: BuildWarning,
	} {
		if got := Classify(diag.Warnf(diag.Pos{}, "%s", msg), drafts); got != want {
			t.Errorf("%s: got %s, want %s", msg, got, want)
		}
	}
	if got := Classify(diag.Errorf(diag.Pos{}, "missing required field"), nil); got != BuildError {
		t.Errorf("an error is %s", got)
	}
}

func TestTextGroupsByOwner(t *testing.T) {
	fs := []Finding{
		newFinding(Stale, diag.Pos{File: "content/a.md", Line: 1}, "old"),
		newFinding(Stale, diag.Pos{File: "content/b.md", Line: 1}, "old"),
		newFinding(Stale, diag.Pos{File: "content/c.md", Line: 1}, "old"),
	}
	fs[1].Owner, fs[2].Owner = "Bo", "Bo"
	var b bytes.Buffer
	if err := WriteText(&b, newReport(fs, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), false); err != nil {
		t.Fatal(err)
	}
	want := `stale 3 in 3 files
  Bo (2)
    content/b.md:1: warning: old
    content/c.md:1: warning: old
  (no owner) (1)
    content/a.md:1: warning: old
0 errors · 3 warnings · 0 notices
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	WriteText(&b, newReport(fs, time.Now()), true)
	if !strings.Contains(b.String(), "\x1b[33mwarning\x1b[0m") {
		t.Errorf("colour asked for, none written: %q", b.String())
	}
}

func TestGitLabFingerprintsUnique(t *testing.T) {
	f := newFinding(ImageAlt, diag.Pos{File: "content/a.md", Line: 3}, "image without alt text")
	g := f
	g.Line = 9 // the same problem twice in one file
	var b bytes.Buffer
	if err := WriteGitLab(&b, newReport([]Finding{f, g}, time.Now()), ""); err != nil {
		t.Fatal(err)
	}
	var issues []gitlabIssue
	if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 2 || issues[0].Fingerprint == issues[1].Fingerprint {
		t.Errorf("want two distinct fingerprints: %+v", issues)
	}
}

func TestGitHubEscapes(t *testing.T) {
	f := newFinding(BrokenLink, diag.Pos{File: "content/a,b.md", Line: 2}, "100% broken\nreally")
	var b bytes.Buffer
	WriteGitHub(&b, newReport([]Finding{f}, time.Now()), "")
	want := "::warning file=content/a%2Cb.md,line=2,title=playbook broken-link::100%25 broken%0Areally\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// FuzzParseAge: ages are never negative, and an accepted "Nd" is N days.
func FuzzParseAge(f *testing.F) {
	for _, s := range []string{"180d", "6w", "1y", "36h", "", "-1d", "9999999999999d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseAge(s)
		if err == nil && d < 0 {
			t.Errorf("ParseAge(%q) = %v, negative", s, d)
		}
	})
}
