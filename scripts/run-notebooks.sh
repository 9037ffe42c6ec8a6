#!/usr/bin/env bash
# Executes every notebook in notebooks/ in place with Jupyter and Deno's
# TypeScript kernel, keeping the outputs, and fails if any cell errors.
# Works on a fresh Debian machine with only Node 20 and npm: installs
# Debian's Jupyter (apt) when `jupyter` is missing and Deno from npm.
#
#   bash scripts/run-notebooks.sh            # all notebooks
#   bash scripts/run-notebooks.sh notebooks/02-quang-ninh-additions.ipynb
#   CHECK_ONLY=1 bash scripts/run-notebooks.sh   # execute to a temp copy, leave the files alone
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if ! command -v jupyter >/dev/null 2>&1 || ! jupyter nbconvert --version >/dev/null 2>&1; then
  echo "run-notebooks: installing Jupyter (Debian packages)"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq jupyter-nbconvert python3-ipykernel jupyter-client >/dev/null
fi

if [ ! -d node_modules ]; then
  echo "run-notebooks: installing workspace packages"
  npx --yes pnpm@10.34.9 install --frozen-lockfile
fi

DENO_VERSION="${DENO_VERSION:-2}"
kernels=$(jupyter kernelspec list 2>/dev/null || true)
if ! grep -q '^ *deno ' <<<"$kernels"; then
  echo "run-notebooks: registering Deno's Jupyter kernel"
  npx --yes "deno@${DENO_VERSION}" jupyter --install --force >/dev/null 2>&1
fi

# Debian's python warns about frozen modules on every kernel start; Deno
# warns that `deno jupyter` is unstable. Neither matters here.
export PYDEVD_DISABLE_FILE_VALIDATION=1
export NO_COLOR=1

if [ "$#" -gt 0 ]; then notebooks=("$@"); else notebooks=(notebooks/*.ipynb); fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  out="$tmp/$(basename "$nb")"
  if ! (cd "$(dirname "$nb")" && jupyter nbconvert --to notebook --execute "$(basename "$nb")" \
      --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=deno \
      --output "$out") >"$tmp/log" 2>&1; then
    echo "run-notebooks: FAILED $nb" >&2
    grep -v 'frozen\|Debugger\|PYDEVD\|frozen_modules\|^0.00s' "$tmp/log" | tail -40 >&2
    status=1
    continue
  fi
  # A cell that printed an error output counts as a failure even if the kernel went on.
  if ! python3 - "$out" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
errors = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
for e in errors:
    print(f"  {e.get('ename')}: {e.get('evalue')}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
  then
    echo "run-notebooks: FAILED $nb (a cell raised an error)" >&2
    status=1
    continue
  fi
  if [ -z "${CHECK_ONLY:-}" ]; then cp "$out" "$nb"; fi
  echo "run-notebooks: ok $nb ($(($(date +%s) - start)) s)"
done
exit $status
