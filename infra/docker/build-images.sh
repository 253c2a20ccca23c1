#!/usr/bin/env bash
# Builds every ProvisioningBus image from infra/docker/Dockerfile, tagged provisioningbus/<name>:<version>
# with the version from ./VERSION at the repository root.
#
#   infra/docker/build-images.sh              # all images
#   infra/docker/build-images.sh gateway cli  # only these
#   REGISTRY=ghcr.io/acme infra/docker/build-images.sh   # tag ghcr.io/acme/provisioningbus/<name>:<version>
#
# Needs a Docker engine (BuildKit: the Dockerfile uses a cache mount). Run from anywhere.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(tr -d '[:space:]' < "$root/VERSION")"
prefix="${REGISTRY:+${REGISTRY%/}/}provisioningbus"

# name|project|assembly — the executables; everything else in the repository is a library.
images=(
  "gateway|services/ProvisioningBus.Gateway.Host/ProvisioningBus.Gateway.Host.csproj|ProvisioningBus.Gateway.Host"
  "worker|services/ProvisioningBus.Worker/ProvisioningBus.Worker.csproj|ProvisioningBus.Worker"
  "cli|services/ProvisioningBus.Cli/ProvisioningBus.Cli.csproj|provisioningbus"
  "docusign-emulator|infra/emulators/Docusign.Emulator.Host/Docusign.Emulator.Host.csproj|Docusign.Emulator.Host"
  "pingone-emulator|infra/emulators/PingOne.Emulator.Host/PingOne.Emulator.Host.csproj|PingOne.Emulator.Host"
)

if ! command -v docker >/dev/null 2>&1; then
  echo "build-images: no 'docker' command on PATH; install Docker (or a compatible engine) to build images." >&2
  exit 3
fi
# The CLI can exist without a daemon (CI runners, this repo's dev machines): say so plainly instead of a
# socket error halfway through the first build.
if ! docker info >/dev/null 2>&1; then
  echo "build-images: no Docker engine answers ('docker info' failed); start one or point DOCKER_HOST at one." >&2
  exit 3
fi

wanted=("$@")
built=0
for entry in "${images[@]}"; do
  IFS='|' read -r name project assembly <<<"$entry"
  if (( ${#wanted[@]} > 0 )) && [[ " ${wanted[*]} " != *" $name "* ]]; then continue; fi
  tag="$prefix/$name:$version"
  echo "build-images: $tag <- $project"
  DOCKER_BUILDKIT=1 docker build "$root" \
    --file "$root/infra/docker/Dockerfile" \
    --build-arg PROJECT="$project" \
    --build-arg ASSEMBLY="$assembly" \
    --build-arg VERSION="$version" \
    --tag "$tag"
  built=$((built + 1))
done

if (( built == 0 )); then
  echo "build-images: no image matched '${wanted[*]}' (names: gateway worker cli docusign-emulator pingone-emulator)" >&2
  exit 2
fi
echo "build-images: built $built image(s) at version $version"
