#!/usr/bin/env python3
"""Writes the hostile flow files of issue 14 (security testing) into a folder:

    bench/hostile.py OUTDIR

- anchors-1m.yaml        one million anchored scalars
- unknown-keys-1m.yaml   one million unknown top-level keys (18 MB, no aliases)
- duplicate-keys-63mb.yaml  63 MB of one key repeated
- duplicate-keys-16mb.yaml  the same just under the 16 MiB limit
- amplifier-18k.yaml     an 18 KB file whose aliases repeat a mapping of bad keys
- amplifier-40k.yaml     the same at 40 KB, nested one level deeper
- deep-nesting.yaml      100,000 nested sequences
- billion-laughs.yaml    the classic alias bomb

bench/hostile.sh runs `dpflow check` on each (and 1 GB on standard input, and a
FIFO with no writer) and records time and peak memory. The test suite makes the
same shapes, smaller, in Tests/DPFlowCLITests/HostileInputTests.swift.
"""
import os
import sys


def amplifier(size_kb: int, bad_keys: int, nest: int) -> str:
    """A mapping of `bad_keys` unknown keys, anchored, then referenced through
    `nest` levels of sequences of aliases until the file reaches size_kb."""
    lines = ["dpflow: 1", "programme: {name: amplifier}", "x-bad: &bad"]
    lines += ["  unknown-key-%d: %d" % (i, i) for i in range(bad_keys)]
    level = "bad"
    for n in range(nest):
        name = "l%d" % n
        lines.append("x-%s: &%s [%s]" % (name, name, ", ".join("*" + level for _ in range(10))))
        level = name
    lines.append("flows:")
    i = 0
    while sum(len(l) + 1 for l in lines) < size_kb * 1024:
        lines.append("  f%d: *%s" % (i, level))
        i += 1
    return "\n".join(lines) + "\n"


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "bench/out/hostile"
    os.makedirs(out, exist_ok=True)

    def write(name: str, text: str) -> None:
        with open(os.path.join(out, name), "w") as f:
            f.write(text)

    write("anchors-1m.yaml", "dpflow: 1\nx:\n" + "".join("- &a%d v\n" % i for i in range(1_000_000)))
    write("unknown-keys-1m.yaml", "".join("k%07d: 1\n" % i for i in range(1_000_000)))
    with open(os.path.join(out, "duplicate-keys-63mb.yaml"), "w") as f:
        f.write("dpflow: 1\n")
        chunk = "a: 1\n" * 100_000
        for _ in range(63 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
    write("duplicate-keys-16mb.yaml", "dpflow: 1\n" + "a: 1\n" * 3_300_000)
    write("amplifier-18k.yaml", amplifier(18, 100, 1))
    write("amplifier-40k.yaml", amplifier(40, 100, 2))
    write("deep-nesting.yaml", "x: " + "[" * 100_000 + "]" * 100_000 + "\n")
    laughs = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        laughs.append("a%d: &a%d [%s]" % (i, i, ",".join("*a%d" % (i - 1) for _ in range(9))))
    write("billion-laughs.yaml", "\n".join(laughs) + "\n")


if __name__ == "__main__":
    main()
