package sitecheck

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	build "github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/internal/browsertest"
)

// checklistPage is a playbook with three steps and two task-list items;
// %s is the second step's title, which the test edits between builds.
const checklistPage = `+++
title = "Room booking drill"
teams = ["Sales"]
duration = "20 minutes"
outcome = "A room that is booked"

[[steps]]
title = "Pick the date"

[[steps]]
title = "%s"

[[steps]]
title = "Send the invite"
+++

Before the day:

- [ ] Check the projector
- [ ] Print the agenda
`

// buildChecklistSite writes the checklist site with the second step titled
// step2 into src and builds it into dest (the same folder every time, so
// the page keeps its URL and the browser its storage).
func buildChecklistSite(t *testing.T, src, dest, step2 string) {
	t.Helper()
	page := strings.Replace(checklistPage, "%s", step2, 1)
	for name, data := range map[string]string{
		"config.toml":                   "title = \"Checklist test\"\n",
		"content/playbooks/drill.md":    page,
		"content/playbooks/_index.md":   "+++\ntitle = \"Playbooks\"\n+++\n",
		"content/guides/placeholder.md": "+++\ntitle = \"Placeholder\"\ndescription = \"A page so the site has a guide.\"\n+++\nText.\n",
	} {
		path := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := build.Build(t.Context(), build.Options{Source: src, Destination: dest, BaseURL: "http://127.0.0.1" + basePath, Quiet: true}); err != nil {
		t.Fatalf("build: %v", err)
	}
}

// checklistState is what the page shows: which boxes are ticked (in
// document order), the progress text and the progress bar's value and max.
type checklistState struct {
	Checked []bool `json:"checked"`
	Status  string `json:"status"`
	Value   int    `json:"value"`
	Max     int    `json:"max"`
	Hidden  bool   `json:"hidden"`
}

const readChecklist = `(() => {
  const bar = document.querySelector("[data-checklist]");
  const meter = bar.querySelector("progress");
  return {
    checked: [...document.querySelectorAll("#main input[type=checkbox][data-check]")].map(b => b.checked),
    status: bar.querySelector("[data-checklist-status]").textContent,
    value: meter.value, max: meter.max, hidden: bar.hidden,
  };
})()`

// TestChecklistRemembers ticks two of a playbook's five items (three
// steps, two task-list items), reloads, rebuilds the site with another
// step's title edited, and checks that the ticks and "2 of 5 done" stay;
// then copies the checklist as Markdown, resets it, and runs axe and
// html-validate on the page.
func TestChecklistRemembers(t *testing.T) {
	axeSource := readAxe(t)
	ctx := browsertest.New(t)
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	buildChecklistSite(t, src, dest, "Book the room")
	url := browsertest.ServeDir(t, dest, basePath) + "playbooks/drill/"

	want := checklistState{Checked: []bool{true, false, false, false, true}, Status: "2 of 5 done", Value: 2, Max: 5}
	err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(`[data-checklist]`),
		chromedp.Click(`label[for="pb-step-0"]`),
		chromedp.Click(`.prose li:nth-child(2) input`),
		chromedp.Reload(),
		chromedp.WaitVisible(`[data-checklist]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	checkState(t, "after reload", readState(t, ctx), want)

	buildChecklistSite(t, src, dest, "Book the big room on the third floor")
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(`[data-checklist]`)); err != nil {
		t.Fatal(err)
	}
	step2, err := chromedp.Run(ctx, chromedp.TextContent(`label[for="pb-step-1"]`))
	if err != nil {
		t.Fatal(err)
	}
	if step2 != "Book the big room on the third floor" {
		t.Fatalf("the rebuilt page shows step 2 as %q: the edit did not reach it", step2)
	}
	checkState(t, "after editing another step", readState(t, ctx), want)

	if err := chromedp.Do(ctx, chromedp.Click(`[data-checklist-copy]`), chromedp.WaitNotPresent(`[data-checklist-note]:empty`)); err != nil {
		t.Fatal(err)
	}
	markdown, err := chromedp.Run(ctx, chromedp.Value(`[data-checklist-text]`))
	if err != nil {
		t.Fatal(err)
	}
	wantMD := "- [x] Pick the date\n- [ ] Book the big room on the third floor\n- [ ] Send the invite\n- [ ] Check the projector\n- [x] Print the agenda\n"
	if markdown != wantMD {
		t.Errorf("copied checklist:\n%s\nwant:\n%s", markdown, wantMD)
	}

	for _, v := range views {
		for _, f := range checkPage(ctx, url, v, axeSource) {
			t.Errorf("drill [%s]: %s", v.name, f)
		}
	}
	htmlValidate(t, dest, []string{"playbooks/drill/index.html"})

	err = chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(`[data-checklist]`),
		chromedp.Click(`[data-checklist-reset]`),
		chromedp.Reload(),
		chromedp.WaitVisible(`[data-checklist]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	checkState(t, "after Reset and reload", readState(t, ctx), checklistState{Checked: make([]bool, 5), Status: "0 of 5 done", Max: 5})
}

// readState reads what the page's checklist shows.
func readState(t *testing.T, ctx context.Context) checklistState {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[checklistState](readChecklist))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// checkState fails the test when the checklist shows got instead of want.
func checkState(t *testing.T, when string, got, want checklistState) {
	t.Helper()
	if got.Status != want.Status || got.Value != want.Value || got.Max != want.Max || got.Hidden || len(got.Checked) != len(want.Checked) {
		t.Fatalf("%s: %+v, want %+v", when, got, want)
	}
	for i := range want.Checked {
		if got.Checked[i] != want.Checked[i] {
			t.Fatalf("%s: ticks %v, want %v", when, got.Checked, want.Checked)
		}
	}
}
