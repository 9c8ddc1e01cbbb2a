#!/usr/bin/env bash
# Installs the SDK from a build tree into a scratch prefix and builds a
# separate project against it with find_package(backoffice COMPONENTS mocks),
# which tests its code over the installed mocks.
set -euo pipefail
build_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/backoffice-sdk.XXXXXX)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
include="$work/prefix/include/backoffice"
for header in client.h options.h connection.h status.h \
    catalog_client.h access_client.h audit_client.h sales_client.h \
    inventory_client.h reconciliation_client.h credit_client.h \
    catalog_connection.h access_connection.h audit_connection.h \
    sales_connection.h inventory_connection.h reconciliation_connection.h \
    credit_connection.h \
    mocks/mock_catalog_connection.h mocks/mock_access_connection.h \
    mocks/mock_audit_connection.h mocks/mock_sales_connection.h \
    mocks/mock_inventory_connection.h mocks/mock_reconciliation_connection.h \
    mocks/mock_credit_connection.h \
    v1/catalog_service.pb.h v1/credit_service.pb.h; do
  test -f "$include/$header" || { echo "missing $header" >&2; exit 1; }
done
test -f "$work/prefix/lib/cmake/backoffice/backofficeConfig.cmake"
test -f "$work/prefix/lib/cmake/backoffice/backofficeMocksTargets.cmake"
# No public header may expose the generated stubs or gRPC itself: every
# header of the SDK's own (the generated messages under v1/ aside).
leaks=$(find "$include" -name '*.h' -not -path "$include/v1/*" \
          -not -path "$include/grpc/*" -print0 |
        xargs -0 grep -lE 'grpc\.pb\.h|grpcpp/' || true)
stubs=$(find "$work/prefix/include" -name '*.grpc.pb.h')
if [[ -n $stubs ]]; then
  echo "generated stubs are installed: $stubs" >&2
  exit 1
fi
if [[ -n $leaks ]]; then
  echo "public headers include gRPC or generated stubs: $leaks" >&2
  exit 1
fi
cmake -S "$here/consumer" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer"
