#!/usr/bin/env bash
# dpflow benchmark (issue 13): `dpflow check` against its floor, a plain
# libyaml event parse of the same file (bench/yaml_parse_floor.c), measured in
# the same run, on two generated programmes: a clean one (no findings) and one
# with findings (about half the flows carry a warning), each in text and json.
#
#   bench/run.sh [FLOWS] [RUNS]     default 10000 flows, 7 runs (make bench)
#   bench/run.sh 2000 3             a quick run
#
# For each programme and format:
#   - instructions (callgrind) of dpflow and of the floor, and their ratio,
#     counted on a copy of the release binary stripped of debug information
#     only (valgrind 3.19 cannot read its DWARF; the symbol table stays, so
#     callgrind_annotate names functions);
#   - CPU time (user+sys), median of RUNS runs, the floor and dpflow run
#     alternately, side by side, and their ratio;
#   - peak RSS as (RSS - 26 MiB) / file size, beside the target 26 MiB + 2x
#     the file;
#   - the share of the run in load (YAMLLoader), graph (FlowGraph.init),
#     rules (RuleRunner.run) and output (the reporter's write), from
#     callgrind's inclusive costs (bench/callgrind_stages.py).
# CPU, wall and peak RSS are each run's getrusage, read by bench/rusage.c:
# what /usr/bin/time -f '%e %U %S %M' prints, to the microsecond.
# Then, on programmes with findings: check at FLOWS/10, FLOWS and 10xFLOWS
# (and 1,000,000 with BENCH_MILLION=1: about 700 MB of YAML and 5 GB of
# memory); the default diagram at 100/1,000/5,000 flows (20/200/1,000
# systems); and report at FLOWS/10 and FLOWS.
#
# Everything goes to the terminal and to bench/out/results.md (BENCH_RESULTS
# to change), with the exact commands. BENCH_SECTIONS picks sections (default
# "check scaling diagram report"); BENCH_STAGES the stages' symbols (below).
# A command that exits other than 0 (an error finding such as a load limit,
# or a failure) stops the benchmark: a refused or failed run is never timed.
set -euo pipefail
cd "$(dirname "$0")/.."
FLOWS=${1:-10000}
RUNS=${2:-7}
SECTIONS=${BENCH_SECTIONS:-check scaling diagram report}
OUT=bench/out
RESULTS=${BENCH_RESULTS:-$OUT/results.md}
AS_OF=2026-11-29          # findings that depend on the date do not move
BASE_KB=$((26 * 1024))    # the fixed part of peak RSS: runtime, Foundation, libraries
DEFAULT_MAX_FILE_MB=16    # dpflow's default load limit (ST006)
SHORT_RUNS=$((RUNS < 3 ? RUNS : 3))
# The stages' entry points, NAME=PART[+PART...] each (bench/callgrind_stages.py):
# demangled symbol text. Set BENCH_STAGES to follow a rename; keep the four names.
STAGES=${BENCH_STAGES:-"load=YAMLLoader.load( graph=FlowGraph.+init(model: rules=RuleRunner.run(graph: output=Reporter.write("}
mkdir -p "$OUT"
: >"$RESULTS"

say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }
progress() { printf '  .. %s\n' "$*" >&2; }
has() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# ratio A B: A/B to two places, or "-" when B is under 5 ms (too short to compare).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b < 0.005) print "-"; else printf "%.2fx\n", a / b }'; }
# above_base RSS_KB BYTES: (RSS - 26 MiB) / file size, or "-" at or below the fixed part.
above_base() { awk -v r="$1" -v base="$BASE_KB" -v s="$2" 'BEGIN { if (r <= base) print "-"; else printf "%.2fx\n", (r - base) * 1024 / s }'; }
group() { printf '%s' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|[,.]\)/\1,\2\3/; ta'; }

# measure CMD... : one run under bench/rusage.c; sets M_WALL, M_CPU (user+sys),
# M_RSS (KB). Only exit 0 is a run: the generated programmes carry warnings, never
# an error, so exit 1 means an error finding (ST006 when a load limit refused the
# file) and timing it would time a refusal; it stops the benchmark, as does exit 2.
refused() {
  echo "bench: exit $1 from: ${*:2}" >&2
  [ "$1" = 1 ] && echo "bench: an error finding (ST006 is a load limit): run the command above to see it" >&2
  cat "$OUT/.stderr" >&2
  exit 1
}
measure() {
  local rc=0
  "$RUSAGE" "$OUT/.rusage" "$@" 2>"$OUT/.stderr" || rc=$?
  [ "$rc" -eq 0 ] || refused "$rc" "$@"
  read -r M_WALL M_CPU M_RSS < <(awk '{printf "%.3f %.3f %s\n", $1, $2, $3}' "$OUT/.rusage")
}

