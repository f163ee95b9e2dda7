package render

import (
	"html"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/chart"
)

// funcMap is the small set of helpers templates may call besides the
// methods of the data.
func (t *Theme) funcMap() template.FuncMap {
	return template.FuncMap{
		// card renders a Summary with partials/card.html, once per distinct
		// summary: the same card appears in many lists.
		"card": t.card,
		// cards renders a list of summaries, each as card does, one
		// per line: {{ cards .Pages }}.
		"cards": t.cardList,
		// owner renders an Owner's entry of the owners page with
		// partials/owner.html, once per distinct entry (see Owner.Key).
		"owner": t.owner,
		// links renders each link of a list with a partial, once per
		// distinct link: {{ links "partials/term-chip.html" .Tags }}.
		"links": t.linkList,
		// chrome renders a partial whose dot is .Site once per site
		// variant: {{ chrome "partials/header.html" .Site }}.
		"chrome":   t.chrome,
		"join":     join,
		"date":     formatDate,
		"datetime": machineDate,
		"plural":   plural,
		"withUnit": chart.WithUnit,
		// refreshContent builds the content attribute of a meta refresh.
		"refreshContent": refreshContent,
	}
}

// join joins items with sep: {{ .Fields.audience | join ", " }}.
func join(sep string, items []string) string { return strings.Join(items, sep) }

// formatDate formats t for people, e.g. "5 Mar 2025"; "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// machineDate formats t for a <time datetime> attribute.
func machineDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// plural returns "1 page" or "3 pages": {{ plural .Count "page" "pages" }}.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// refreshContent returns the attribute content="0; url=TARGET" for a meta
// refresh to target. html/template refuses data in that attribute, so the
// target is checked here: only http(s) URLs and relative or site-absolute
// paths are allowed; anything else refreshes to nowhere.
func refreshContent(target string) template.HTMLAttr {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return template.HTMLAttr(`content="0"`)
	}
	return template.HTMLAttr(`content="0; url=` + html.EscapeString(u.String()) + `"`)
}
