#!/usr/bin/env python3
"""Stage shares of a callgrind profile, for bench/run.sh.

    bench/callgrind_stages.py CALLGRIND.OUT NAME=PART[+PART...] ...

Runs `callgrind_annotate --inclusive=yes --threshold=100` on the profile and,
for each NAME, finds the functions whose symbol contains every PART and takes the one with the largest inclusive cost: the outermost entry point
of that stage (its closures and callees are inside its inclusive cost, so the
matches are not added up). Prints one line per stage,

    NAME<TAB>INCLUSIVE_IR<TAB>SHARE_PERCENT<TAB>SYMBOL

and first a line `total<TAB>IR<TAB>100.0<TAB>PROGRAM TOTALS`. A stage whose
symbol is not in the profile (renamed, or inlined into its caller) prints
`-` for its cost and share, never a guess.

Symbols are matched as demangled by `swift demangle --simplified` (for
example `static RuleRunner.run(graph:loadFindings:configuration:asOf:)`)
and as mangled (`...10RuleRunnerO3run5graph...`): a PART may be either.
"""
import re
import subprocess
import sys


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    profile = sys.argv[1]
    stages = []
    for arg in sys.argv[2:]:
        name, _, parts = arg.partition("=")
        stages.append((name, [p for p in parts.split("+") if p]))

    text = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--threshold=100", profile],
        check=True, capture_output=True, text=True,
    ).stdout

    total = None
    rows = []  # (cost, symbol)
    line_re = re.compile(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(.*)$")
    for line in text.splitlines():
        m = line_re.match(line)
        if not m:
            continue
        cost = int(m.group(1).replace(",", ""))
        rest = m.group(2).strip()
        if rest.startswith("PROGRAM TOTALS"):
            total = cost
            continue
        # "file:function [object]" (the file is ??? in a stripped binary).
        symbol = rest
        if " [" in symbol:
            symbol = symbol[: symbol.rindex(" [")]
        if ":" in symbol:
            symbol = symbol.split(":", 1)[1]
        rows.append((cost, symbol))

    # Demangle every symbol once: one line in, one line out.
    demangled = {}
    try:
        names = [sym for _, sym in rows]
        out = subprocess.run(
            ["swift", "demangle", "--simplified"], input="\n".join(names) + "\n",
            check=True, capture_output=True, text=True,
        ).stdout.split("\n")
        if len(out) >= len(names):
            demangled = dict(zip(names, out))
    except (OSError, subprocess.CalledProcessError):
        pass
    rows = [(c, s, demangled.get(s, s)) for c, s in rows]

    if total is None:
        print("callgrind_stages: no PROGRAM TOTALS in the annotation", file=sys.stderr)
        return 1
    print("total\t%d\t100.0\tPROGRAM TOTALS" % total)
    for name, parts in stages:
        matches = [(c, d, s) for c, s, d in rows if all(p in s or p in d for p in parts)]
        if not matches:
            print("%s\t-\t-\t(no symbol containing %s)" % (name, " and ".join(parts)))
            continue
        cost, pretty, symbol = max(matches)
        print("%s\t%d\t%.1f\t%s = %s" % (name, cost, cost * 100.0 / total, pretty, symbol))
    return 0


if __name__ == "__main__":
    sys.exit(main())
