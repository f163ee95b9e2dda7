package serve

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/health"
	"github.com/playbookhq/playbook/generator/pipeline"
	"github.com/playbookhq/playbook/generator/rebuild"
	"github.com/playbookhq/playbook/internal/keycheck"
)

// Bounds of the robustness run: it stays short enough for every CI run.
const (
	robustEdits   = 150              // random edits, good and bad
	robustBudget  = 15 * time.Second // edits stop early when this is spent
	robustClients = 4                // concurrent HTTP clients
	robustSeed    = 13               // PLAYBOOK_SERVE_SEED overrides it
)

// The preview of a copy of the sample site, under bounded random good and
// bad edits (broken front matter, body edits, new, deleted and renamed
// pages) while clients keep fetching pages: no request fails except 404s
// of pages the edits removed, no page is torn (cut short, or mixing two
// versions of an edit), and once the sources are good again the served
// site is byte for byte a fresh `playbook build` of them (minus the
// reload script the server adds).
func TestServeRobustness(t *testing.T) {
	if testing.Short() {
		t.Skip("robustness run")
	}
	serveRobustness(t)
}

// TestServeRobustnessDeferred is TestServeRobustness with keys not
// verified, so that the preview defers the pages whose only change is a
// drawn part (verifying makes every page): readers hitting pages while
// they are finished must see them whole and current.
func TestServeRobustnessDeferred(t *testing.T) {
	if testing.Short() {
		t.Skip("robustness run")
	}
	keycheck.Set(t, false)
	serveRobustness(t)
}

// serveRobustness edits the sample site at random, good and bad edits,
// while clients read it, then compares the preview with a fresh build.
func serveRobustness(t *testing.T) {
	site := copySample(t)
	extras := health.NewExtras(site)
	srv := startRun(t, Options{Source: site, Bind: "127.0.0.1", Extras: extras},
		func(o pipeline.Options) Rebuilder { return rebuild.NewBuilder(o) })
	go drainLines(srv)
	rssStart := rssKB(t)

	ed := newEditor(t, site)
	urls := servedURLs(t, srv.url, site, extras)
	ed.write(hotPage, withMarkers([]byte(hotSource), hotID, 0))
	waitServed(t, srv.url+hotURL)
	load := newLoad(srv.url, urls, ed)
	load.start(robustClients)
	edits := ed.run(robustEdits, robustBudget)
	ed.restore()
	load.stop()

	mismatches := compareWithBuild(t, srv.url, site, extras, ed)
	t.Logf("serve robustness: seed %d, %d edits (%d bad), %d requests, %d non-200 (%d expected 404s of created or removed pages), %d torn (%d pages with an edit's markers checked), RSS %d kB → %d kB, %d files compared with a fresh build, %d differ",
		ed.seed, edits, ed.bad, load.requests.Load(), load.non200.Load()+load.expected404.Load(), load.expected404.Load(),
		load.torn.Load(), load.marked.Load(), rssStart, rssKB(t), mismatches.compared, len(mismatches.diffs))
	for _, f := range load.failures() {
		t.Error(f)
	}
	if n := load.non200.Load(); n > 0 {
		t.Errorf("%d requests got an unexpected status", n)
	}
	if n := load.torn.Load(); n > 0 {
		t.Errorf("%d torn pages served", n)
	}
	for _, d := range mismatches.diffs {
		t.Error(d)
	}
	if load.requests.Load() == 0 || edits == 0 || load.marked.Load() == 0 {
		t.Errorf("the run checked nothing: %d requests, %d edits, %d pages served with an edit's markers", load.requests.Load(), edits, load.marked.Load())
	}
}

