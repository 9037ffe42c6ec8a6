#!/usr/bin/env bash
# Executes every notebook in notebooks/ with Jupyter and Deno's TypeScript
# kernel into a temporary copy, and fails if a cell raises an error or does
# not show the kinds of output its tracked version shows (a cell that shows a
# table must show a table, a chart a chart). The tracked notebooks are left
# unchanged unless UPDATE=1. Works on a fresh Debian machine with only Node 20
# and npm: installs Debian's Jupyter (apt) when `jupyter` is missing and Deno from npm.
#
#   bash scripts/run-notebooks.sh            # all notebooks, checked
#   bash scripts/run-notebooks.sh notebooks/02-quang-ninh-additions.ipynb
#   UPDATE=1 bash scripts/run-notebooks.sh   # also write the new outputs into the tracked files
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
# Executes one notebook into $out and checks it; 0 ok, 1 failed, 2 only some outputs missing.
run_one() {
  local nb=$1 out=$2
  if ! (cd "$(dirname "$nb")" && jupyter nbconvert --to notebook --execute "$(basename "$nb")" \
      --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=deno \
      --ExecutePreprocessor.iopub_timeout=120 --ExecutePreprocessor.raise_on_iopub_timeout=True \
      --output "$out") >"$tmp/log" 2>&1; then
    grep -v 'frozen\|Debugger\|PYDEVD\|frozen_modules\|^0.00s' "$tmp/log" | tail -40 >&2
    return 1
  fi
  # A cell that printed an error output counts as a failure even if the kernel went on; so does
  # a cell that shows less than its tracked version (no table where it showed one).
  local rc=0
  python3 - "$nb" "$out" <<'PY' || rc=$?
import json, sys
tracked = json.load(open(sys.argv[1]))
ran = json.load(open(sys.argv[2]))

def kinds(cell):
    out = set()
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            out.add(f"stream:{o.get('name')}")
        elif o.get("output_type") in ("execute_result", "display_data"):
            out.update(f"data:{m}" for m in o.get("data", {}) if m != "text/plain")
    return out

code = lambda nb: [c for c in nb["cells"] if c["cell_type"] == "code"]
failed = False
missing_only = True
for i, (want, got) in enumerate(zip(code(tracked), code(ran))):
    for o in got.get("outputs", []):
        if o.get("output_type") == "error":
            print(f"  cell {i + 1}: {o.get('ename')}: {o.get('evalue')}", file=sys.stderr)
            failed = True
            missing_only = False
    missing = kinds(want) - kinds(got)
    if missing:
        print(f"  cell {i + 1}: shows no {', '.join(sorted(missing))} (its tracked version does)", file=sys.stderr)
        failed = True
if len(code(tracked)) != len(code(ran)):
    print("  the executed notebook has a different number of cells", file=sys.stderr)
    failed = True
    missing_only = False
# 2: only outputs missing (see the retry below); 1: an error or a changed notebook.
sys.exit((2 if missing_only else 1) if failed else 0)
PY
  return $rc
}

for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  out="$tmp/$(basename "$nb")"
  # Deno's kernel can report a cell idle before the cell's value is sent, and nbconvert then records
  # the cell without it (seen under load: one run in four at load 10). The notebooks therefore show
  # their tables and charts with an awaited display (lib.ts `show`), which is sent before the cell
  # ends (8 of 8 runs at the same load). A run that still misses an output is run again, at most
  # four times: an error, or an output missing five times in a row, still fails.
  attempt=1
  while true; do
    rc=0
    run_one "$nb" "$out" || rc=$?
    if [ "$rc" != 2 ] || [ "$attempt" -ge 5 ]; then break; fi
    echo "run-notebooks: $nb: an output did not arrive (attempt $attempt); running it again" >&2
    attempt=$((attempt + 1))
  done
  if [ "$rc" != 0 ]; then
    echo "run-notebooks: FAILED $nb" >&2
    status=1
    continue
  fi
  if [ -n "${UPDATE:-}" ]; then cp "$out" "$nb"; fi
  echo "run-notebooks: ok $nb ($(($(date +%s) - start)) s, attempt $attempt)"
done
exit $status