# callgrind PROFILE CMD... : sets CG_IR, the instructions of the whole run.
callgrind() {
  local profile=$1 rc=0
  shift
  valgrind --tool=callgrind --callgrind-out-file="$profile" "$@" >/dev/null 2>"$OUT/.stderr" || rc=$?
  [ "$rc" -eq 0 ] || refused "$rc" valgrind --tool=callgrind "$@"
  CG_IR=$(awk '/^summary:/ {print $2}' "$profile")
}

# programme N [--findings] : generates (once per version of generate.py) and sets P_FILE, P_BYTES.
programme() {
  local n=$1 kind=${2:-}
  P_FILE="$OUT/programme-$n${kind:+-findings}.yaml"
  if [ ! -s "$P_FILE" ] || [ bench/generate.py -nt "$P_FILE" ]; then
    progress "generating $n flows $kind"
    python3 bench/generate.py "$n" $kind >"$P_FILE.tmp"
    mv "$P_FILE.tmp" "$P_FILE"
  fi
  P_BYTES=$(stat -c %s "$P_FILE")
}

# limits N FILE : sets L_ARGS, the options that let FILE load (default limits where they suffice).
limits() {
  local n=$1 bytes
  bytes=$(stat -c %s "$2")
  L_ARGS=()
  if [ "$n" -ge 1000000 ]; then
    printf 'load-limits: {max-nodes: 100000000}\n' >"$OUT/million.dpflow.yaml"
    L_ARGS+=(--config "$OUT/million.dpflow.yaml")
  else
    L_ARGS+=(--no-config)
  fi
  if [ "$bytes" -gt $((DEFAULT_MAX_FILE_MB * 1048576)) ]; then
    L_ARGS+=(--max-file-mb $((bytes / 1048576 + 8)))
  fi
}

# side_by_side N CHECK_FILE FLOOR_FILE DPFLOW_ARGS... : N alternating runs of the floor
# and dpflow; sets F_CPU F_WALL D_CPU D_WALL D_RSS (medians).
side_by_side() {
  local n=$1 floor_file=$2 i
  shift 2
  local fc=() fw=() dc=() dw=() dr=()
  for i in $(seq "$n"); do
    measure "$FLOOR" "$floor_file"
    fc+=("$M_CPU") fw+=("$M_WALL")
    measure "$DPFLOW" "$@"
    dc+=("$M_CPU") dw+=("$M_WALL") dr+=("$M_RSS")
  done
  F_CPU=$(median "${fc[@]}") F_WALL=$(median "${fw[@]}")
  D_CPU=$(median "${dc[@]}") D_WALL=$(median "${dw[@]}") D_RSS=$(median "${dr[@]}")
}

# --- build ---------------------------------------------------------------
progress "release build (swift build -c release --product dpflow)"
if ! swift build -c release --product dpflow >"$OUT/build.log" 2>&1; then
  cat "$OUT/build.log" >&2
  exit 1
fi
DPFLOW=.build/release/dpflow
FLOOR=$OUT/yaml_parse_floor
COUNTED=$OUT/dpflow-nodebug
RUSAGE=$OUT/rusage
cc -O2 -o "$FLOOR" bench/yaml_parse_floor.c $(pkg-config --cflags --libs yaml-0.1)
cc -O2 -o "$RUSAGE" bench/rusage.c
strip --strip-debug -o "$COUNTED" "$DPFLOW"

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- Sources Package.swift Package.resolved bench 2>/dev/null | wc -l)
say "# dpflow benchmark"
say ""
say "- run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run.sh $FLOWS $RUNS\`${BENCH_MILLION:+ with BENCH_MILLION=$BENCH_MILLION}"
say "- source: commit $commit$([ "$dirty" -gt 0 ] && echo " with $dirty uncommitted change(s) under Sources/ or bench/")"
say "- machine: $(nproc) cores, $(uname -sm), load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
say "- $(swift --version 2>&1 | grep -m1 -o 'Swift version [^ ]*'), libyaml $(pkg-config --modversion yaml-0.1), Graphviz $(pkg-config --modversion libgvc 2>/dev/null || echo '?'), $(valgrind --version 2>/dev/null || echo 'no valgrind')"
say "- every check: \`--max-findings 0 --as-of $AS_OF --no-config\` (so every finding is written and the date cannot move them); dpflow is \`$DPFLOW\`, the floor \`$FLOOR\`"
say "- CPU (user+sys), wall and peak RSS: each run's getrusage, read by \`$RUSAGE OUTFILE CMD...\` (bench/rusage.c), the figures \`/usr/bin/time -f '%e %U %S %M'\` prints, to the microsecond"
say "- 26 MiB is the fixed part of peak RSS (runtime, Foundation, linked libraries); memory figures are (peak RSS - 26 MiB) / file size"

