#!/usr/bin/env bash
# dpflow map benchmark: a generated department of PROGRAMMES x FLOWS flows
# (bench/generate_department.py) mapped on every core, against the floor
# measured in the same run: a plain single-threaded libyaml event parse of
# every file, one after another (bench/yaml_parse_floor.c), summed. Also maps
# on one core (taskset) for the speed-up, and times `where` on the same files.
#
#   bench/map.sh PROGRAMMES FLOWS      e.g. bench/map.sh 100 1000 (100,000 flows)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
M=${2:-1000}
OUT=bench/out
DEPT="$OUT/department-$N-$M"
mkdir -p "$OUT"
swift build -c release --product dpflow >/dev/null
DPFLOW=.build/release/dpflow
cc -O2 -o "$OUT/yaml_parse_floor" bench/yaml_parse_floor.c $(pkg-config --cflags --libs yaml-0.1)
[ -d "$DEPT" ] || python3 bench/generate_department.py "$N" "$M" "$DEPT"
BYTES=$(find "$DEPT" -name '*.yaml' -not -name '.dpflow.yaml' -exec stat -c %s {} + | awk '{s+=$1} END {print s}')

# /usr/bin/time: wall seconds, user+system CPU seconds, peak RSS KB.
measure() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -n 1; }

floor() { find "$DEPT" -name '*.yaml' -not -name '.dpflow.yaml' -print0 | sort -z | xargs -0 -n 1 "$OUT/yaml_parse_floor" >/dev/null; }
export -f floor; export DEPT OUT
floor_t=$(/usr/bin/time -f "%e %U %S" bash -c floor 2>&1 | tail -n 1)
map_t=$(measure "$DPFLOW" map "$DEPT" -o "$OUT/map-$N-$M" --as-of 2026-11-29 --fail-on never)
one_t=$(measure taskset -c 0 "$DPFLOW" map "$DEPT" -o "$OUT/map1-$N-$M" --as-of 2026-11-29 --fail-on never)
where_t=$(measure "$DPFLOW" where "$DEPT" --subject subject-1 --format json)

echo "department: $N programmes x $M flows = $((N * M)) flows, $BYTES bytes of YAML"
echo "$floor_t" | awk '{printf "floor (libyaml parse, every file, one core):  %.2f s wall, %.2f s CPU\n", $1, $2 + $3}'
echo "$map_t" | awk '{printf "dpflow map (every core):                      %.2f s wall, %.2f s CPU, peak RSS %.0f MB\n", $1, $2 + $3, $4 / 1024}'
echo "$one_t" | awk '{printf "dpflow map (one core, taskset -c 0):          %.2f s wall, %.2f s CPU\n", $1, $2 + $3}'
echo "$where_t" | awk '{printf "dpflow where --subject (every core):          %.2f s wall, peak RSS %.0f MB\n", $1, $4 / 1024}'
read -r fw fu fs <<<"$floor_t"
read -r mw mu ms mk <<<"$map_t"
read -r ow ou os ok <<<"$one_t"
awk -v m="$mw" -v f="$fw" -v o="$ow" -v c="$(nproc)" 'BEGIN {
  printf "map wall / summed floor:                      %.2fx\n", m / f
  printf "parallel speed-up on %d cores:                 %.2fx\n", c, o / m }'
ls -l "$OUT/map-$N-$M" | awk 'NR > 1 {printf "  %-14s %10d bytes\n", $9, $5}'
