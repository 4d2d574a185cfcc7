#!/usr/bin/env bash
# Set up campaignkit and build the portal of every bundled campaign into site/:
# site/index.html lists the campaigns, site/<slug>/ is each municipality's microsite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/campaignkit validate campaigns
.venv/bin/mkdocs build --strict
echo "Built: site/index.html, site/bibliotheek/ and $(ls -d site/*/kit/index.html | wc -l) microsites"
