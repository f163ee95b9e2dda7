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
#      shared bench folder with serve.py), KEEP (a folder to keep the output in),
#      SERVERS (which static servers to compare on: "python" = serve.py,
#      "nginx" = Debian nginx in the foreground, or "python nginx" = both, side
#      by side on PORT and PORT+1, every query on both; default "python").
#      Both log "PATH BYTES STATUS" per response; compare.cjs reads the bytes
#      from those logs.
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
servers="${SERVERS:-python}"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT
for s in $servers; do
  case "$s" in
    python) ;;
    nginx) command -v nginx > /dev/null || { echo "SERVERS=nginx: install it (apt-get install -y nginx)" >&2; exit 2; } ;;
    *) echo "unknown server $s (want python or nginx)" >&2; exit 2 ;;
  esac
done

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

# nginx_conf PORT LOG writes a config that serves public/ on 127.0.0.1:PORT
# in the foreground, logging "$request_uri $body_bytes_sent $status", and
# prints its folder.
nginx_conf() {
  local dir="$work/nginx-$1" user=""
  mkdir -p "$dir/tmp"
  if [[ $EUID -eq 0 ]]; then user="user root;"; fi
  cat > "$dir/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log stderr warn;
$user
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  log_format bench '\$request_uri \$body_bytes_sent \$status';
  access_log $2 bench;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$1;
    root $work/public;
    location /__mark/ { return 204; }
  }
}
CONF
  echo "$dir"
}

# start_server NAME PORT LOG starts one server in the background.
start_server() {
  : > "$3"
  case "$1" in
    python) python3 "$bench/serve.py" "$work/public" "$2" "$3" & ;;
    nginx) local dir; dir="$(nginx_conf "$2" "$3")"; nginx -p "$dir" -c "$dir/nginx.conf" & ;;
  esac
  pids+=($!)
}

# wait_port PORT waits until a server answers on 127.0.0.1:PORT.
wait_port() {
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$1/__mark/up" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "no server on port $1" >&2
  return 1
}

list=""
p=$port
for s in $servers; do
  start_server "$s" "$p" "$work/server-$s.log"
  wait_port "$p"
  list+="${list:+,}$s=http://127.0.0.1:$p=$work/server-$s.log"
  p=$((p + 1))
done
SERVERS="$list" NODE_PATH="$nm" node "$here/compare.cjs" "$queries" "$work/rows.json"
