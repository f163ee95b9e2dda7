// Command trimprofile rewrites the file names in a CPU profile so that it
// holds no path of the machine it was recorded on: module sources become
// module paths (github.com/yuin/goldmark@v1.8.7/parser/parser.go), the
// standard library becomes GOROOT/src/..., and binaries lose their folder.
// Profile-guided optimization matches functions by name and line, so the
// trimmed profile optimizes exactly as the original does.
//
//	go run ./trimprofile -module github.com/playbookhq/playbook -root ../.. in.pprof out.pgo
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/google/pprof/profile"
)

func main() {
	module := flag.String("module", "", "module path of the sources under -root")
	root := flag.String("root", ".", "folder of the module's sources when the profile was recorded")
	flag.Parse()
	if flag.NArg() != 2 || *module == "" {
		fmt.Fprintln(os.Stderr, "usage: trimprofile -module PATH [-root DIR] in.pprof out.pgo")
		os.Exit(2)
	}
	absRoot, err := filepath.Abs(*root)
	if err != nil {
		fail(err)
	}
	in, err := os.Open(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	p, err := profile.Parse(in)
	in.Close()
	if err != nil {
		fail(err)
	}
	for _, f := range p.Function {
		f.Filename = trim(f.Filename, filepath.ToSlash(absRoot), *module)
	}
	for _, m := range p.Mapping {
		m.File = filepath.Base(m.File)
	}
	out, err := os.Create(flag.Arg(1))
	if err != nil {
		fail(err)
	}
	if err := p.Write(out); err != nil {
		fail(err)
	}
	if err := out.Close(); err != nil {
		fail(err)
	}
}

// trim turns one recorded source path into a machine-independent one.
func trim(name, root, module string) string {
	name = filepath.ToSlash(name)
	switch {
	case strings.HasPrefix(name, root+"/"):
		return module + "/" + strings.TrimPrefix(name, root+"/")
	case strings.Contains(name, "/pkg/mod/"):
		return name[strings.Index(name, "/pkg/mod/")+len("/pkg/mod/"):]
	case strings.Contains(name, "/src/"):
		return "GOROOT/src/" + name[strings.LastIndex(name, "/src/")+len("/src/"):]
	}
	return filepath.Base(name)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "trimprofile:", err)
	os.Exit(1)
}