# --- check against the floor ---------------------------------------------
if has check; then
  if ! command -v valgrind >/dev/null 2>&1; then
    say ""
    say "valgrind is not installed (scripts/bootstrap.sh --bench installs it): no instruction counts."
  fi
  say ""
  say "## check against the floor, $(group "$FLOWS") flows"
  say ""
  say "Programmes (\`python3 bench/generate.py $FLOWS\` and \`... $FLOWS --findings\`):"
  say ""
  say "| programme | bytes | exit | findings | by rule |"
  say "|---|---|---|---|---|"
  for kind in clean findings; do
    programme "$FLOWS" $([ $kind = findings ] && echo --findings)
    rc=0
    "$DPFLOW" check "$P_FILE" --format json --max-findings 0 --as-of "$AS_OF" --no-config >"$OUT/check-$kind.json" 2>/dev/null || rc=$?
    summary=$(python3 - "$OUT/check-$kind.json" <<'EOF'
import collections, json, sys
doc = json.load(open(sys.argv[1]))
found = doc.get("findings", []) if isinstance(doc, dict) else doc
by = collections.Counter(f.get("rule", "?") for f in found)
print("%d | %s" % (len(found), ", ".join("%s %d" % kv for kv in sorted(by.items())) or "-"))
EOF
)
    say "| $kind | $(group "$P_BYTES") | $rc | $summary |"
  done

  cg_rows=() cpu_rows=() mem_rows=() share_rows=()
  : >"$OUT/stage-symbols.txt"
  for kind in clean findings; do
    programme "$FLOWS" $([ $kind = findings ] && echo --findings)
    file=$P_FILE bytes=$P_BYTES
    floor_ir=""
    if command -v valgrind >/dev/null 2>&1; then
      progress "callgrind: floor on $kind"
      callgrind "$OUT/callgrind.floor-$kind.out" "$FLOOR" "$file"
      floor_ir=$CG_IR
    fi
    for fmt in text json; do
      args=(check "$file" --format "$fmt" --max-findings 0 --as-of "$AS_OF" --no-config)
      if [ -n "$floor_ir" ]; then
        progress "callgrind: check --format $fmt on $kind"
        profile="$OUT/callgrind.check-$kind-$fmt.out"
        callgrind "$profile" "$COUNTED" "${args[@]}"
        ir=$CG_IR
        cg_rows+=("| $kind | $fmt | $(calc '%.0f' "$floor_ir / 1e6") M | $(calc '%.0f' "$ir / 1e6") M | **$(calc '%.2f' "$ir / $floor_ir")x** |")
        shares=()
        while IFS=$'\t' read -r name cost share symbol; do
          [ "$name" = total ] && continue
          if [ "$cost" = - ]; then shares+=("n/a"); else shares+=("$share% ($(calc '%.0f' "$cost / 1e6") M)"); fi
          printf '%s %s %s: %s\n' "$kind" "$fmt" "$name" "$symbol" >>"$OUT/stage-symbols.txt"
        done < <(python3 bench/callgrind_stages.py "$profile" $STAGES)
        share_rows+=("| $kind | $fmt | ${shares[0]} | ${shares[1]} | ${shares[2]} | ${shares[3]} |")
      fi
      progress "CPU: floor and check --format $fmt on $kind, $RUNS runs side by side"
      side_by_side "$RUNS" "$file" "${args[@]}"
      cpu_rows+=("| $kind | $fmt | $F_CPU s | $D_CPU s | **$(ratio "$D_CPU" "$F_CPU")** | $F_WALL s | $D_WALL s |")
      target_kb=$(calc '%.0f' "$BASE_KB + 2 * $bytes / 1024")
      mem_rows+=("| $kind | $fmt | $(calc '%.1f' "$D_RSS / 1024") MiB | $(calc '%.1f' "$bytes / 1048576") MiB | **$(above_base "$D_RSS" "$bytes")** | $(calc '%.1f' "$target_kb / 1024") MiB | $([ "$D_RSS" -le "$target_kb" ] && echo met || echo missed) |")
    done
  done

  if [ ${#cg_rows[@]} -gt 0 ]; then
    say ""
    say "Instructions (callgrind, whole process; target for json with findings: at most 1.5x):"
    say ""
    say "| programme | format | floor | dpflow check | ratio |"
    say "|---|---|---|---|---|"
    for r in "${cg_rows[@]}"; do say "$r"; done
  fi
  say ""
  say "CPU time (user+sys), median of $RUNS runs, floor and check alternating (target for json with findings: at most 2x); wall medians beside:"
  say ""
  say "| programme | format | floor CPU | check CPU | CPU ratio | floor wall | check wall |"
  say "|---|---|---|---|---|---|---|"
  for r in "${cpu_rows[@]}"; do say "$r"; done
  say ""
  say "Peak RSS of check (median of $RUNS), as (RSS - 26 MiB) / file, against the target 26 MiB + 2x the file (the target is set at 100,000 flows; see scaling):"
  say ""
  say "| programme | format | peak RSS | file | (RSS - 26 MiB) / file | target | |"
  say "|---|---|---|---|---|---|---|"
  for r in "${mem_rows[@]}"; do say "$r"; done
  if [ ${#share_rows[@]} -gt 0 ]; then
    say ""
    say "Share of the whole run (callgrind inclusive cost of the stage's entry point; target for rules: at most 8%):"
    say ""
    say "| programme | format | load (YAMLLoader.load) | graph (FlowGraph.init) | rules (RuleRunner.run) | output (Reporter.write) |"
    say "|---|---|---|---|---|---|"
    for r in "${share_rows[@]}"; do say "$r"; done
    say ""
    say "The symbols these were read from are in \`$OUT/stage-symbols.txt\`; n/a means no such symbol (renamed, or inlined into its caller)."
  fi
  say ""
  say "Commands (the same for the clean programme, and with \`--format text\`):"
  say ""
  say '```sh'
  say "swift build -c release --product dpflow"
  say "cc -O2 -o $FLOOR bench/yaml_parse_floor.c \$(pkg-config --cflags --libs yaml-0.1)"
  say "cc -O2 -o $RUSAGE bench/rusage.c   # RUSAGE OUTFILE CMD...: wall, user+sys CPU, peak RSS (KB) of one run"
  say "strip --strip-debug -o $COUNTED $DPFLOW"
  say "python3 bench/generate.py $FLOWS --findings > $OUT/programme-$FLOWS-findings.yaml"
  say "valgrind --tool=callgrind --callgrind-out-file=$OUT/callgrind.floor-findings.out $FLOOR $OUT/programme-$FLOWS-findings.yaml"
  say "valgrind --tool=callgrind --callgrind-out-file=$OUT/callgrind.check-findings-json.out $COUNTED check $OUT/programme-$FLOWS-findings.yaml --format json --max-findings 0 --as-of $AS_OF --no-config"
  say "callgrind_annotate --inclusive=yes --threshold=100 $OUT/callgrind.check-findings-json.out   # bench/callgrind_stages.py reads the stages from this"
  say "# $RUNS times, alternately:"
  say "$RUSAGE /dev/stderr $FLOOR $OUT/programme-$FLOWS-findings.yaml"
  say "$RUSAGE /dev/stderr $DPFLOW check $OUT/programme-$FLOWS-findings.yaml --format json --max-findings 0 --as-of $AS_OF --no-config >/dev/null"
  say '```'
fi

# --- scaling -------------------------------------------------------------
if has scaling; then
  sizes=($((FLOWS / 10)) "$FLOWS" $((FLOWS * 10)))
  [ "${BENCH_MILLION:-0}" = 1 ] && sizes+=(1000000)
  say ""
  say "## Scaling: check --format json on programmes with findings"
  say ""
  say "Median of $SHORT_RUNS runs (1 at 1,000,000 flows), the floor alternating; per 1,000 flows: CPU, and peak RSS above 26 MiB. A ratio is - when the floor took under 5 ms. Target at 100,000 flows: peak RSS at most 26 MiB + 2x the file."
  [ "${BENCH_MILLION:-0}" = 1 ] || say "1,000,000 flows: run with BENCH_MILLION=1 (about 700 MB of YAML, a minute, 5 GB)."
  say ""
  say "| flows | file | floor CPU | check CPU | CPU ratio | check wall | peak RSS | (RSS - 26 MiB) / file | 26 MiB + 2x file | CPU per 1k flows | RSS per 1k flows | options |"
  say "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for n in "${sizes[@]}"; do
    programme "$n" --findings
    limits "$n" "$P_FILE"
    runs=$SHORT_RUNS
    [ "$n" -ge 1000000 ] && runs=1
    progress "scaling: $n flows, $runs run(s)"
    side_by_side "$runs" "$P_FILE" check "$P_FILE" --format json --max-findings 0 --as-of "$AS_OF" "${L_ARGS[@]}"
    say "| $(group "$n") | $(calc '%.1f' "$P_BYTES / 1e6") MB | $F_CPU s | $D_CPU s | $(ratio "$D_CPU" "$F_CPU") | $D_WALL s | $(calc '%.1f' "$D_RSS / 1024") MiB | $(above_base "$D_RSS" "$P_BYTES") | $(calc '%.0f' "($BASE_KB + 2 * $P_BYTES / 1024) / 1024") MiB, $(awk -v r="$D_RSS" -v t="$BASE_KB" -v b="$P_BYTES" 'BEGIN { print (r <= t + 2 * b / 1024) ? "met" : "missed" }') | $(calc '%.1f' "$D_CPU * 1000 / ($n / 1000)") ms | $(awk -v r="$D_RSS" -v t="$BASE_KB" -v n="$n" 'BEGIN { if (r <= t) print "-"; else printf "%.2f MiB\n", (r - t) / 1024 / (n / 1000) }') | \`${L_ARGS[*]}\` |"
  done
  say ""
  say '```sh'
  say "python3 bench/generate.py N --findings > $OUT/programme-N-findings.yaml"
  say "$RUSAGE /dev/stderr $DPFLOW check $OUT/programme-N-findings.yaml --format json --max-findings 0 --as-of $AS_OF OPTIONS >/dev/null"
  say "# OPTIONS as in the table: --max-file-mb once the file passes the default 16 MiB;"
  say "# at 1,000,000 flows --config $OUT/million.dpflow.yaml, which holds: load-limits: {max-nodes: 100000000}"
  say '```'
fi

# --- diagrams ------------------------------------------------------------
if has diagram; then
  say ""
  say "## Diagrams: the default view as SVG"
  say ""
  say "Median of $SHORT_RUNS runs (the target: 200 systems in at most 5 s)."
  say ""
  say "| flows | systems | wall | CPU | peak RSS | SVG |"
  say "|---|---|---|---|---|---|"
  for n in 100 1000 5000; do
    programme "$n" --findings
    progress "diagram: $n flows"
    ws=() cs=() rs=()
    for _ in $(seq "$SHORT_RUNS"); do
      measure "$DPFLOW" diagram "$P_FILE" --format svg -o "$OUT/diagram-$n.svg" --as-of "$AS_OF" --no-config
      ws+=("$M_WALL") cs+=("$M_CPU") rs+=("$M_RSS")
    done
    say "| $(group "$n") | $(group $((n / 5))) | $(median "${ws[@]}") s | $(median "${cs[@]}") s | $(calc '%.1f' "$(median "${rs[@]}") / 1024") MiB | $(group "$(stat -c %s "$OUT/diagram-$n.svg")") bytes |"
  done
  say ""
  say '```sh'
  say "python3 bench/generate.py 1000 --findings > $OUT/programme-1000-findings.yaml   # and 100, 5000"
  say "$RUSAGE /dev/stderr $DPFLOW diagram $OUT/programme-1000-findings.yaml --format svg -o $OUT/diagram-1000.svg --as-of $AS_OF --no-config"
  say '```'
fi

# --- report --------------------------------------------------------------
if has report; then
  say ""
  say "## Report"
  say ""
  say "Median of $SHORT_RUNS runs, each into an empty folder."
  say ""
  say "| flows | wall | CPU | peak RSS | output |"
  say "|---|---|---|---|---|"
  for n in $((FLOWS / 10)) "$FLOWS"; do
    programme "$n" --findings
    limits "$n" "$P_FILE"
    progress "report: $n flows"
    ws=() cs=() rs=()
    for _ in $(seq "$SHORT_RUNS"); do
      rm -rf "$OUT/report-$n"
      measure "$DPFLOW" report "$P_FILE" -o "$OUT/report-$n" --as-of "$AS_OF" "${L_ARGS[@]}"
      ws+=("$M_WALL") cs+=("$M_CPU") rs+=("$M_RSS")
    done
    say "| $(group "$n") | $(median "${ws[@]}") s | $(median "${cs[@]}") s | $(calc '%.1f' "$(median "${rs[@]}") / 1024") MiB | $(du -sh "$OUT/report-$n" | cut -f1) in $(find "$OUT/report-$n" -type f | wc -l) files |"
  done
  say ""
  say '```sh'
  say "rm -rf $OUT/report-$FLOWS"
  say "$RUSAGE /dev/stderr $DPFLOW report $OUT/programme-$FLOWS-findings.yaml -o $OUT/report-$FLOWS --as-of $AS_OF --no-config"
  say '```'
fi

say ""
say "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates CPU and wall times; instruction counts do not move)."
echo "results: $RESULTS" >&2
