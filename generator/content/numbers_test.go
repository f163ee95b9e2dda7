package content

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
)

func TestResultNumbersMustBeFinite(t *testing.T) {
	for _, v := range []string{"nan", "inf", "-inf", "+inf"} {
		src := "+++\ntitle = \"C\"\ntype = \"case-study\"\ncompany = \"A\"\nindustry = \"x\"\nchallenge = \"y\"\n[[results]]\nlabel = \"T\"\nbefore = 1\nafter = " + v + "\n+++\n"
		_, diags := Parse("c.md", []byte(src), config.Default())
		if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), "content/c.md:10:") || !strings.Contains(diags[0].Error(), `after" must be a finite number`) {
			t.Errorf("after = %s: got %v", v, diags)
		}
	}
}

func TestResultNumberOutOfRange(t *testing.T) {
	src := "---\ntitle: C\ntype: case-study\ncompany: A\nindustry: x\nchallenge: y\nresults:\n  - label: T\n    before: 1e400\n    after: 2\n---\n"
	_, diags := Parse("c.md", []byte(src), config.Default())
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), "content/c.md:9:") || !strings.Contains(diags[0].Error(), "is 1e400, out of range for a number") {
		t.Errorf("got %v", diags)
	}
}
