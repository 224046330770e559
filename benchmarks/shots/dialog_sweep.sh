#!/usr/bin/env bash
# Every dialog and window the UI tests open, photographed in Vietnamese and in English on a 1366×768
# backdrop, with the texts that are cut off or in the other language listed (issue 15):
#     bash benchmarks/shots/dialog_sweep.sh [OUT_DIR]      # default /tmp/ocop-dialog-sweep
# Writes OUT_DIR/{vi,en}/NNN-Class-title.png and OUT_DIR/{vi,en}/findings.json. About 6–10 minutes
# per language on two cores. The record's own data (names, form labels printed on paper) stays
# Vietnamese in English mode; the findings list only interface texts.
set -euo pipefail
cd "$(dirname "$0")/../../tests"
OUT="${1:-/tmp/ocop-dialog-sweep}"
for lang in vi en; do
  rm -rf "$OUT/$lang"
  OCOP_SWEEP_DIR="$OUT/$lang" OCOP_SWEEP_LANG="$lang" QT_QPA_PLATFORM=offscreen \
    uv run pytest ui -p helpers.dialog_sweep -q -p no:cacheprovider -o addopts="" || true
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sys.argv[2], len(d['dialogs']), 'windows,', len(d['findings']), 'findings')" \
    "$OUT/$lang/findings.json" "$lang"
done
