#!/bin/sh
# `npm run image:build [app...]`: shiplink/<app>:<version> for every app (or those named), from
# docker/Dockerfile. IMAGE_TAG overrides the version (package.json's); NODE_IMAGE the base image.
# After the first, each image reuses the cached install and builds in seconds.
set -eu
cd "$(dirname "$0")/../.."
APPS="ingress tracking-page worker-orders worker-shipments worker-tracking worker-inventory
  worker-notifications worker-returns simulators"
tag=${IMAGE_TAG:-$(node -p 'require("./package.json").version')}
for app in ${*:-$APPS}; do
  echo "building shiplink/$app:$tag"
  docker build --quiet -f docker/Dockerfile --build-arg "APP=$app" --build-arg "SHIPLINK_VERSION=$tag" \
    --build-arg "NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm-slim}" -t "shiplink/$app:$tag" . >/dev/null
done
