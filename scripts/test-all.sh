#!/usr/bin/env bash
# Every check CI runs: lint and format, types, published schemas up to date, all tests.
# Assumes dependencies are installed (the README's test command installs them first).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 DOTENV_CONFIG_QUIET=true
echo "== lint and format (biome)"
npx biome check .
echo "== types (tsc --noEmit, strict)"
npx tsc -p tsconfig.json --noEmit
echo "== published JSON Schemas match the zod schemas"
npx tsx scripts/write-schemas.ts --check
echo "== tests (vitest)"
npx vitest run
