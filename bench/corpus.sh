#!/usr/bin/env bash
# Makes (once) the benchmark corpus: N pages from ../shared/bench/gencorpus.py
# with seed 42, and a config.toml for playbook (bench/serve/config.sh: the
# corpus has no playbook-specific front matter, so required fields are
# relaxed).
#
# usage: bench/corpus.sh N DIR      (the site is DIR/site)
# Set BENCH to the shared bench folder if it is not at ../../shared/bench.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
bench="${BENCH:-$repo/../../shared/bench}"
[[ -d "$bench" ]] || bench="$repo/../shared/bench"
n="${1:?usage: corpus.sh N DIR}"
dir="${2:?usage: corpus.sh N DIR}"
mkdir -p "$dir"
if [[ ! -d "$dir/site/content" ]]; then
  python3 "$bench/gencorpus.py" "$dir/site" "$n" >/dev/null
fi
"$repo/bench/serve/config.sh" "https://playbook.example.internal/" > "$dir/site/config.toml"
