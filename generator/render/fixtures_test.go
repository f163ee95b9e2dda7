package render

import (
	"html/template"
	"time"
)

// Fixture pages of every kind and type, built in Go so that the golden
// files show exactly what the theme does with each field.

var (
	fixtureDate    = time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	fixtureLastmod = time.Date(2025, 4, 2, 9, 0, 0, 0, time.UTC)
)

func fixtureSite() *Site {
	return &Site{
		Title:        "Revenue Playbook",
		Description:  "How sales and marketing work as one team.",
		LanguageCode: "en",
		BaseURL:      "https://intranet.example.com/playbook/",
		BasePath:     "/playbook/",
		Menu: []Link{
			{Title: "Playbooks", URL: "/playbook/playbooks/", Current: true},
			{Title: "Guides", URL: "/playbook/guides/"},
			{Title: "Case studies", URL: "/playbook/case-studies/"},
		},
		Sections: []Link{
			{Title: "Playbooks", URL: "/playbook/playbooks/"},
			{Title: "Guides", URL: "/playbook/guides/"},
			{Title: "Case studies", URL: "/playbook/case-studies/"},
		},
		Taxonomies: []Taxonomy{fixtureTeams()},
		Copyright:  "© 2025 Example Corp",
		Generator:  "playbook v0.1.0",
	}
}

func fixtureTeams() Taxonomy {
	return Taxonomy{
		Name: "teams", Singular: "team", Title: "Teams", URL: "/playbook/teams/",
		Terms: []Term{
			{Name: "Marketing", URL: "/playbook/teams/marketing/", Count: 3},
			{Name: "Sales", URL: "/playbook/teams/sales/", Count: 1},
		},
	}
}

func teamLinks() []Link {
	return []Link{{Title: "Marketing", URL: "/playbook/teams/marketing/"}, {Title: "Sales", URL: "/playbook/teams/sales/"}}
}

func fixtureMetric() Metric {
	return Metric{Label: "Lead-to-opportunity conversion", Before: "4.2", After: "9.8", Unit: "%", Change: "+133%", Better: true}
}

func fixtureSummaries() []Summary {
	m := fixtureMetric()
	return []Summary{
		{Title: "Agree on an SQL", URL: "/playbook/playbooks/sql/", Type: "playbook", TypeTitle: "Playbook",
			Description: "One definition both teams sign.", Date: fixtureDate, Teams: teamLinks()},
		{Title: "Northwind doubles conversion", URL: "/playbook/case-studies/northwind/", Type: "case-study",
			TypeTitle: "Case study", Description: "Shared funnel reviews.", Headline: &m,
			Fields: []Field{{Name: "company", Title: "Company", Kind: "text", Text: "Northwind", HTML: "Northwind"}}},
	}
}

func basePage(kind Kind, typ, title, url string) *Page {
	return &Page{
		Site: fixtureSite(), Kind: kind, Type: typ, Title: title, URL: url,
		Permalink:   "https://intranet.example.com" + url,
		Description: title + " — description.",
		Lead:        title + " — description.",
	}
}

func fixtureContentPage(typ, typeTitle, title, url string) *Page {
	p := basePage(KindPage, typ, title, url)
	p.TypeTitle = typeTitle
	p.Date, p.Lastmod = fixtureDate, fixtureLastmod
	p.Owner = "Revenue operations"
	p.ReadingTime = 4
	p.Tags = []Link{{Title: "meetings", URL: "/playbook/tags/meetings/"}}
	p.Teams = teamLinks()
	p.Content = template.HTML(`<h2 id="why">Why <a class="anchor" href="#why" aria-label="Link to this section">#</a></h2><p>Because <strong>alignment</strong> <a href="https://example.org/x">pays</a>.</p>`)
	p.Breadcrumbs = []Link{{Title: "Home", URL: "/playbook/"}, {Title: "Section", URL: "/playbook/section/"}}
	p.Prev = &Link{Title: "Earlier one", URL: "/playbook/section/earlier/"}
	p.Next = &Link{Title: "Later one", URL: "/playbook/section/later/"}
	p.Related = fixtureSummaries()[:1]
	return p
}

func fixturePlaybook() *Page {
	p := fixtureContentPage("playbook", "Playbook", "Agree on a sales-qualified lead", "/playbook/playbooks/sql/")
	p.Fields = map[string]any{
		"audience": []string{"Sales development", "Demand generation"},
		"duration": "45 minutes",
		"outcome":  "One agreed definition of a sales-qualified lead",
	}
	p.Steps = []Step{
		{Title: "Review last month's funnel", Owner: "Marketing ops", Duration: "10 min", Detail: "Bring the dashboard."},
		{Title: "Draft the definition", Owner: "Sales lead", Duration: "20 min"},
	}
	return p
}

func fixtureCaseStudy() *Page {
	p := fixtureContentPage("case-study", "Case study", "Northwind doubles conversion", "/playbook/case-studies/northwind/")
	worse := Metric{Label: "Sales cycle", Before: "41", After: "47", Unit: "days", Change: "+15%", Better: false}
	p.Fields = map[string]any{"company": "Northwind Analytics", "industry": "B2B software", "challenge": "Two funnels, no shared number."}
	p.Results = []Metric{fixtureMetric(), worse}
	return p
}

