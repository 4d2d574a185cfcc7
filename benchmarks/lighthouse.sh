#!/usr/bin/env bash
# Lighthouse scores (mobile profile) of a built campaign's home page and richest action page.
# Not a CI gate: a number to watch. Lighthouse is installed on first use into
# .cache/lighthouse/ (not a dependency of the test suite) and runs Debian's Chromium.
#
#   bash benchmarks/lighthouse.sh [campaign]      (default: asse)
set -euo pipefail
cd "$(dirname "$0")/.."

campaign=${1:-asse}
version=12.8.2   # the last release that runs on Node 20
prefix=.cache/lighthouse/$version
chrome=${CHROME_PATH:-/usr/bin/chromium}

if [ ! -x "$prefix/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error \
    "lighthouse@$version" >/dev/null
fi

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

CAMPAIGN="$campaign" NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet \
  --site-dir "$work/site"
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Served as GitHub Pages serves it: gzip for text, Cache-Control: max-age=600.
.venv/bin/python benchmarks/serve_like_pages.py "$work/site" "$port" >/dev/null 2>&1 &
server=$!
sleep 1

action=$(ls -S "$work"/site/acties/*/index.html | head -n 1)
action=${action#"$work/site/"}
action=${action%index.html}

# Only the local server resolves: the page cannot reach anyone else, and neither can Chromium.
flags="--headless --no-sandbox --disable-gpu --disable-background-networking"
flags+=" --disable-component-update --disable-sync --no-first-run --disable-quic"
flags+=" --host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"

printf '%-40s %13s %14s %5s %11s\n' page accessibility best-practices seo performance
for path in "" "$action"; do
  CHROME_PATH=$chrome "$prefix/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$path" \
    --quiet --output=json --output-path="$work/report.json" --chrome-flags="$flags" \
    --only-categories=accessibility,best-practices,seo,performance
  .venv/bin/python - "$work/report.json" "/$path" <<'EOF'
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
categories = report["categories"]
scores = [round(categories[c]["score"] * 100) for c in
          ("accessibility", "best-practices", "seo", "performance")]
print(f"{sys.argv[2]:<40} {scores[0]:>13} {scores[1]:>14} {scores[2]:>5} {scores[3]:>11}")
audits = report["audits"]
metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
print("    performance: " + ", ".join(f"{m} {audits[m]['displayValue']}" for m in metrics))
for ref in categories["performance"]["auditRefs"]:
    audit = audits[ref["id"]]
    savings = (audit.get("metricSavings") or {}).get("LCP", 0) or 0
    if audit["score"] is not None and audit["score"] < 0.9 and savings > 0:
        print(f"    performance: {audit['id']}: {audit.get('displayValue', '')} (LCP -{savings} ms)")
for ref in categories["accessibility"]["auditRefs"]:
    audit = report["audits"][ref["id"]]
    if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
        print(f"    accessibility: {audit['id']}: {audit['title']}")
EOF
done
