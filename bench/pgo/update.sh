#!/usr/bin/env bash
# Records cmd/playbook/default.pgo, the CPU profile `go build` and `go run`
# use for profile-guided optimization of playbook (Go's -pgo=auto): a build
# of the 10k-page benchmark corpus, with the machine's paths trimmed out
# (see trimprofile). Run it again after large changes to the build's hot
# paths; a stale profile still helps, only less.
#
# usage: bench/pgo/update.sh [WORKDIR]   (WORKDIR keeps the corpus between calls)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/playbook-pgo.XXXXXX")}"
"$repo/bench/corpus.sh" 10000 "$work"
(cd "$repo/generator/pipeline" &&
  PLAYBOOK_BENCH_SITE="$work/site" go test -run '^$' -bench '^BenchmarkBuild$' -benchtime 4x \
    -cpuprofile "$work/cpu.pprof" -o "$work/build.test" .)
(cd "$here" && go run ./trimprofile -module github.com/playbookhq/playbook -root "$repo" \
  "$work/cpu.pprof" "$repo/cmd/playbook/default.pgo")
echo "wrote cmd/playbook/default.pgo from $work/cpu.pprof"
