# Shared by tools/test.sh, tools/demo.sh and tools/bench.sh. Source it with
# `repo` set to the repository's root.

# Prints a step heading.
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Installs what is missing, configures the build in $build_dir
# ($BACKOFFICE_BUILD_DIR or build/), and builds the given targets (all when
# none is given).
build_targets() {
  "$repo/tools/install-deps.sh"
  build_dir=${BACKOFFICE_BUILD_DIR:-$repo/build}
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "${launcher[@]}" >/dev/null
  if (($#)); then
    cmake --build "$build_dir" -j 2 --target "$@"
  else
    cmake --build "$build_dir" -j 2
  fi
}