func fixtureGuide() *Page {
	p := fixtureContentPage("guide", "Guide", "Running joint pipeline meetings", "/playbook/guides/meetings/")
	p.ReadingTime = 12
	p.TOC = []TOCEntry{{ID: "why", Text: "Why", Level: 2, Children: []TOCEntry{{ID: "how", Text: "How", Level: 3}}}, {ID: "next", Text: "Next", Level: 2}}
	p.LastCommit = &Commit{Author: "Dana Writer", Date: time.Date(2025, 5, 6, 9, 0, 0, 0, time.UTC)}
	p.EditURL = "https://git.example.com/handbook/-/edit/main/content/guides/meetings.md"
	p.HistoryURL = "https://git.example.com/handbook/-/commits/main/content/guides/meetings.md"
	p.OwnerURL = "https://chat.example.com/revops"
	p.OwnerPage = "/owners/#owner-revenue-operations"
	p.Sidebar = `<nav class="sidebar" id="sidebar" aria-label="Site sections"></nav>`
	return p
}

func fixtureSection() *Page {
	p := basePage(KindSection, "playbook", "Playbooks", "/playbook/playbooks/")
	p.Breadcrumbs = []Link{{Title: "Home", URL: "/playbook/"}}
	p.Content = template.HTML("<p>Step-by-step sessions.</p>")
	p.Pages = fixtureSummaries()
	p.Subsections = []Summary{{Title: "Onboarding", URL: "/playbook/playbooks/onboarding/", Description: "First weeks."}}
	return p
}

func fixtureHome() *Page {
	p := basePage(KindHome, "", "Revenue Playbook", "/playbook/")
	p.Content = template.HTML("<p>Start with a playbook.</p>")
	p.Entry = []Summary{{Title: "Playbooks", URL: "/playbook/playbooks/", Description: "Run a session."}}
	p.Recent = fixtureSummaries()
	return p
}

func fixtureTaxonomy() *Page {
	tax := fixtureTeams()
	p := basePage(KindTaxonomy, "", "Teams", "/playbook/teams/")
	p.Taxonomy = &tax
	p.Terms = tax.Terms
	p.Breadcrumbs = []Link{{Title: "Home", URL: "/playbook/"}}
	return p
}

func fixtureTerm() *Page {
	tax := fixtureTeams()
	p := basePage(KindTerm, "", "Marketing", "/playbook/teams/marketing/")
	p.Taxonomy = &tax
	p.Pages = fixtureSummaries()
	p.Breadcrumbs = []Link{{Title: "Home", URL: "/playbook/"}, {Title: "Teams", URL: "/playbook/teams/"}}
	return p
}

// fixturePages returns one page per kind and type, keyed by a file name.
func fixturePages() map[string]*Page {
	plain := fixtureContentPage("page", "", "About this playbook", "/playbook/about/")
	plain.Prev, plain.Related, plain.Tags = nil, nil, nil
	alias := basePage(KindPage, "page", "", "/playbook/old/")
	alias.Redirect = "/playbook/playbooks/sql/"
	return map[string]*Page{
		"home":       fixtureHome(),
		"section":    fixtureSection(),
		"playbook":   fixturePlaybook(),
		"case-study": fixtureCaseStudy(),
		"guide":      fixtureGuide(),
		"typed":      fixtureTyped(),
		"page":       plain,
		"taxonomy":   fixtureTaxonomy(),
		"term":       fixtureTerm(),
		"search":     basePage(KindSearch, "", "Search", "/playbook/search/"),
		"404":        basePage(Kind404, "", "Page not found", "/playbook/404.html"),
		"alias":      alias,
	}
}

// fixtureTyped is a page of a site's own type without a layout of its
// own: the generic typed layout shows its glance box, details and records.
func fixtureTyped() *Page {
	p := fixtureContentPage("meeting", "Meeting template", "Monday stand-up", "/playbook/meetings/monday/")
	text := func(name, title, v string) Field {
		return Field{Name: name, Title: title, Kind: "text", Text: v, HTML: template.HTML(template.HTMLEscapeString(v))}
	}
	cadence := text("cadence", "Cadence", "Weekly")
	cadence.Glance = true
	prework := Field{Name: "prework", Title: "Before you arrive", Kind: "markdown", Text: "Read the *dashboard*", HTML: "Read the <em>dashboard</em>"}
	agenda := Field{Name: "agenda", Title: "Agenda", Kind: "records", Columns: []string{"Item", "Owner"},
		Rows: [][]Field{
			{text("item", "Item", "Follow-ups <done?>"), text("owner", "Owner", "Chair")},
			{text("item", "Item", "Pipeline by source"), {Name: "owner", Title: "Owner", Kind: "text"}},
		}}
	p.Fields = map[string]any{"cadence": "Weekly", "prework": prework.HTML}
	p.TypeFields = []Field{cadence, prework, agenda}
	teams := Field{Name: "teams", Title: "Teams", Kind: "list", Text: "Sales", HTML: `<a href="/playbook/teams/sales/">Sales</a>`}
	p.Glance = []Field{cadence, teams}
	return p
}
