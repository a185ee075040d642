#!/bin/sh
# Renders every overlay of docker/kubernetes to docker/kubernetes/rendered/<overlay>.yaml, the
# checked-in form that is applied and that this package's tests validate (and re-render to
# compare, where kubectl is installed). Run after any change to the base or an overlay.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/docker/kubernetes/rendered"
mkdir -p "$out"
rm -f "$out"/*.yaml
for dir in "$root"/docker/kubernetes/overlays/*/; do
  overlay="$(basename "$dir")"
  {
    echo "# kubectl kustomize docker/kubernetes/overlays/$overlay, rendered by"
    echo "# \`pnpm --filter @shiplink/deploy render\`: edit the base or the overlay, never this file."
    kubectl kustomize "$dir"
  } >"$out/$overlay.yaml"
done
# The repository's formatting (lists indented); the documents are unchanged.
cd "$root" && pnpm exec prettier --log-level warn --write "$out"
