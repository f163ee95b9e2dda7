package types

import (
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/playbookhq/playbook/generator/diag"
)

// apply decodes src as a config.toml would be and applies its [types] to r.
func apply(t *testing.T, r Registry, src string) diag.List {
	t.Helper()
	var doc struct {
		Types map[string]any `toml:"types"`
	}
	md, err := toml.Decode(src, &doc)
	if err != nil {
		t.Fatal(err)
	}
	return r.Apply(Source{Types: doc.Types, Keys: md.Keys()})
}

func TestDefaults(t *testing.T) {
	r := Defaults()
	if got := r.Names(); !slices.Equal(got, []string{"case-study", "guide", "playbook"}) {
		t.Fatalf("names = %v", got)
	}
	pb := r["playbook"]
	var names []string
	for _, f := range pb.Fields {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"audience", "duration", "outcome", "steps"}) {
		t.Errorf("playbook fields = %v; want the declared order", names)
	}
	if !slices.Equal(pb.Required, []string{"title", "teams", "duration", "outcome", "steps"}) {
		t.Errorf("playbook required = %v", pb.Required)
	}
	if f := pb.Role(RoleSteps); f == nil || f.Sub("title") == nil || !f.Sub("title").Required {
		t.Errorf("steps role = %+v", f)
	}
	if f := r["case-study"].Role(RoleResults); f == nil || f.Sub("lower_is_better").Kind != Bool {
		t.Errorf("results role = %+v", f)
	}
	if r.ForSection("case-studies") != "case-study" || r.ForSection("nowhere") != "" {
		t.Error("ForSection")
	}
	r["playbook"].Fields[0].Title = "changed"
	if Defaults()["playbook"].Fields[0].Title != "Audience" {
		t.Error("changing a copy changed the defaults")
	}
}

func TestExtendAndAdd(t *testing.T) {
	r := Defaults()
	diags := apply(t, r, `
[types.playbook]
required = ["title"]
[types.playbook.fields.region]
kind = "enum"
values = ["EMEA", "APAC"]
required = true
[types.playbook.fields.duration]
title = "Time needed"
[types.battlecard]
section = "battlecards"
card = ["rival"]
[types.battlecard.fields.rival]
`)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	pb := r["playbook"]
	if !slices.Equal(pb.Required, []string{"title", "region"}) {
		t.Errorf("required = %v; want the site's list plus the field marked required", pb.Required)
	}
	if f := pb.Field("duration"); f.Title != "Time needed" || f.Kind != Text || f.Required {
		t.Errorf("duration = %+v; want the title changed and the rest kept", f)
	}
	if pb.Fields[len(pb.Fields)-1].Name != "region" {
		t.Error("a new field is not added after the existing ones")
	}
	bc := r["battlecard"]
	if bc == nil || bc.Title != "battlecard" || bc.Field("rival").Kind != Text || bc.Field("rival").Title != "Rival" {
		t.Errorf("battlecard = %+v", bc)
	}
}

func TestSchemaErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"[types.x.fields.a]\nkind = \"texts\"", `unknown kind "texts"`},
		{"[types.x.fields.a]\nkind = \"enum\"", "an enum needs values"},
		{"[types.x.fields.a]\nkind = \"records\"", "a records field needs sub-fields"},
		{"[types.x.fields.a]\nrole = \"steps\"", `role "steps" needs kind = "records"`},
		{"[types.x.fields.a]\nkind = \"records\"\nrole = \"results\"\n[types.x.fields.a.fields.label]", `role "results" needs a number sub-field "before"`},
		{"[types.x.fields.a]\nkind = \"records\"\nrole = \"chart\"\n[types.x.fields.a.fields.b]", `unknown role "chart"`},
		{"[types.x]\nfacets = [\"a\"]\n[types.x.fields.a]\nkind = \"number\"", `facet "a" must be a text, enum or list field`},
		{"[types.x]\nglance = [\"nope\"]", `glance names "nope"`},
		{"[types.x.fields.a]\nrequired = \"yes\"", "required must be true or false"},
		{"[types.x]\ncolour = 1", `unknown key "colour" in [types.x]`},
	} {
		diags := apply(t, Defaults(), tt.src)
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q: diagnostics %v; want %q", tt.src, diags, tt.want)
		}
	}
}
