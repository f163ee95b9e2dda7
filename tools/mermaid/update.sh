#!/bin/sh
# Updates the copy of the mermaid diagram library that the default theme
# ships (themes/default/static/js/vendor/mermaid.min.js.gz, embedded in the
# binary and loaded only by pages with a ```mermaid block) and its licence
# notice. mermaid is installed in a temporary folder, not in the
# repository's node_modules, so `npm ci` for the tests does not fetch it.
#
#   tools/mermaid/update.sh            # the version in tools/mermaid/VERSION
#   tools/mermaid/update.sh 11.17.2    # another version (written to VERSION)
#
# Needs node and npm. Then run the browser test of diagrams:
#   REQUIRE_BROWSER=1 go test ./internal/sitecheck -run Diagrams
set -eu
repo="$(git rev-parse --show-toplevel)"
version="${1:-$(cat "$repo/tools/mermaid/VERSION")}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --save-exact "mermaid@$version" >/dev/null)
out="$repo/themes/default/static/js/vendor"
mkdir -p "$out"
# The single-file browser bundle, without a source-map comment (the map is
# not shipped, and a browser's developer tools would ask for it).
# Kept gzipped in the repository (3.5 MB → 1 MB); the embedded theme shows
# it inflated as js/vendor/mermaid.min.js (themes/gzip.go).
sed '/^\/\/# sourceMappingURL=/d' "$tmp/node_modules/mermaid/dist/mermaid.min.js" | gzip -9 -n >"$out/mermaid.min.js.gz"
(cd "$tmp" && node "$repo/tools/mermaid/notice.js") >"$out/mermaid.LICENSE.txt"
echo "$version" >"$repo/tools/mermaid/VERSION"
echo "mermaid $version → $out"
