#!/usr/bin/env bash
# Build a generated corpus with playbook and measure its search in headless
# Chromium. usage: run.sh N NODE_MODULES [PORT]
#   N             pages (gencorpus.py from ../../../shared/bench, or $BENCH)
#   NODE_MODULES  a folder with playwright-core (npm i playwright-core@1.65)
# Side by side with Pagefind on the same built site: compare.sh (see docs/search.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="${BENCH:-$here/../../../shared/bench}"
n="${1:?N}"; nm="$(cd "${2:?NODE_MODULES}" && pwd)"; port="${3:-18602}"
work="$(mktemp -d "${TMPDIR:-/tmp}/playbook-search-bench.XXXXXX")"
srv=""
trap '[[ -n "$srv" ]] && kill "$srv" 2>/dev/null; rm -rf "$work"' EXIT
python3 "$bench/gencorpus.py" "$work/site" "$n" --queries "$work/queries.json"
"$here/../serve/config.sh" > "$work/site/config.toml"
(cd "$here/../.." && go build -o "$work/playbook" ./cmd/playbook)
/usr/bin/time -f "build wall=%es user=%Us maxrss=%MKB" "$work/playbook" build -quiet -s "$work/site" -d "$work/public" 2>&1 | grep -v warning || true
echo "# index: $(find "$work/public/search" -type f | wc -l) files, $(du -sb "$work/public/search" | cut -f1) bytes"
python3 "$bench/serve.py" "$work/public" "$port" "$work/server.log" &
srv=$!
sleep 1
SERVER_LOG="$work/server.log" NODE_PATH="$nm" node "$here/playbook-browser.cjs" "http://127.0.0.1:$port" "$work/queries.json"
