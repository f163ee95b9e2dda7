package health

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/playbookhq/playbook/generator/archetype"
	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/diag"
	"github.com/playbookhq/playbook/generator/gitinfo"
	"github.com/playbookhq/playbook/generator/pipeline"
)

// RunOptions say which site to check and how.
type RunOptions struct {
	Source      string    // site root
	BuildDrafts bool      // check drafts as published pages
	Now         time.Time // zero: today
	Only        []Kind    // keep only these kinds; empty keeps all
	NoGit       bool      // do not ask git for change dates
}

// Run checks the site at opts.Source in memory and returns the report.
// An error means the check could not run (not that the site has errors).
func Run(ctx context.Context, opts RunOptions) (*Report, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now().UTC()
	}
	cfg, _ := config.Load(os.DirFS(opts.Source)) // its diagnostics come again from the build
	settings, sdiags := ParseSettings(cfg)
	var notes []string
	gitDone := make(chan map[string]gitinfo.Info, 1)
	if opts.NoGit {
		gitDone <- nil
	} else {
		go func() {
			infos, note, err := gitinfo.Load(ctx, opts.Source)
			switch {
			case err != nil:
				notes = append(notes, "git dates not used: "+err.Error())
			case note != "":
				notes = append(notes, "git dates not used ("+note+"): pages are dated by lastmod, else date")
			}
			gitDone <- infos
		}()
	}
	checker := NewChecker(Options{
		Now: opts.Now, Settings: settings,
		Git:          func() map[string]gitinfo.Info { return <-gitDone },
		Placeholders: siteArchetypes(opts.Source, cfg),
	})
	res, err := pipeline.Build(ctx, pipeline.Options{Source: opts.Source, BuildDrafts: opts.BuildDrafts, Inspect: checker})
	if err != nil && !pipeline.IsBuildError(err) {
		return nil, fmt.Errorf("checking %s: %w", opts.Source, err)
	}
	if checker.model == nil { // the site could not be loaded: Git was never asked
		<-gitDone
	}
	var diags diag.List
	if res != nil {
		diags = res.Diagnostics
	}
	r := checker.Report(append(sdiags, diags...), opts.Only)
	r.Notes = notes
	return r, nil
}

// siteArchetypes returns the placeholder texts of every type's archetype.
func siteArchetypes(root string, cfg *config.Config) []string {
	var out []string
	seen := map[string]bool{}
	types := []string{"page"}
	for t := range cfg.Types {
		types = append(types, t)
	}
	for _, t := range types {
		m, err := archetype.Matter(root, t)
		if err != nil {
			continue // a broken archetype is `playbook new`'s business
		}
		for _, p := range Placeholders(m) {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}
