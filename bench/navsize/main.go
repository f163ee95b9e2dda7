// Command navsize measures what the section sidebar costs a page: it
// generates a site of 5,000 pages in 810 folders (10 top-level sections,
// 10 below each, 7 below each of those), builds it, and reports the
// median and largest page HTML, raw and gzipped, and the size of the
// whole tree (nav.json) the theme loads once.
//
//	go run ./bench/navsize            # in a temporary folder, removed after
//	go run ./bench/navsize -keep DIR  # keep the site and output in DIR
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/playbookhq/playbook/generator/pipeline"
)

func main() {
	keep := flag.String("keep", "", "folder to generate the site and its output in (kept)")
	flag.Parse()
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "navsize")
		check(err)
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	src, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	pages, folders := generate(src)
	res, err := pipeline.Build(context.Background(), pipeline.Options{Source: src, Destination: out, Quiet: true})
	check(err)
	fmt.Printf("site: %d content pages in %d folders (%d pages built)\n", pages, folders, res.Pages)
	report(out)
}

// generate writes the site and returns its page and folder counts.
func generate(src string) (pages, folders int) {
	write(filepath.Join(src, "config.toml"), "title = \"Navigation size bench\"\nbaseURL = \"https://handbook.example.com/\"\n")
	write(filepath.Join(src, "content", "_index.md"), "+++\ntitle = \"Handbook\"\n+++\nThe front page.\n")
	for a := range 10 {
		top := filepath.Join(src, "content", fmt.Sprintf("area-%02d", a))
		folders++
		section(top, fmt.Sprintf("Area %d", a), a)
		for b := range 10 {
			mid := filepath.Join(top, fmt.Sprintf("team-%02d", b))
			folders++
			section(mid, fmt.Sprintf("Team %d.%d", a, b), b)
			pages += leaves(mid, 8)
			for c := range 7 {
				low := filepath.Join(mid, fmt.Sprintf("topic-%02d", c))
				folders++
				section(low, fmt.Sprintf("Topic %d.%d.%d", a, b, c), c)
				pages += leaves(low, 6)
			}
		}
	}
	return pages, folders
}

func section(dir, title string, weight int) {
	write(filepath.Join(dir, "_index.md"), fmt.Sprintf("+++\ntitle = %q\nweight = %d\n+++\nWhat the %s folder holds.\n", title, weight+1, title))
}

// leaves writes n pages with three headings each into dir.
func leaves(dir string, n int) int {
	for i := range n {
		body := fmt.Sprintf(`+++
title = "How we handle request %[1]d in %[2]s"
owner = "Operations"
tags = ["process"]
+++
This page explains how one kind of request is received, checked and closed.

## Who asks

Requests come from customers and colleagues through the shared queue.

## What we check

We confirm the account, the urgency and whether an earlier request covers it.

## How we close it

We write down the outcome, tell the person who asked and link the record.
`, i, filepath.Base(dir))
		write(filepath.Join(dir, fmt.Sprintf("request-%02d.md", i)), body)
	}
	return n
}

// report prints size figures of the built pages.
func report(out string) {
	var raw, gz []int
	check(filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "index.html") || strings.Contains(p, string(filepath.Separator)+"tags"+string(filepath.Separator)) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		raw = append(raw, len(b))
		gz = append(gz, gzipSize(b))
		return nil
	}))
	tree, err := os.ReadFile(filepath.Join(out, "nav.json"))
	check(err)
	slices.Sort(raw)
	slices.Sort(gz)
	fmt.Printf("pages measured: %d\n", len(raw))
	fmt.Printf("page HTML: median %.1f KB, max %.1f KB\n", kb(raw[len(raw)/2]), kb(raw[len(raw)-1]))
	fmt.Printf("page gzip: median %.1f KB, max %.1f KB\n", kb(gz[len(gz)/2]), kb(gz[len(gz)-1]))
	fmt.Printf("nav.json (loaded once, when a collapsed section is opened): %.1f KB, gzip %.1f KB\n", kb(len(tree)), kb(gzipSize(tree)))
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func kb(n int) float64 { return float64(n) / 1024 }

func write(path, text string) {
	check(os.MkdirAll(filepath.Dir(path), 0o755))
	check(os.WriteFile(path, []byte(text), 0o644))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "navsize:", err)
		os.Exit(1)
	}
}
