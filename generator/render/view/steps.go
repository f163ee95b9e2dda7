package view

import (
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markdown"
	"github.com/playbookhq/playbook/generator/render"
)

// stepViews returns the view of a page's steps, each with its stable id.
func stepViews(steps []content.Step) []render.Step {
	if len(steps) == 0 {
		return nil
	}
	var ids markdown.CheckIDs
	v := make([]render.Step, len(steps))
	for i, s := range steps {
		v[i] = render.Step{Title: s.Title, Owner: s.Owner, Duration: s.Duration, Detail: s.Detail, ID: ids.Next("s", s.Title)}
	}
	return v
}
