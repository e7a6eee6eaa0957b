#!/usr/bin/env python3
"""Generates a department for map.html's scale check: N programmes of M
flows each, sharing one registry, each with its own contractor (a party and
a system of its own), as a department's programmes do.

    bench/map_html_department.py N M OUTDIR

The registry has 12 subject groups, 120 data categories, 40 parties and 150
systems, each system keeping 8 categories under a retention schedule. Each
flow carries 1-3 categories that both ends keep. Deterministic: the same
arguments give the same files.
"""
import os
import random
import sys

N_SUBJECTS, N_DATA, N_PARTIES, N_SYSTEMS, HELD = 12, 120, 40, 150, 8


def holds(k):
    return sorted({(k * 7 + i * 13) % N_DATA for i in range(HELD)})


def retention(data, indent):
    return "".join("%s%s: {period: P%dY, from: case-closed, basis: Schedule %d.%d, disposal: delete}\n"
                   % (indent, "data-%d" % d, 1 + d % 7, 1 + d % 9, d) for d in data)


def registry():
    out = ["dpflow: 1", "registry: {name: Generated department register, owner: Departmental Records Officer}", "subjects:"]
    for s in range(N_SUBJECTS):
        out.append("  subject-%d: {name: Subject group %d, count: %d}" % (s, s, 1000 * (s + 1)))
    out.append("data:")
    for d in range(N_DATA):
        out.append("  data-%d: {name: Data category %d, subjects: [subject-%d], category: personal}" % (d, d, d % N_SUBJECTS))
    out.append("parties:")
    for p in range(N_PARTIES):
        out.append("  party-%d: {name: Public body %d, type: public-authority, role: controller, country: GB}" % (p, p))
    out.append("systems:")
    for k in range(N_SYSTEMS):
        out.append("  system-%d:" % k)
        out.append("    name: Shared system %d" % k)
        out.append("    party: party-%d" % (k % N_PARTIES))
        out.append("    location: GB")
        out.append("    retention:")
        out.append(retention(holds(k), "      ").rstrip("\n"))
    return "\n".join(out) + "\n"


def programme(i, m, rng):
    holders = {}
    for k in range(N_SYSTEMS):
        for d in holds(k):
            holders.setdefault(d, []).append("system-%d" % k)
    own = "own-system-%d" % i
    own_data = sorted(rng.sample(range(N_DATA), 4))
    for d in own_data:
        holders[d].append(own)
    out = ["dpflow: 1", "include: [registry.yaml]", "programme:", "  name: Generated programme %d" % i,
           "  description: A generated programme of the department.", "  controllers: [party-%d]" % (i % N_PARTIES),
           "  purposes:", "    casework:", "      lawful-basis: {article-6: public-task, legal-power: Generated Act 2020 s%d}" % (i + 1),
           "  dpia: {status: approved, approved-by: SIRO, approved-on: 2026-01-15, review-by: 2027-12-31}",
           "parties:", "  contractor-%d: {name: Contractor %d Ltd, type: company, role: processor, country: GB}" % (i, i),
           "systems:", "  %s:" % own, "    name: Programme %d case tool" % i, "    party: contractor-%d" % i,
           "    role: processor", "    processor-for: [party-%d]" % (i % N_PARTIES), "    contract: C-%d" % i, "    location: GB",
           "    retention:", retention(own_data, "      ").rstrip("\n"), "flows:"]
    for f in range(m):
        d = rng.randrange(N_DATA)
        to = rng.choice(holders[d])
        if f < max(1, m // 4):
            src, extra = "subject-%d" % (d % N_SUBJECTS), "notice: https://example.gov.uk/privacy/%d" % i
        else:
            others = [h for h in holders[d] if h != to]
            if not others:
                continue
            src, extra = rng.choice(others), "agreement: DSA-%d-%d" % (i, f)
        out.append("  flow-%d: {from: %s, to: %s, data: [data-%d], purpose: casework, %s, encrypted: true}" % (f, src, to, d, extra))
    return "\n".join(out) + "\n"


def main():
    n, m, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    os.makedirs(os.path.join(outdir, ".git"), exist_ok=True)
    with open(os.path.join(outdir, "registry.yaml"), "w") as f:
        f.write(registry())
    for i in range(n):
        with open(os.path.join(outdir, "programme-%03d.yaml" % i), "w") as f:
            f.write(programme(i, m, random.Random(i)))


if __name__ == "__main__":
    main()
