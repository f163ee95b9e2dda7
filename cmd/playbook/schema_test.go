package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/playbookhq/playbook/generator/health"
)

// scriptCmds are the commands the CLI scripts may use besides testscript's own.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"validate-json": validateJSON,
	"unique-json":   uniqueJSON,
}

// validateJSON checks a JSON file against a schema:
// "validate-json check-report FILE" (playbook check's schema.json) or
// "validate-json gitlab-codequality FILE" (GitLab's documented fields).
func validateJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: validate-json check-report|gitlab-codequality FILE")
	}
	var schemaSrc []byte
	switch args[0] {
	case "check-report":
		schemaSrc = health.Schema
	case "gitlab-codequality":
		src, err := os.ReadFile(filepath.Join("testdata", "gitlab-codequality.schema.json"))
		ts.Check(err)
		schemaSrc = src
	default:
		ts.Fatalf("unknown schema %q", args[0])
	}
	err := validate(schemaSrc, []byte(ts.ReadFile(args[1])))
	switch {
	case err != nil && !neg:
		ts.Fatalf("%s does not match %s: %v", args[1], args[0], err)
	case err == nil && neg:
		ts.Fatalf("%s unexpectedly matches %s", args[1], args[0])
	}
}

func validate(schemaSrc, doc []byte) error {
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaSrc))
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", schemaDoc); err != nil {
		return err
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return sch.Validate(inst)
}

// uniqueJSON checks that every fingerprint of a GitLab report is unique
// (GitLab shows only the first issue of a fingerprint).
func uniqueJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: unique-json FILE")
	}
	var issues []struct {
		Fingerprint string `json:"fingerprint"`
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &issues))
	seen := map[string]bool{}
	for _, i := range issues {
		if seen[i.Fingerprint] {
			ts.Fatalf("fingerprint %s twice", i.Fingerprint)
		}
		seen[i.Fingerprint] = true
	}
}
