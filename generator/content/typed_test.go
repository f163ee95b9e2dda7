package content

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
)

func TestTypedFieldPositions(t *testing.T) {
	cfg := config.Default()
	for _, tt := range []struct{ name, src, want string }{
		{"toml sub-field", "+++\ntitle = \"P\"\n[[steps]]\ntitle = \"a\"\n[[steps]]\ntitle = \"b\"\n  owner = [1]\n+++\n",
			`content/playbooks/p.md:7:3: field "steps[2].owner" must be text, not a list`},
		{"inline records at their key", "+++\nsteps = [{title = \"a\"}, {owner = \"x\"}]\n+++\n",
			`content/playbooks/p.md:2:1: field "steps[2].title" is missing`},
		{"yaml sub-field", "---\nsteps:\n  - title: a\n  - title: b\n    owner: {x: 1}\n---\n",
			`content/playbooks/p.md:5:5: field "steps[2].owner" must be text, not a table`},
		{"top-level", "+++\ntitle = \"P\"\n  audience = 3\n+++\n",
			`content/playbooks/p.md:3:3: field "audience" must be a list of text values`},
	} {
		_, diags := Parse("playbooks/p.md", []byte(tt.src), cfg)
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%s: diagnostics\n%v\nlack %q", tt.name, diags, tt.want)
		}
	}
}

func TestUnknownFieldSuggestions(t *testing.T) {
	cfg := config.Default()
	src := "+++\ntitle = \"P\"\nownr = \"Sam\"\noutcom = \"x\"\ntoc = false\ncolour = \"red\"\n[[steps]]\ntitel = \"a\"\n+++\n"
	_, diags := Parse("playbooks/p.md", []byte(src), cfg)
	got := diags.Error()
	for _, want := range []string{
		`content/playbooks/p.md:3:1: warning: unknown field "ownr"; did you mean "owner"?`,
		`content/playbooks/p.md:4:1: warning: unknown field "outcom"; did you mean "outcome"?`,
		`content/playbooks/p.md:8:1: warning: unknown field "steps[1].titel"; did you mean "title"?`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "toc") || strings.Contains(got, "colour") {
		t.Errorf("a key read elsewhere or far from every field was warned about:\n%s", got)
	}
	// A page of an untyped kind is never checked.
	if _, diags := Parse("notes/n.md", []byte("+++\nownr = 1\n+++\n"), cfg); len(diags) > 0 {
		t.Errorf("untyped page: %v", diags)
	}
}

func TestPlaceholders(t *testing.T) {
	cfg := config.Default()
	src := "+++\ntitle = \"G\"\ndescription = \"TODO: say why\"\n%s+++\nText.\n\nTODO: write this part.\n\nNot a TODO: here.\n"
	_, diags := Parse("guides/g.md", []byte(strings.Replace(src, "%s", "", 1)), cfg)
	got := diags.Error()
	for _, want := range []string{
		"content/guides/g.md:3:16: warning: placeholder text from `playbook new` left in a published page: \"TODO: say why\"",
		"content/guides/g.md:7:1: warning: placeholder text",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, ":9:") || len(diags) != 2 {
		t.Errorf("want exactly two warnings, none for a TODO: inside a sentence:\n%s", got)
	}
	if _, diags := Parse("guides/g.md", []byte(strings.Replace(src, "%s", "draft = true\n", 1)), cfg); len(diags) > 0 {
		t.Errorf("a draft's placeholders were warned about: %v", diags)
	}
}
