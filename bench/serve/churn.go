package main

import (
	"context"
	"fmt"
	"os"
	"time"
)

// churn keeps editing the page every interval for the given time, so that
// the site is rebuilt over and over under load.
func (b *bench) churn(ctx context.Context, total, every time.Duration) error {
	fmt.Printf("URL %s\n", b.pageURL)
	go func() {
		for line := range b.lines {
			fmt.Fprintln(os.Stderr, "  |", line)
		}
	}()
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	end := time.After(total)
	for i := 1; ; i++ {
		select {
		case <-ctx.Done():
			return nil
		case <-end:
			return nil
		case <-ticker.C:
			if err := b.edit(i); err != nil {
				return err
			}
		}
	}
}
