#!/usr/bin/env bash
# Renders every kustomize overlay and validates every object offline against the Kubernetes
# schemas, including unknown or misspelt field names (deploy/validate/validate.mjs).
# Skips, saying so, where kubectl or node is missing. Usage: deploy/check-manifests.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-build/k8s-validate}
if ! command -v kubectl >/dev/null 2>&1; then
  echo "check-manifests: SKIPPED: kubectl is not installed (it is not packaged in Debian: install the upstream release, which bundles kustomize)"
  exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "check-manifests: SKIPPED: node/npm are not installed"
  exit 0
fi
mkdir -p "$WORK"
cp deploy/validate/package.json deploy/validate/validate.mjs "$WORK/"
if [[ ! -d "$WORK/node_modules/kubernetes-models" ]]; then
  (cd "$WORK" && npm install --silent --no-audit --no-fund >/dev/null)
fi
files=()
for overlay in deploy/k8s/overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" > "$WORK/$name.yaml"
  files+=("$WORK/$name.yaml")
done
files+=(deploy/k8s/examples/*.yaml)
node "$WORK/validate.mjs" "${files[@]}" | tail -1
echo "check-manifests: ok (${#files[@]} files)"
