#!/usr/bin/env bash
# Builds a real handbook as it is and reports how it came out: the exit code,
# the build summary, every warning grouped by kind (a --strict pass lists
# them all), and what outcheck finds in the output (dead internal links,
# missing #fragments, markup of another platform shown as text).
#
# usage: bench/handbooks/run.sh SITE_ROOT [BASE_URL] [WORKDIR]
#   SITE_ROOT  a folder with content/ (config.toml optional)
#   BASE_URL   default http://127.0.0.1/handbook/ (a sub-path, to catch links that ignore it)
# The handbooks themselves stay outside this repository (see docs/handbooks.md).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
site="${1:?usage: run.sh SITE_ROOT [BASE_URL] [WORKDIR]}"
baseurl="${2:-http://127.0.0.1/handbook/}"
work="${3:-$(mktemp -d "${TMPDIR:-/tmp}/playbook-handbook.XXXXXX")}"
mkdir -p "$work"
(cd "$repo" && CGO_ENABLED=0 go build -o "$work/playbook" ./cmd/playbook && go build -o "$work/outcheck" ./bench/handbooks/outcheck) || exit 2
base="/${baseurl#*://*/}"

"$work/playbook" build -s "$site" -d "$work/public" --baseURL "$baseurl" >"$work/build.log" 2>&1
code=$?
echo "# $(basename "$site"): exit $code"
grep -v -E '^(content|static|themes|config)/' "$work/build.log" | grep -v '^…'
"$work/playbook" build --strict -s "$site" -d "$work/strict-public" --baseURL "$baseurl" >"$work/strict.log" 2>&1
echo "## diagnostics by kind (--strict lists them all; full list in $work/strict.log)"
grep -E '^[^ ]+:[0-9]+(:[0-9]+)?: ' "$work/strict.log" |
  sed -E 's/^[^ ]+:[0-9]+(:[0-9]+)?: (warning: )?//; s/"[^"]*"/"…"/g; s/\(relative to [^)]*\)//; s/[0-9]+/N/g' |
  cut -c1-90 | sort | uniq -c | sort -rn
echo "## output ($work/public)"
[[ -d "$work/public" ]] && "$work/outcheck" -base "$base" -list 8 "$work/public"
exit "$code"
