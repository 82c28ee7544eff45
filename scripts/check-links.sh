#!/usr/bin/env bash
# Serve a built site over HTTP on loopback and run linkchecker over it, the way a browser
# follows links (folder addresses, index pages):
#   scripts/check-links.sh SITE_DIR [MORE LINKCHECKER OPTIONS…]
# Without options only links inside the site are checked; pass --check-extern for the rest.
# Exits with linkchecker's status: 1 means broken links.
set -euo pipefail
site=${1:?usage: scripts/check-links.sh SITE_DIR [LINKCHECKER OPTIONS…]}
shift
log=$(mktemp)
# A free port, and a check that the server answering is this one.
port=$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python -m http.server "$port" --bind 127.0.0.1 --directory "$site" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true' EXIT
for _ in $(seq 1 30); do
  curl -sf "http://127.0.0.1:$port/" > /dev/null && break
  sleep 1
done
if ! kill -0 "$server" 2> /dev/null; then
  echo "The local web server did not start:"
  cat "$log"
  exit 1
fi
if [ $# -eq 0 ]; then
  set -- --ignore-url='^https?://(?!127\.0\.0\.1)'
fi
linkchecker --no-warnings "$@" "http://127.0.0.1:$port/"
