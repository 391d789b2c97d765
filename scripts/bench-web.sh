#!/usr/bin/env bash
# Web-article benchmark: narrates each page of the corpus (pasted tail, pasted full page,
# saved HTML) with the mock voice and scores what is heard (4-gram shingle F1).
# Runs only when the corpus and its scorer are present (they are not in this repository).
set -euo pipefail
cd "$(dirname "$0")/.."
# The corpus sits beside the project (../shared) or beside its worktrees (../../shared).
SHARED=../shared
[[ -d "$SHARED" ]] || SHARED=../../shared
SCORER="${NARRATE_WEB_SCORER:-$SHARED/tools/score-web.py}"
CORPUS="${NARRATE_WEB_CORPUS:-$SHARED/corpora/web-articles}"
if [[ ! -f "$SCORER" || ! -d "$CORPUS" ]]; then
  echo "bench:web: no corpus at $CORPUS (or scorer at $SCORER); set NARRATE_WEB_CORPUS / NARRATE_WEB_SCORER. Nothing to measure."
  exit 0
fi
npm run --silent build
for variant in ${*:-tail full html}; do
  python3 "$SCORER" "$variant" --corpus "$CORPUS" --cli "node dist/cli.js" | tail -1
done
node scripts/bench-web-speed.mjs "$CORPUS" --all --runs 3 | tail -3
