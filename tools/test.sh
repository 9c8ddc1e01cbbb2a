#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, starts a private MariaDB
# on a free port, runs ctest (unit, storage, e2e, packaging), stops what it
# started, and exits non-zero on any failure.
#
#   ./tools/test.sh              everything
#   ./tools/test.sh -L unit      only the unit tests (ctest arguments pass through)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# shellcheck source=tools/lib/common.sh
source "$repo/tools/lib/common.sh"
build_targets

db_dir=$(mktemp -d /tmp/backoffice-test-db.XXXXXX)
cleanup() {
  ./tools/db.sh stop --dir "$db_dir" >/dev/null || true
  rm -rf "$db_dir"
}
trap cleanup EXIT
./tools/db.sh start --dir "$db_dir" --port auto
eval "$(./tools/db.sh env --dir "$db_dir")"

ctest --test-dir "$build_dir" --output-on-failure -j 2 --timeout 300 "$@"
