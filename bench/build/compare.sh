#!/usr/bin/env bash
# Cold builds of the same generated corpus by Hugo and playbook, interleaved,
# each into a fresh destination (earlier outputs are moved aside, which is O(1),
# and deleted at the end, as ../shared/bench/run-hugo.sh does).
#
# usage: bench/build/compare.sh N [RUNS] [WORKDIR]
#   N        pages (gencorpus.py, seed 42)
#   RUNS     interleaved runs per tool (default 3)
#   WORKDIR  reused between calls when given (the corpus takes ~14 s per 10k pages)
# Needs: hugo and /usr/bin/time (apt-get install -y hugo time), python3, go.
# Set BENCH to the shared bench folder if it is not at ../../../shared/bench.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bench="${BENCH:-$repo/../../shared/bench}"
[[ -d "$bench" ]] || bench="$repo/../shared/bench"
n="${1:?usage: compare.sh N [RUNS] [WORKDIR]}"
runs="${2:-3}"
work="${3:-$(mktemp -d "${TMPDIR:-/tmp}/playbook-build-bench.XXXXXX")}"
mkdir -p "$work"

"$repo/bench/corpus.sh" "$n" "$work"
mkdir -p "$work/trash"
# Earlier copies are moved aside, not deleted: on a file system mounted with
# online discard, a large delete slows file creation for minutes after it.
[[ -d "$work/hugo" ]] && mv "$work/hugo" "$work/trash/hugo.$RANDOM"
mkdir -p "$work/hugo"
cp -r "$bench/hugo-site/." "$work/hugo/"
cp -r "$work/site/content" "$work/hugo/content"
(cd "$repo" && CGO_ENABLED=0 go build -o "$work/playbook" ./cmd/playbook)

echo "# $(hugo version | cut -d' ' -f1-2), $("$work/playbook" version), $(nproc) cores, $n pages"
mkdir -p "$work/trash"
run_hugo() {
  (cd "$work/hugo" && /usr/bin/time -f "hugo     wall=%e s user=%U s sys=%S s rss=%M KB" \
    hugo --quiet -d "$work/hugo-out") 2>&1 | grep wall=
}
run_playbook() {
  /usr/bin/time -f "playbook wall=%e s user=%U s sys=%S s rss=%M KB" \
    "$work/playbook" build --quiet -s "$work/site" -d "$work/playbook-out" 2>&1 | grep wall=
}
# The tools take turns going first: on this virtual machine a build that
# follows another one straight away runs a few percent slower.
for i in $(seq "$runs"); do
  for d in hugo-out playbook-out; do
    [[ -d "$work/$d" ]] && mv "$work/$d" "$work/trash/$d.$i.$RANDOM"
  done
  if (( i % 2 )); then order="run_hugo run_playbook"; else order="run_playbook run_hugo"; fi
  for tool in $order; do
    sync; sleep 5
    "$tool"
  done
done
rm -rf "$work/trash"
