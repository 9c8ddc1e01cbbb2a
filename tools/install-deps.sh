#!/usr/bin/env bash
# Installs what backoffice needs on Debian 12, and nothing that is already
# there: Debian's packages (compiler toolchain, gRPC, protobuf, SOCI, MariaDB,
# GoogleTest, CLI11, spdlog) and, from npm, buf (lint and a generic gRPC
# client for the reflection test).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake ninja-build ccache pkg-config git openssl
  libgrpc++-dev libabsl-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  libsoci-dev libboost-dev libmariadb-dev mariadb-server mariadb-client
  libssl-dev libgtest-dev libgmock-dev libcli11-dev libspdlog-dev
  tzdata nodejs npm
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Node.js may come from elsewhere than Debian (a newer build on PATH).
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ ! -x "$repo/tools/buf/node_modules/.bin/buf" ]]; then
  echo "installing buf from npm"
  (cd "$repo/tools/buf" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
