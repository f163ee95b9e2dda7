#!/usr/bin/env bash
# Load run: wrk against `playbook serve` on 127.0.0.1 while a page is edited
# every 200 ms, so the site is rebuilt over and over. Fails on any socket
# error, non-2xx response or page that is not whole (does not end in </html>).
# usage: wrk.sh [N] [SECONDS]   (default 1000 pages, 15 s; wrk from Debian)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="${BENCH:-$here/../../../shared/bench}"
n="${1:-1000}"; secs="${2:-15}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/playbook-wrk.XXXXXX")"
pid=""
trap '[[ -n "$pid" ]] && kill -INT "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
python3 "$bench/gencorpus.py" "$work/site" "$n" >/dev/null
"$here/config.sh" > "$work/site/config.toml"
(cd "$here/../.." && go build -o "$work/serve-bench" ./bench/serve)
"$work/serve-bench" -site "$work/site" -for "$((secs + 60))s" churn > "$work/out" 2> "$work/err" &
pid=$!
until grep -q '^URL ' "$work/out"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
  sleep 0.2
done
url="$(sed -n 's/^URL //p' "$work/out")"
echo "wrk on $url for ${secs}s while rebuilding"
wrk -t2 -c16 -d"${secs}s" -s "$here/whole.lua" "$url" | tee "$work/wrk"
grep -q '^bad responses: 0$' "$work/wrk" || { echo "FAIL: bad responses" >&2; exit 1; }
if grep -qE 'Socket errors|Non-2xx' "$work/wrk"; then echo "FAIL: request errors" >&2; exit 1; fi
echo "rebuilds during the run: $(grep -c '^  | Rebuilt' "$work/err" || true)"
echo OK
