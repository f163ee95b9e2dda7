#!/bin/sh
# Updates the copy of the mermaid diagram library that the default theme
# ships (themes/default/static/js/vendor/mermaid.min.js, embedded in the
# binary and loaded only by pages with a ```mermaid block), and its licence
# notice. Run from anywhere in the repository:
#
#   tools/mermaid/update.sh            # the version pinned in package.json
#   tools/mermaid/update.sh 11.17.2    # pin another version first
#
# Needs node and npm. Then build a site with a diagram and run the browser
# test: REQUIRE_BROWSER=1 go test ./internal/sitecheck -run Diagram
set -eu
cd "$(git rev-parse --show-toplevel)"
if [ $# -gt 0 ]; then
	npm install --save-dev --save-exact "mermaid@$1"
else
	npm ci
fi
out=themes/default/static/js/vendor
mkdir -p "$out"
# The single-file browser bundle, without its source-map comment (the map
# is not shipped, and a browser's developer tools would ask for it).
sed '/^\/\/# sourceMappingURL=/d' node_modules/mermaid/dist/mermaid.min.js >"$out/mermaid.min.js"
node tools/mermaid/notice.js >"$out/mermaid.LICENSE.txt"
echo "mermaid $(node -p 'require("mermaid/package.json").version') → $out"
