#!/usr/bin/env bash
# What a change does to each flow file it touches, as one Markdown comment for
# a pull or merge request: `dpflow diff --git BASE FILE` for every flow file
# the change adds, modifies, deletes or renames under the given folders.
#
#   scripts/ci/diff-comment.sh BASE [FOLDER...] > comment.md
#
# BASE is the target branch as git knows it (origin/main); FOLDER defaults to
# Flows. The comparison is with the merge base (git diff BASE...HEAD), as a
# pull request shows it. Paths may contain spaces or any other character (git
# diff -z). A new file is compared with an empty programme, a deleted one
# becomes an empty programme, and a renamed one is compared with its old path.
# The output is empty when no flow file changed or nothing in them did, so the
# caller posts nothing. Exit status: 0, or 2 when dpflow or git could not run.
# `DPFLOW` names the binary (default: dpflow on PATH); extra `dpflow diff`
# options (e.g. --as-of 2026-11-29) can be given in DPFLOW_DIFF_OPTIONS.
set -euo pipefail
base=${1:?usage: diff-comment.sh BASE [FOLDER...]}
shift
[ $# -gt 0 ] || set -- Flows
dpflow=${DPFLOW:-dpflow}
read -r -a extra <<<"${DPFLOW_DIFF_OPTIONS:-}"

git rev-parse --verify --quiet "$base^{commit}" >/dev/null || {
  echo "diff-comment: git does not know '$base' (fetch it first, e.g. actions/checkout with fetch-depth: 0)" >&2
  exit 2
}
specs=()
for folder in "$@"; do
  specs+=(":(glob)${folder%/}/**/*.yaml" ":(glob)${folder%/}/**/*.yml")
done

run_diff() {
  local status=0
  "$dpflow" diff --git "$base" "$@" --format markdown --fail-on never "${extra[@]}" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "diff-comment: dpflow diff failed (exit $status) for: $*" >&2
    exit 2
  fi
}

# -z: NUL-separated, so no path is split or quoted; -M: renames as R<score>.
git diff -z --name-status -M "$base...HEAD" -- "${specs[@]}" |
  while IFS= read -r -d '' status; do
    case "$status" in
      R*)
        IFS= read -r -d '' old
        IFS= read -r -d '' new
        run_diff "$new" --old-path "$old"
        ;;
      C*)
        IFS= read -r -d '' _source
        IFS= read -r -d '' new
        run_diff "$new"
        ;;
      *)
        IFS= read -r -d '' path
        run_diff "$path"
        ;;
    esac
  done
