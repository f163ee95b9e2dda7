package markdown_test

import (
	"fmt"
	"strings"

	"github.com/playbookhq/playbook/generator/markdown"
)

func ExampleRenderer_Render() {
	// One Renderer per configuration, shared by all goroutines.
	r := markdown.New(markdown.Options{DropLeadingH1: true})
	body := "# Weekly pipeline review\n\n" +
		"Agree on one [definition](../guides/sla.md#mql) of a lead.\n\n" +
		"## Agenda\n\n> [!TIP]\n> Keep it short.\n"
	resolve := func(dest string) (string, bool) {
		if strings.HasPrefix(dest, "../guides/sla.md") {
			return strings.Replace(dest, "../guides/sla.md", "/guides/sla/", 1), true
		}
		return "", false
	}
	// The body starts on line 5 of its file, after 4 lines of front matter.
	res, err := r.Render([]byte(body), 4, resolve)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(res.HTML))
	fmt.Println("title:", res.H1)
	fmt.Printf("toc: %+v\n", res.TOC)
	fmt.Printf("link: %+v\n", res.Links[0])
	fmt.Println("summary:", res.Summary)
	// Output:
	// <p>Agree on one <a href="/guides/sla/#mql">definition</a> of a lead.</p>
	// <h2 id="agenda">Agenda <a class="anchor" href="#agenda" aria-label="Link to this section: Agenda">#</a></h2>
	// <aside class="callout callout-tip" role="note">
	// <p class="callout-title">Tip</p>
	// <p>Keep it short.</p>
	// </aside>
	// title: Weekly pipeline review
	// toc: [{Level:2 ID:agenda Text:Agenda Line:9}]
	// link: {Dest:../guides/sla.md#mql URL:/guides/sla/#mql Image:false Line:7 Col:14}
	// summary: Agree on one definition of a lead.
}
