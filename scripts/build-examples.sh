#!/usr/bin/env bash
# Set up campaignkit and build every bundled example campaign into site/<slug>/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/campaignkit validate campaigns
for folder in campaigns/*/; do
  slug=$(basename "$folder")
  CAMPAIGN="$slug" .venv/bin/mkdocs build --strict --quiet --site-dir "site/$slug"
  echo "site/$slug/index.html"
done
