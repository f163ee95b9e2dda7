package nav

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/site"
)

// model builds a site from files below content/.
func model(t *testing.T, files map[string]string) *site.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["content/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	cfg := config.Default()
	tree, diags := content.Load(fsys, cfg, content.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	m, diags := site.New(tree, cfg, site.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return m
}

var handbook = map[string]string{
	"_index.md":               "+++\ntitle = \"Handbook\"\n+++\n",
	"people/_index.md":        "+++\ntitle = \"People\"\nweight = 2\n+++\n",
	"people/hiring/_index.md": "+++\ntitle = \"Hiring\"\n+++\n",
	"people/hiring/offers.md": "+++\ntitle = \"Making offers\"\n+++\n",
	"people/hiring/loops.md":  "+++\ntitle = \"Interview loops\"\nlinkTitle = \"Loops\"\n+++\n",
	"people/leave.md":         "+++\ntitle = \"Leave\"\n+++\n",
	"sales/_index.md":         "+++\ntitle = \"Sales\"\nweight = 1\n+++\n",
	"sales/pricing.md":        "+++\ntitle = \"Pricing\"\nweight = 5\n+++\n",
	"sales/accounts.md":       "+++\ntitle = \"Accounts\"\nweight = 5\n+++\n",
	"sales/discovery.md":      "+++\ntitle = \"Discovery\"\nweight = 1\n+++\n",
	"archive/_index.md":       "+++\ntitle = \"Archive\"\nweight = 3\nsidebar = false\n+++\n",
	"archive/old.md":          "+++\ntitle = \"Old\"\n+++\n",
}

func TestSidebarShowsTheBranchOfThePage(t *testing.T) {
	m := model(t, handbook)
	tree := New(m, "/hb/")
	got := tree.Sidebar(m.ByPath("people/hiring/loops.md"))
	for _, want := range []string{
		`aria-label="Site sections"`,
		`data-tree="/hb/nav.json"`,
		`<a href="/hb/people/hiring/loops/" aria-current="page">Loops</a>`, // linkTitle
		`<details data-url="/hb/people/" open><summary>People</summary>`,
		`<details data-url="/hb/people/hiring/" open><summary>Hiring</summary>`,
		`<a href="/hb/people/leave/">Leave</a>`,
		// Off the branch: collapsed, its pages left to nav.json.
		`<details data-url="/hb/sales/"><summary>Sales</summary><ul><li class="nav-overview"><a href="/hb/sales/">Overview</a></li></ul></details>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("sidebar lacks %s\n%s", want, got)
		}
	}
	if strings.Count(got, "aria-current") != 1 {
		t.Errorf("want one aria-current:\n%s", got)
	}
	if strings.Contains(got, "pricing") {
		t.Errorf("sidebar of a people page lists pages of the collapsed Sales section:\n%s", got)
	}
	// Weight, then title: Sales (1) before People (2) before Archive (3).
	if s, p := strings.Index(got, "Sales"), strings.Index(got, "People"); s > p {
		t.Errorf("Sales (weight 1) after People (weight 2):\n%s", got)
	}
}

func TestSidebarOfASectionMarksItsOverview(t *testing.T) {
	m := model(t, handbook)
	got := New(m, "/").Sidebar(m.ByPath("sales/_index.md"))
	if !strings.Contains(got, `<a href="/sales/" aria-current="page">Overview</a>`) {
		t.Errorf("section page not marked:\n%s", got)
	}
	d, a, p := strings.Index(got, "Discovery"), strings.Index(got, "Accounts"), strings.Index(got, "Pricing")
	if d < 0 || !(d < a && a < p) {
		t.Errorf("want Discovery (weight 1), then Accounts and Pricing (weight 5) by title:\n%s", got)
	}
}

func TestSidebarHidden(t *testing.T) {
	m := model(t, handbook)
	tree := New(m, "/")
	if got := tree.Sidebar(m.ByPath("archive/old.md")); got != "" {
		t.Errorf("a page below a section with sidebar = false has a sidebar:\n%s", got)
	}
	m.Config.Params["sidebar"] = false
	if got := New(m, "/").Sidebar(m.ByPath("sales/pricing.md")); got != "" {
		t.Errorf("[params] sidebar = false left a sidebar:\n%s", got)
	}
}

func TestJSONHoldsTheWholeTree(t *testing.T) {
	m := model(t, handbook)
	var top []entry
	if err := json.Unmarshal(New(m, "/").JSON(), &top); err != nil {
		t.Fatal(err)
	}
	if len(top) != 3 || top[0].Title != "Sales" || top[1].Title != "People" {
		t.Fatalf("top level = %+v", top)
	}
	people := *top[1].Children
	if people[0].Title != "Hiring" || people[0].Children == nil || len(*people[0].Children) != 2 {
		t.Errorf("people = %+v", people)
	}
	if people[1].Title != "Leave" || people[1].Children != nil {
		t.Errorf("a page has children in nav.json: %+v", people[1])
	}
}

func TestSidebarOfABigFolderShowsOneChunk(t *testing.T) {
	files := map[string]string{"_index.md": "+++\ntitle = \"Handbook\"\n+++\n", "log/_index.md": "+++\ntitle = \"Log\"\n+++\n"}
	for i := range 100 {
		files[fmt.Sprintf("log/entry-%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Entry %03d\"\n+++\n", i)
	}
	m := model(t, files)
	got := New(m, "/").Sidebar(m.ByPath("log/entry-050.md"))
	if n := strings.Count(got, `href="/log/entry-`); n != Chunk {
		t.Errorf("sidebar lists %d pages of the folder, want %d", n, Chunk)
	}
	for _, want := range []string{`<a href="/log/entry-050/" aria-current="page">`, `data-more="earlier">40 earlier…</a>`, `data-more="more">20 more…</a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("sidebar lacks %s", want)
		}
	}
}

// TestDrawnSums checks that a drawn sidebar's sum tells pages apart
// exactly when their sidebars differ: pages of one drawing differ by
// their mark, a retitled page changes its neighbours' sidebars, and the
// same tree drawn again has the same sums.
func TestDrawnSums(t *testing.T) {
	m := model(t, handbook)
	tree := New(m, "/")
	pricing, accounts := m.ByPath("sales/pricing.md"), m.ByPath("sales/accounts.md")
	if a, b := tree.Drawn(pricing), tree.Drawn(accounts); a.Sum() == b.Sum() || a.HTML() == b.HTML() {
		t.Error("two pages of one section have the same sidebar sum")
	}
	if again := New(m, "/").Drawn(pricing); again.Sum() != tree.Drawn(pricing).Sum() || again.HTML() != tree.Sidebar(pricing) {
		t.Error("the same tree drawn again has another sum or sidebar")
	}
	retitled := map[string]string{}
	for k, v := range handbook {
		retitled[k] = v
	}
	retitled["sales/pricing.md"] = "+++\ntitle = \"Price lists\"\nweight = 5\n+++\n"
	m2 := model(t, retitled)
	if New(m2, "/").Drawn(m2.ByPath("sales/accounts.md")).Sum() == tree.Drawn(accounts).Sum() {
		t.Error("retitling a page keeps its neighbour's sidebar sum")
	}
	if (Drawn{}).HTML() != "" || (Drawn{}).Sum() != 0 {
		t.Error("no sidebar is not empty")
	}
}
