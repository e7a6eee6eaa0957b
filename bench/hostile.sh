#!/usr/bin/env bash
# The hostile inputs of issue 14 on a release build: wall time and peak RSS of
# `dpflow check` on each file bench/hostile.py writes, on 1 GB piped to
# standard input, and on a FIFO with no writer (alone and in a folder).
#
#   bench/hostile.sh          (make hostile)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/hostile
swift build -c release --product dpflow >/dev/null
DPFLOW=$PWD/.build/release/dpflow
python3 bench/hostile.py "$OUT"

# Wall time, CPU time (user + system: what the run itself costs on a shared
# machine), peak RSS (of the largest process), bytes on stdout, exit status.
measure() {  # label command...
  local label=$1; shift
  local status=0
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt" || status=$?
  read -r wall user sys kb < <(tail -n 1 "$OUT/time.txt")
  printf '%-22s %6.2f s wall %6.2f s cpu %7.1f MB %10d bytes out  exit %d\n' "$label" "$wall" \
    "$(echo "$user + $sys" | bc -l)" "$(echo "$kb/1024" | bc -l)" "$(wc -c <"$OUT/stdout.txt")" "$status"
}

for f in anchors-1m unknown-keys-1m duplicate-keys-63mb duplicate-keys-16mb amplifier-18k amplifier-40k deep-nesting billion-laughs; do
  measure "$f" "$DPFLOW" check "$OUT/$f.yaml"
done
measure "stdin-1gb" sh -c "head -c 1073741824 /dev/zero | tr '\\\\0' 'a' | '$DPFLOW' check -"
rm -f "$OUT/fifo.yaml"; mkfifo "$OUT/fifo.yaml"
measure "fifo-named" timeout 10 "$DPFLOW" check "$OUT/fifo.yaml"
mkdir -p "$OUT/folder"; rm -f "$OUT/folder/x.yaml"; mkfifo "$OUT/folder/x.yaml"
cp Flows/homes-for-ukraine.yaml "$OUT/folder/"
measure "fifo-in-folder" timeout 10 "$DPFLOW" check "$OUT/folder"
rm -f "$OUT/fifo.yaml" "$OUT/folder/x.yaml"
