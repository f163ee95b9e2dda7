package sitecheck

import (
	"strconv"
	"testing"

	"github.com/playbookhq/playbook/internal/browsertest"
)

// snippetCheck is run in the search page: for every result shown it
// returns the URLs whose excerpt has no <mark> although the page's shown
// text (description, headings, prose, as its fragment carries them) holds
// a word starting with the given stem.
const snippetCheck = `(async (base, q, stem) => {
  const eng = await PlaybookSearch.open(base);
  const frags = new Map();
  for (const r of (await eng.search(q, {})).results) { const f = await r.fragment(); frags.set(f.u, f); }
  const re = new RegExp("(^|[^\\p{L}\\p{N}])" + stem, "iu");
  const bad = [];
  for (const li of document.querySelectorAll("#search-results li.search-result")) {
    const url = li.querySelector("h2 a").getAttribute("href").split("?")[0];
    if (li.querySelector(".search-result-excerpt mark")) continue;
    const f = frags.get(url);
    if (!f) { bad.push(url + " (no fragment)"); continue; }
    const shown = [f.d || ""].concat(f.s.map(s => s[1] + " " + s[2])).join(" ");
    if (re.test(shown)) bad.push(url);
  }
  return bad;
})`

// TestSearchSnippetsShowMatches: every result whose shown text holds a
// matched word has that word marked in its snippet, whether the word is
// in the prose, the description or only in a heading.
func TestSearchSnippetsShowMatches(t *testing.T) {
	p := page{t, browsertest.New(t)}
	base := browsertest.ServeDir(t, buildSample(t), basePath)
	for _, q := range []struct{ query, stem string }{
		{"handoff", "handoff"}, {"sla", "sla"}, {"escalation", "escalat"}, {"owner", "owner"}, {"workshop", "workshop"},
	} {
		p.open(base+"search/?q="+q.query, 1280)
		p.wait(`window.searchReady && document.querySelector("#search-results li.search-result h2 a")`)
		p.wait(`Array.from(document.querySelectorAll("#search-results li.search-result")).every(li => li.querySelector("h2 a") && li.querySelector(".search-result-excerpt"))`)
		n := eval[float64](p, `document.querySelectorAll("#search-results li.search-result").length`)
		if n < 2 {
			t.Fatalf("q=%s: %v results; the test needs several", q.query, n)
		}
		if bad := eval[[]string](p, snippetCheck+"("+strconv.Quote(basePath)+", "+strconv.Quote(q.query)+", "+strconv.Quote(q.stem)+")"); len(bad) > 0 {
			t.Errorf("q=%s: snippets without a marked word although the page shows one: %v", q.query, bad)
		}
	}
}
