#!/usr/bin/env bash
# Build a site with playbook, index the same HTML with Pagefind, and compare
# both searches in headless Chromium (compare.cjs), interleaved.
#
# usage: compare.sh SITE QUERIES_JSON NODE_MODULES [PORT]
#   SITE          a site root (config.toml + content/), e.g. made by
#                 ../../../shared/bench/gencorpus.py SITE N --queries QUERIES_JSON
#   NODE_MODULES  a folder with pagefind@1.6.0 and playwright-core@1.65
#                 (npm i pagefind@1.6.0 playwright-core@1.65 in a temp folder)
# env: RUNS (timed build / index runs, interleaved; default 3), BENCH (the
#      shared bench folder with serve.py), KEEP (a folder to keep the output in)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="${BENCH:-$here/../../../shared/bench}"
site="$(cd "${1:?SITE}" && pwd)"
queries="$(cd "$(dirname "${2:?QUERIES_JSON}")" && pwd)/$(basename "$2")"
nm="$(cd "${3:?NODE_MODULES}" && pwd)"
port="${4:-18611}"
runs="${RUNS:-3}"
pf="$(ls "$nm"/@pagefind/linux-x64/bin/pagefind* | grep -v sha256 | head -1)"
work="${KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/search-compare.XXXXXX")}"
mkdir -p "$work"
srv=""
trap '[[ -n "$srv" ]] && kill "$srv" 2>/dev/null; [[ -z "${KEEP:-}" ]] && rm -rf "$work"' EXIT

(cd "$here/../.." && go build -o "$work/playbook" ./cmd/playbook)
echo "# $("$work/playbook" version 2>/dev/null || echo playbook) · $("$pf" --version) · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/public" "$work/pf"
  /usr/bin/time -f "%e %M" -o "$work/t.txt" "$work/playbook" build -quiet -s "$site" -d "$work/public" > /dev/null 2>&1
  read -r wall rss < "$work/t.txt"
  echo "playbook build run$i: wall ${wall}s, peak RSS $((rss / 1024)) MiB (search index included)"
  /usr/bin/time -f "%e %M" -o "$work/t.txt" "$pf" --site "$work/public" --output-path "$work/pf" > "$work/pf.log" 2>&1
  read -r wall rss < "$work/t.txt"
  echo "pagefind index run$i: wall ${wall}s, peak RSS $((rss / 1024)) MiB"
done
mv "$work/pf" "$work/public/pagefind"
size() { echo "$(find "$@" -type f | wc -l) files, $(cat $(find "$@" -type f) /dev/null | wc -c | awk '{printf "%.1f MB", $1/1e6}')"; }
echo "playbook index on disk: $(size "$work/public/search" -name '*.bin' -o -path '*/search/manifest.json')"
echo "pagefind index on disk: $(size "$work/public/pagefind")"
: > "$work/server.log"
python3 "$bench/serve.py" "$work/public" "$port" "$work/server.log" &
srv=$!
sleep 1
SERVER_LOG="$work/server.log" NODE_PATH="$nm" node "$here/compare.cjs" "http://127.0.0.1:$port" "$queries" "$work/rows.json"
