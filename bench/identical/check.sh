#!/usr/bin/env bash
# Builds one site with two playbook binaries into two fresh folders and
# compares the outputs byte for byte (every file, every name).
#
# usage: bench/identical/check.sh OLD_BIN NEW_BIN SITE [EXTRA BUILD FLAGS...]
#   OLD_BIN, NEW_BIN  playbook binaries (e.g. built from main and from a branch)
#   SITE              site root (holds config.toml and/or content/)
# Exit status: 0 when both outputs are identical, 1 on any difference
# (the first differences are listed), 2 when a build itself fails.
# The build's own diagnostics go to OUT/{old,new}.log.
set -uo pipefail
old="${1:?usage: check.sh OLD_BIN NEW_BIN SITE [FLAGS...]}"
new="${2:?usage: check.sh OLD_BIN NEW_BIN SITE [FLAGS...]}"
site="${3:?usage: check.sh OLD_BIN NEW_BIN SITE [FLAGS...]}"
shift 3
flags=("$@")
work="$(mktemp -d "${TMPDIR:-/tmp}/playbook-identical.XXXXXX")"
trap 'rm -rf "$work/old" "$work/new"' EXIT

build() { # name binary
  local name="$1" bin="$2"
  "$bin" build --quiet -s "$site" -d "$work/$name" "${flags[@]}" >"$work/$name.log" 2>&1
  local rc=$?
  # Warnings or errors about the content are fine as long as both agree;
  # a failed build leaves no output to compare.
  if [[ ! -d "$work/$name" ]]; then
    echo "identical: $name build ($bin) wrote no output (exit $rc); see $work/$name.log" >&2
    exit 2
  fi
  echo "$rc" >"$work/$name.rc"
}
build old "$old"
build new "$new"

status=0
if ! cmp -s "$work/old.rc" "$work/new.rc"; then
  echo "identical: exit status differs: old $(cat "$work/old.rc"), new $(cat "$work/new.rc")"
  status=1
fi
# Diagnostics name temporary folders only through -d, which differ; compare
# them with the folder names replaced.
if ! diff -q <(sed "s#$work/old#OUT#g" "$work/old.log") <(sed "s#$work/new#OUT#g" "$work/new.log") >/dev/null; then
  echo "identical: diagnostics differ:"
  diff <(sed "s#$work/old#OUT#g" "$work/old.log") <(sed "s#$work/new#OUT#g" "$work/new.log") | head -20
  status=1
fi
if ! diff -r -q "$work/old" "$work/new" >"$work/diff.txt" 2>&1; then
  echo "identical: outputs differ ($(wc -l <"$work/diff.txt") files):"
  head -20 "$work/diff.txt"
  status=1
fi
files="$(find "$work/new" -type f | wc -l)"
if [[ $status -eq 0 ]]; then
  echo "identical: $site: $files files byte-identical"
  rm -rf "$work" # nothing to look at; on a difference the logs stay
fi
exit $status
