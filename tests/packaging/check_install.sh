#!/usr/bin/env bash
# Installs the SDK from a build tree into a scratch prefix and builds a
# separate project against it with find_package(backoffice).
set -euo pipefail
build_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/backoffice-sdk.XXXXXX)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/backoffice/client.h"
test -f "$work/prefix/include/backoffice/v1/catalog_service.pb.h"
test -f "$work/prefix/lib/cmake/backoffice/backofficeConfig.cmake"
# The public headers must not expose the generated stubs.
if grep -q 'grpc.pb.h' "$work/prefix/include/backoffice/client.h"; then
  echo "client.h includes generated stubs" >&2
  exit 1
fi
cmake -S "$here/consumer" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer"
