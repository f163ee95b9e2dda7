package health

import (
	"bytes"
	"context"
	"html/template"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/gitinfo"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/site"
)

// PageURL is where the health page is written.
const PageURL = "/health/"

// Extras gives a build the health page ([health] page = true) and the
// "Review due" notice of typed pages ([health] reviewNotice = true). It
// implements pipeline.Extras and costs nothing when both are off.
type Extras struct {
	source string
	now    func() time.Time

	mu       sync.Mutex
	settings Settings
	cfg      *config.Config
	found    []Finding
	due      map[string]time.Time // file → review deadline passed
}

var _ pipeline.Extras = (*Extras)(nil)

// NewExtras returns the build extras for the site at source.
func NewExtras(source string) *Extras {
	return &Extras{source: source, now: func() time.Time { return time.Now().UTC() }}
}

// Prepare works out reviews and ages from the model when the site asked
// for the page or the notice.
func (e *Extras) Prepare(cfg *config.Config, model *site.Site) {
	s, _ := ParseSettings(cfg) // `playbook check` reports bad settings
	e.mu.Lock()
	defer e.mu.Unlock()
	e.settings, e.cfg, e.found, e.due = s, cfg, nil, nil
	if !s.Page && !s.ReviewNotice {
		return
	}
	opts := Options{Now: e.now(), Settings: s}
	if s.Page {
		opts.Git = func() map[string]gitinfo.Info {
			infos, _, _ := gitinfo.Load(context.Background(), e.source)
			return infos
		}
	}
	c := NewChecker(opts)
	c.Site(cfg, &content.Tree{}, model)
	e.found, e.due = c.found, c.dueDates
}

// Notice returns "Review due …" for an overdue page of a content type.
func (e *Extras) Notice(p *site.Page) string {
	if p.Src == nil {
		return ""
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.settings.ReviewNotice || e.cfg == nil {
		return ""
	}
	if _, typed := e.cfg.Types[p.Type]; !typed {
		return ""
	}
	due, ok := e.due[p.Src.File]
	if !ok {
		return ""
	}
	return "Review due: this page should have been reviewed by " + due.Format("2 January 2006") + "; check with its owner before relying on it."
}

// Pages returns the health page when the site asked for it.
func (e *Extras) Pages() []pipeline.ExtraPage {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.settings.Page {
		return nil
	}
	var b bytes.Buffer
	data := pageData{
		Date:    e.now().Format("2 January 2006"),
		Overdue: byOwner(e.found, ReviewOverdue, e.cfg.BasePath()),
		DueSoon: byOwner(e.found, ReviewDue, e.cfg.BasePath()),
		Stale:   byOwner(e.found, Stale, e.cfg.BasePath()),
	}
	if err := pageTemplate.Execute(&b, data); err != nil {
		panic(err) // the template is fixed and its data plain: a failure is a bug
	}
	return []pipeline.ExtraPage{{
		URL:         PageURL,
		Title:       "Content health",
		Description: "Pages whose review is overdue or due soon, and pages unchanged for a long time, by owner.",
		HTML:        template.HTML(b.String()),
	}}
}

type pageData struct {
	Date                    string
	Overdue, DueSoon, Stale []ownerRows
}

type ownerRows struct {
	Owner string
	Rows  []row
}

type row struct {
	Title, URL, Note string
}

// byOwner groups the findings of kind k by owner, most pages first.
func byOwner(fs []Finding, k Kind, base string) []ownerRows {
	var kept []Finding
	for _, f := range fs {
		if f.Kind == k {
			kept = append(kept, f)
		}
	}
	sortFindings(kept)
	var out []ownerRows
	for _, g := range groupByOwner(kept) {
		or := ownerRows{Owner: g.owner}
		for _, f := range g.items {
			or.Rows = append(or.Rows, row{Title: f.title, URL: base + strings.TrimPrefix(f.URL, "/"), Note: f.Message})
		}
		sort.SliceStable(or.Rows, func(i, j int) bool { return or.Rows[i].Title < or.Rows[j].Title })
		out = append(out, or)
	}
	return out
}

var pageTemplate = template.Must(template.New("health").Funcs(template.FuncMap{"list": func(v ...any) []any { return v }}).Parse(`<p>As of {{ .Date }}. Each owner sees the pages they should look at; <code>playbook check</code> lists every finding.</p>
{{ template "group" (list "Overdue reviews" "overdue" .Overdue) }}
{{ template "group" (list "Reviews due soon" "due-soon" .DueSoon) }}
{{ template "group" (list "Stale pages" "stale" .Stale) }}
{{ define "group" }}{{ $title := index . 0 }}{{ $id := index . 1 }}{{ $groups := index . 2 }}
<h2 id="{{ $id }}">{{ $title }}</h2>
{{ with $groups }}{{ range . }}
<h3>{{ .Owner }} ({{ len .Rows }})</h3>
<ul>{{ range .Rows }}
<li><a href="{{ .URL }}">{{ .Title }}</a>: {{ .Note }}</li>{{ end }}
</ul>{{ end }}{{ else }}
<p>None.</p>{{ end }}{{ end }}`))
