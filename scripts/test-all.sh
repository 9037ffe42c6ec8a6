#!/usr/bin/env bash
# Every check CI runs: lint and format, types, published schemas and the shipped model up to date, all tests,
# browser tests and notebooks. Installs Debian's Chromium and Jupyter when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 DOTENV_CONFIG_QUIET=true
# What git status says before the checks: a developer's uncommitted work is not the checks' doing.
DIRTY_BEFORE=$(git status --porcelain --untracked-files=normal 2>/dev/null || true)
echo "== lint and format (biome)"
npx biome check .
echo "== types (tsc --noEmit, strict)"
npx tsc -p tsconfig.json --noEmit
echo "== viewer types (web/src: tsc -p web/tsconfig.json --noEmit)"
npx tsc -p web/tsconfig.json --noEmit
echo "== published JSON Schemas match the zod schemas"
npx tsx scripts/write-schemas.ts --check
echo "== the shipped model (packages/align/data/model.json) is what the gold gives"
npx tsx scripts/build-model.ts --check
echo "== OCR engine (Debian tesseract-ocr + tesseract-ocr-vie)"
bash scripts/ensure-ocr.sh || echo "OCR could not be installed: the scan tests will be skipped"
echo "== tests (vitest)"
npx vitest run
if [ -f tests/browser/vitest.config.ts ]; then
  echo "== browser tests (playwright-core + Debian chromium)"
  bash scripts/ensure-chromium.sh
  npx vitest run --config tests/browser/vitest.config.ts
fi
if [ -f scripts/run-notebooks.sh ]; then
  echo "== notebooks (Deno kernel, executed by nbconvert into a temporary copy)"
  bash scripts/run-notebooks.sh
fi
echo "== the checks left the checkout as they found it"
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
  dirty=$(git status --porcelain --untracked-files=normal)
  if [ -n "$dirty" ] && [ -z "${ALLOW_DIRTY:-}" ] && [ "$dirty" != "${DIRTY_BEFORE:-}" ]; then
    echo "test-all: the checks changed the checkout:" >&2
    echo "$dirty" >&2
    exit 1
  fi
fi
