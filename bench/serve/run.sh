#!/usr/bin/env bash
# Save-to-reload latency of `playbook serve` on a generated site.
# usage: run.sh [N] [EDITS]   (default 10000 pages, 20 edits)
# Uses gencorpus.py from ../../../shared/bench (or $BENCH).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="${BENCH:-$here/../../../shared/bench}"
n="${1:-10000}"; edits="${2:-20}"
work="$(mktemp -d "${TMPDIR:-/tmp}/playbook-serve-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$bench/gencorpus.py" "$work/site" "$n"
"$here/config.sh" > "$work/site/config.toml"
(cd "$here/../.." && go build -o "$work/serve-bench" ./bench/serve)
"$work/serve-bench" -site "$work/site" -edits "$edits" latency 2> >(grep -v 'warning:' >&2)
