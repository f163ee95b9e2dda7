package serve

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// While the site is rebuilt over and over, a bounded number of requests
// all succeed and never see a half-written page.
func TestServeUnderLoadWhileRebuilding(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	fake := newFakeSite(t)
	srv := startServe(t, fake, Options{})
	// Each worker sends at least minRequests and keeps going until the
	// site has been rebuilt minBuilds times, up to maxRequests.
	const workers, minRequests, maxRequests, minBuilds = 4, 250, 20000, 6
	stop := make(chan struct{})
	var edits sync.WaitGroup
	edits.Add(1)
	go func() {
		defer edits.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			// Save by rename, so the fake builder never reads a half-saved source.
			tmp := filepath.Join(fake.src, "content", "page.md.tmp")
			writeFile(t, tmp, fmt.Sprintf("version %d\n", i))
			if err := os.Rename(tmp, filepath.Join(fake.src, "content", "page.md")); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	client := &http.Client{}
	var wg sync.WaitGroup
	errs := make(chan error, workers*maxRequests)
	for range workers {
		wg.Go(func() {
			for i := 0; i < maxRequests && (i < minRequests || fake.buildCount() < minBuilds); i++ {
				errs <- checkPage(client, srv.url)
			}
		})
	}
	wg.Wait()
	close(stop)
	edits.Wait()
	close(errs)
	failed, requests := 0, len(errs)
	for err := range errs {
		if err != nil {
			if failed < 5 {
				t.Error(err)
			}
			failed++
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d requests failed", failed, requests)
	}
	if fake.buildCount() < minBuilds {
		t.Errorf("only %d builds ran during %d requests; want %d", fake.buildCount(), requests, minBuilds)
	}
	t.Logf("%d requests, %d builds", requests, fake.buildCount())
}

// checkPage fetches the page and checks it is whole: the version in the
// title and in the footer are the same, and the document is closed.
func checkPage(client *http.Client, url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	page := string(body)
	title := between(page, "<title>", "</title>")
	footer := between(page, "<footer>", "</footer>")
	if title == "" || title != footer || !strings.HasSuffix(page, "</html>\n") {
		return fmt.Errorf("half-written page: title %q, footer %q, %d bytes", title, footer, len(page))
	}
	return nil
}

func between(s, start, end string) string {
	_, after, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	inside, _, _ := strings.Cut(after, end)
	return inside
}
