#!/usr/bin/env bash
# dpflow benchmark: `dpflow check` on a generated programme against the floor,
# a plain libyaml event parse of the same file (bench/yaml_parse_floor.c),
# measured in the same run. Prints wall times (median of RUNS), peak RSS and,
# when valgrind is present, callgrind instruction counts (stable across runs).
#
#   bench/run.sh [FLOWS] [RUNS]      default 10000 flows, 7 runs
set -euo pipefail
cd "$(dirname "$0")/.."
FLOWS=${1:-10000}
RUNS=${2:-7}
OUT=bench/out
mkdir -p "$OUT"

swift build -c release --product dpflow >/dev/null
DPFLOW=.build/release/dpflow
cc -O2 -o "$OUT/yaml_parse_floor" bench/yaml_parse_floor.c $(pkg-config --cflags --libs yaml-0.1)
python3 bench/generate.py "$FLOWS" > "$OUT/programme-$FLOWS.yaml"
FILE="$OUT/programme-$FLOWS.yaml"
SIZE=$(stat -c %s "$FILE")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() {  # command... -> median seconds
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1
  done | median
}
rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }

"$DPFLOW" check "$FILE" >/dev/null   # warm the page cache
floor_s=$(wall "$OUT/yaml_parse_floor" "$FILE")
check_s=$(wall "$DPFLOW" check "$FILE")
floor_kb=$(rss "$OUT/yaml_parse_floor" "$FILE")
check_kb=$(rss "$DPFLOW" check "$FILE")

echo "programme: $FLOWS flows, $SIZE bytes ($FILE)"
echo "floor (libyaml parse):   ${floor_s} s, peak RSS ${floor_kb} KB"
echo "dpflow check:            ${check_s} s, peak RSS ${check_kb} KB"
awk -v c="$check_s" -v f="$floor_s" 'BEGIN { if (f > 0) printf "wall ratio check/floor:  %.2f\n", c / f }'
awk -v k="$check_kb" -v s="$SIZE" 'BEGIN { printf "peak RSS / file size:    %.2f\n", k * 1024 / s }'

# The same check with every rule but the structure rules switched off: load time alone.
"$DPFLOW" rules --format json | python3 -c '
import json, sys
print("rules:")
for r in json.load(sys.stdin)["rules"]:
    if not r["id"].startswith("ST"):
        print("  %s: {enabled: false}" % r["id"])
' > "$OUT/load-only.dpflow.yaml"

if command -v valgrind >/dev/null 2>&1; then
  small=$FLOWS
  python3 bench/generate.py "$small" > "$OUT/programme-$small.yaml"
  # valgrind 3.19 cannot read the DWARF of a binary that links swift-crypto's
  # BoringSSL; counting instructions needs no debug information, so count a stripped copy.
  strip -o "$OUT/dpflow-stripped" "$DPFLOW"
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $4); print $4}'; }
  floor_ir=$(count "$OUT/yaml_parse_floor" "$OUT/programme-$small.yaml")
  load_ir=$(count "$OUT/dpflow-stripped" check --config "$OUT/load-only.dpflow.yaml" "$OUT/programme-$small.yaml")
  check_ir=$(count "$OUT/dpflow-stripped" check "$OUT/programme-$small.yaml")
  echo "callgrind, $small flows: floor ${floor_ir} Ir, load only ${load_ir} Ir, check with rules ${check_ir} Ir"
  awk -v l="$load_ir" -v f="$floor_ir" 'BEGIN { printf "instruction ratio load/floor:  %.2f\n", l / f }'
  awk -v c="$check_ir" -v f="$floor_ir" 'BEGIN { printf "instruction ratio check/floor: %.2f\n", c / f }'
  awk -v c="$check_ir" -v l="$load_ir" 'BEGIN { printf "rules add to load:             %.1f%%\n", (c - l) * 100 / l }'
fi
