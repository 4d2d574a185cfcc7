#!/usr/bin/env bash
# Build the example portal and the standalone Asse site at a git revision and from the work
# tree, with the same SOURCE_DATE_EPOCH, and list every file that differs.
#
#   bash scripts/compare-builds.sh [REV]        (REV defaults to HEAD)
#
# A restructuring that should not change what residents and officers get must print
# "identical". Each side builds with an empty cache in a folder of its own; the work tree's
# code is imported from its own plugins/ folder (PYTHONPATH wins over the editable install).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rev=${1:-HEAD}
epoch=${SOURCE_DATE_EPOCH:-1800000000}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git worktree add --detach "$work/before" "$rev" >/dev/null 2>&1
mkdir -p "$work/after"
# The work tree as it is now, committed or not (untracked files that git does not ignore too).
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done \
  | tar --null -T - -cf - | tar -xf - -C "$work/after"

build() {
  local project=$1
  (
    cd "$project"
    export PYTHONPATH="$project/plugins" SOURCE_DATE_EPOCH="$epoch" NO_MKDOCS_2_WARNING=1
    "$root/.venv/bin/mkdocs" build --strict --quiet --site-dir "$project/out/portal"
    CAMPAIGN=asse "$root/.venv/bin/mkdocs" build --strict --quiet --site-dir "$project/out/asse"
  )
}
echo "Building $rev and the work tree (SOURCE_DATE_EPOCH=$epoch) ..."
build "$work/before" &
before=$!
build "$work/after"
wait "$before"

if diff -rq "$work/before/out" "$work/after/out" >"$work/diff.txt"; then
  echo "identical: $(find "$work/after/out" -type f | wc -l) files"
else
  sed "s#$work/before/out/##; s#$work/after/out/##" "$work/diff.txt"
  echo "$(wc -l <"$work/diff.txt") differences"
  exit 1
fi