// copySample copies the repository's sample site (config.toml, content/,
// static/) into a temporary folder.
func copySample(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	for _, top := range []string{"config.toml", "content", "static"} {
		err := filepath.WalkDir(filepath.Join(repo, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			writeFile(t, filepath.Join(site, rel), string(data))
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return site
}

// drainLines keeps reading the preview's output so it never blocks.
func drainLines(r *running) {
	for range r.lines {
	}
}

// rssKB is this process's resident set size (Linux), 0 elsewhere.
func rssKB(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return 0
}

// freshBuild is `playbook build --baseURL siteURL` of site into a new folder.
func freshBuild(t *testing.T, site, siteURL string, extras pipeline.Extras) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	_, err := pipeline.Build(context.Background(), pipeline.Options{Source: site, Destination: dest, BaseURL: siteURL, Quiet: true, Extras: extras})
	if err != nil {
		t.Fatalf("fresh build: %v", err)
	}
	return dest
}

// outputFiles lists the files of a built site (slash paths), without
// playbook's marker.
func outputFiles(t *testing.T, dest string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if !strings.HasPrefix(d.Name(), ".") {
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// servedURLs are the pages, stylesheets and feeds of the site as built
// before the edits: the edits keep all of them (they remove only pages
// they created), so each must answer 200 throughout.
func servedURLs(t *testing.T, siteURL, site string, extras pipeline.Extras) []string {
	t.Helper()
	var urls []string
	for _, f := range outputFiles(t, freshBuild(t, site, siteURL, extras)) {
		switch filepath.Ext(f) {
		case ".html", ".css", ".xml":
			urls = append(urls, siteURL+f)
		}
	}
	return urls
}

// editor makes random edits to the site: body edits and broken front
// matter on the sample's pages, new pages, and deletes and renames of the
// pages it created.
type editor struct {
	t        *testing.T
	site     string
	seed     uint64
	rnd      *rand.Rand
	pages    []string          // the sample's pages (slash paths below the site)
	original map[string][]byte // their content before the run
	next     int               // number of the next created page
	bad      int               // edits that break the build

	mu      sync.Mutex
	created map[string]bool // created page → still there
}

func newEditor(t *testing.T, site string) *editor {
	seed := uint64(robustSeed)
	if s, err := strconv.ParseUint(os.Getenv("PLAYBOOK_SERVE_SEED"), 10, 64); err == nil {
		seed = s
	}
	e := &editor{t: t, site: site, seed: seed, rnd: rand.New(rand.NewPCG(seed, seed)), original: map[string][]byte{}, created: map[string]bool{}}
	for _, f := range outputFiles(t, filepath.Join(site, "content")) {
		if strings.HasSuffix(f, ".md") {
			p := "content/" + f
			e.pages = append(e.pages, p)
			e.original[p] = e.read(p)
		}
	}
	slices.Sort(e.pages)
	return e
}

func (e *editor) read(p string) []byte {
	data, err := os.ReadFile(filepath.Join(e.site, p))
	if err != nil {
		e.t.Fatal(err)
	}
	return data
}

func (e *editor) write(p string, data []byte) {
	if err := os.WriteFile(filepath.Join(e.site, p), data, 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// run makes up to n edits, stopping when budget is spent; it returns how
// many it made.
func (e *editor) run(n int, budget time.Duration) int {
	deadline := time.Now().Add(budget)
	i := 0
	for ; i < n && time.Now().Before(deadline); i++ {
		e.edit(i)
		time.Sleep(time.Duration(e.rnd.IntN(40)) * time.Millisecond)
	}
	return i
}

// edit makes one random edit, numbered i.
func (e *editor) edit(i int) {
	page := e.pages[e.rnd.IntN(len(e.pages))]
	switch k := e.rnd.IntN(10); {
	case k < 2:
		e.write(page, withMarkers(e.original[page], e.pageID(page), i))
	case k < 4:
		e.write(hotPage, withMarkers([]byte(hotSource), hotID, i))
	case k < 6:
		e.write(page, brokenMatter(e.original[page], e.rnd.IntN(2)))
		e.bad++
	case k < 7:
		e.write(page, e.original[page])
	case k < 8:
		e.createPage()
	case k < 9:
		e.removeCreated(false)
	default:
		e.removeCreated(true)
	}
}

// pageID names a sample page in its markers.
func (e *editor) pageID(page string) int { return slices.Index(e.pages, page) }

// withMarkers adds a first and a last paragraph naming page id and edit
// number n, so a page mixing two versions of an edit is easy to see.
func withMarkers(src []byte, id, n int) []byte {
	matter, body := splitMatter(string(src))
	return []byte(fmt.Sprintf("%szqp%ds%d\n\n%s\n\nzqp%de%d\n", matter, id, n, body, id, n))
}

// brokenMatter breaks a page's front matter: an unclosed block, or a line
// that is not a key = value pair.
func brokenMatter(src []byte, how int) []byte {
	matter, body := splitMatter(string(src))
	if matter == "" {
		return []byte("+++\ntitle = \"Unclosed\n" + body)
	}
	lines := strings.SplitAfter(matter, "\n")
	if how == 0 {
		return []byte(strings.Join(lines[:len(lines)-2], "") + body) // drop the closing delimiter
	}
	return []byte(lines[0] + "this is not front matter [\n" + strings.Join(lines[1:], "") + body)
}

// splitMatter splits a page into its front matter block (with both
// delimiter lines) and its body.
func splitMatter(src string) (matter, body string) {
	for _, delim := range []string{"+++\n", "---\n"} {
		if !strings.HasPrefix(src, delim) {
			continue
		}
		if end := strings.Index(src[len(delim):], "\n"+delim); end >= 0 {
			cut := len(delim) + end + 1 + len(delim)
			return src[:cut], src[cut:]
		}
	}
	return "", src
}

// The hot page is a guide the run adds first and then edits often; a
// quarter of the requests fetch it, so the torn-page check sees many
// versions of it.
const (
	hotPage   = "content/guides/robust-hot.md"
	hotURL    = "guides/robust-hot/"
	hotID     = 999
	hotSource = "+++\ntitle = \"Robustness hot page\"\ndescription = \"A page the serve robustness test edits again and again.\"\n+++\n" +
		"The preview keeps serving this page while it changes underneath.\n"
)

// waitServed waits until url answers 200 (the guard only stops a hang).
func waitServed(t *testing.T, url string) {
	t.Helper()
	for guard := time.Now().Add(time.Minute); status(url) != http.StatusOK; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(guard) {
			t.Fatalf("%s never served", url)
		}
	}
}

// createPage adds a new guide.
func (e *editor) createPage() {
	e.next++
	p := fmt.Sprintf("content/guides/robust-%d.md", e.next)
	e.write(p, []byte(fmt.Sprintf("+++\ntitle = \"Robustness note %d\"\ndescription = \"A page the serve robustness test made.\"\n+++\nNote number %d, written while the preview was under load.\n", e.next, e.next)))
	e.mu.Lock()
	e.created[p] = true
	e.mu.Unlock()
}

// removeCreated deletes one of the created pages, or renames it.
func (e *editor) removeCreated(rename bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var live []string
	for p, ok := range e.created {
		if ok {
			live = append(live, p)
		}
	}
	if len(live) == 0 {
		return
	}
	slices.Sort(live)
	p := live[e.rnd.IntN(len(live))]
	e.created[p] = false
	from := filepath.Join(e.site, p)
	if !rename {
		os.Remove(from)
		return
	}
	e.next++
	to := fmt.Sprintf("content/guides/renamed-%d.md", e.next)
	if err := os.Rename(from, filepath.Join(e.site, to)); err == nil {
		e.created[to] = true
	}
}

// restore puts every sample page back as it was: the final good state.
func (e *editor) restore() {
	for _, p := range e.pages {
		e.write(p, e.original[p])
	}
}

// createdURLs are the URLs of every page the editor made, and whether
// each is still there.
func (e *editor) createdURLs(siteURL string) map[string]bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := map[string]bool{}
	for p, ok := range e.created {
		out[siteURL+"guides/"+strings.TrimSuffix(filepath.Base(p), ".md")+"/"] = ok
	}
	return out
}

// load is the concurrent HTTP clients.
type load struct {
	siteURL string
	urls    []string
	ed      *editor
	done    chan struct{}
	wg      sync.WaitGroup

	requests, non200, expected404, torn, marked atomic.Int64

	mu   sync.Mutex
	errs []string
}

func newLoad(siteURL string, urls []string, ed *editor) *load {
	return &load{siteURL: siteURL, urls: urls, ed: ed, done: make(chan struct{})}
}

func (l *load) start(clients int) {
	for c := range clients {
		l.wg.Go(func() {
			rnd := rand.New(rand.NewPCG(l.ed.seed, uint64(c)+1))
			client := &http.Client{Timeout: time.Minute}
			for {
				select {
				case <-l.done:
					return
				default:
				}
				url, mayBeGone := l.pick(rnd)
				l.fetch(client, url, mayBeGone)
			}
		})
	}
}

func (l *load) stop() {
	close(l.done)
	l.wg.Wait()
}

// pick returns the hot page's URL, or one of a created page (which may be
// gone: then 404 is expected), or one of the sample site.
func (l *load) pick(rnd *rand.Rand) (url string, mayBeGone bool) {
	switch rnd.IntN(4) {
	case 0:
		return l.siteURL + hotURL, false
	case 1:
		var created []string
		for u := range l.ed.createdURLs(l.siteURL) {
			created = append(created, u)
		}
		if len(created) > 0 {
			slices.Sort(created)
			return created[rnd.IntN(len(created))], true
		}
	}
	return l.urls[rnd.IntN(len(l.urls))], false
}

// fetch sends one request and checks the response.
func (l *load) fetch(client *http.Client, url string, mayBeGone bool) {
	l.requests.Add(1)
	resp, err := client.Get(url)
	if err != nil {
		l.fail(&l.non200, "GET %s: %v", url, err)
		return
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	switch {
	case err != nil:
		l.fail(&l.non200, "GET %s: reading: %v", url, err)
	case resp.StatusCode == http.StatusNotFound && mayBeGone:
		l.expected404.Add(1)
	case resp.StatusCode != http.StatusOK:
		l.fail(&l.non200, "GET %s: status %d", url, resp.StatusCode)
	case strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html"):
		why, marked := tornPage(string(body))
		if why != "" {
			l.fail(&l.torn, "GET %s: torn page: %s", url, why)
		}
		if marked {
			l.marked.Add(1)
		}
	}
}

func (l *load) fail(counter *atomic.Int64, format string, args ...any) {
	counter.Add(1)
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.errs) < 10 {
		l.errs = append(l.errs, fmt.Sprintf(format, args...))
	}
}

func (l *load) failures() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.errs)
}

var markerRE = regexp.MustCompile(`zqp(\d+)([se])(\d+)`)

// tornPage says why an HTML page is not whole: it does not end the
// document, or it holds the first paragraph of one version of an edit and
// the last of another. "" means whole; marked is true when the page
// showed an edit's first and last paragraphs.
func tornPage(page string) (why string, marked bool) {
	if !strings.HasSuffix(strings.TrimRight(page, " \n"), "</html>") {
		return fmt.Sprintf("does not end with </html> (%d bytes)", len(page)), false
	}
	starts, ends := map[string][]string{}, map[string][]string{}
	for _, m := range markerRE.FindAllStringSubmatch(page, -1) {
		if m[2] == "s" {
			starts[m[1]] = append(starts[m[1]], m[3])
		} else {
			ends[m[1]] = append(ends[m[1]], m[3])
		}
	}
	for id, e := range ends {
		s := starts[id]
		if len(s) > 0 && !slices.Contains(s, e[0]) {
			return fmt.Sprintf("page %s starts with edit %v and ends with edit %v", id, s, e), true
		}
		marked = marked || len(s) > 0
	}
	return "", marked
}

// comparison is the outcome of compareWithBuild.
type comparison struct {
	compared int
	diffs    []string
}

// compareWithBuild waits until the served site is a fresh build of the
// sources (the preview catches up on its own; the guard only stops a
// hang) and returns the differences left when it is not.
func compareWithBuild(t *testing.T, siteURL, site string, extras pipeline.Extras, ed *editor) comparison {
	t.Helper()
	want := freshBuild(t, site, siteURL, extras)
	files := outputFiles(t, want)
	guard := time.Now().Add(time.Minute)
	for {
		c := comparison{compared: len(files)}
		for _, f := range files {
			if d := compareFile(siteURL, want, f); d != "" {
				c.diffs = append(c.diffs, d)
			}
		}
		for url, there := range ed.createdURLs(siteURL) {
			if !there && status(url) != http.StatusNotFound {
				c.diffs = append(c.diffs, fmt.Sprintf("%s: removed page still served", url))
			}
		}
		if len(c.diffs) == 0 || time.Now().After(guard) {
			return c
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var reloadTagRE = regexp.MustCompile(`<script src="/__playbook/reload\.js\?build=\d+" defer></script>`)

// compareFile compares one served file with the fresh build's.
func compareFile(siteURL, dest, rel string) string {
	want, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel)))
	if err != nil {
		return err.Error()
	}
	resp, err := http.Get(siteURL + rel)
	if err != nil {
		return fmt.Sprintf("GET %s: %v", rel, err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Sprintf("GET %s: status %d, %v", rel, resp.StatusCode, err)
	}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		got = reloadTagRE.ReplaceAll(got, nil)
	}
	if string(got) != string(want) {
		return fmt.Sprintf("%s differs from a fresh build (%d bytes served, %d built)", rel, len(got), len(want))
	}
	return ""
}

func status(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestTornPage(t *testing.T) {
	for _, tt := range []struct {
		page         string
		torn, marked bool
	}{
		{"<html><p>zqp1s4</p><p>zqp1e4</p></html>\n", false, true},
		{"<html><p>zqp1s4</p><p>zqp1e5</p></html>\n", true, true},
		{"<html><p>zqp1s4</p><p>zqp1e4</p>", true, false},
		{"<html><p>zqp2s4</p><p>zqp1e7</p></html>", false, false}, // a card of page 2 on page 1
	} {
		why, marked := tornPage(tt.page)
		if (why != "") != tt.torn || marked != tt.marked {
			t.Errorf("tornPage(%q) = %q, %v; want torn %v, marked %v", tt.page, why, marked, tt.torn, tt.marked)
		}
	}
}
