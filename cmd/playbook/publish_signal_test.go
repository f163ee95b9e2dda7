//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestPublishSIGTERMRemovesStaging stops a build with SIGTERM while it
// writes into its staging folder (held there by a static file that is a
// named pipe): the build must stop like on Ctrl-C, remove the staging
// folder and publish nothing.
func TestPublishSIGTERMRemovesStaging(t *testing.T) {
	if dir := os.Getenv("PLAYBOOK_SIGTERM_SITE"); dir != "" {
		ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
		code := run(ctx, []string{"build", "-s", dir}, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	site := t.TempDir()
	os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = \"Signals\"\n"), 0o644)
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("# A\n\nText.\n"), 0o644)
	os.MkdirAll(filepath.Join(site, "static"), 0o755)
	pipe := filepath.Join(site, "static", "block.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPublishSIGTERMRemovesStaging$")
	cmd.Env = append(os.Environ(), "PLAYBOOK_SIGTERM_SITE="+site)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for { // the test's timeout bounds the wait
		if m, _ := filepath.Glob(filepath.Join(site, ".public.staging-*")); len(m) > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	err := unblock(pipe, done)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitBuild {
		t.Fatalf("exit: %v; want code %d\n%s", err, exitBuild, stderr.Bytes())
	}
	if !bytes.Contains(stderr.Bytes(), []byte("Build interrupted")) {
		t.Errorf("stderr does not say the build was interrupted:\n%s", stderr.Bytes())
	}
	if m, _ := filepath.Glob(filepath.Join(site, ".public*")); len(m) > 0 {
		t.Errorf("left behind after SIGTERM: %v", m)
	}
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Error("an interrupted build published public/")
	}
}

// unblock lets the build's read of the named pipe finish (with nothing in
// it) once the build opened it, and returns how the build ended.
func unblock(pipe string, done <-chan error) error {
	for {
		select {
		case err := <-done:
			return err
		default:
		}
		// Non-blocking: fails until the reader is there, and never hangs
		// when the build died without reading.
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
			return <-done
		}
		time.Sleep(5 * time.Millisecond)
	}
}
