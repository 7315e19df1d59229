#!/usr/bin/env python3
"""Writes fleets of N sites whose inheritance has a given shape, to show
that evaluation stays linear in the size of the fleet.

    bench/gen_shapes.py SHAPE N OUTDIR

Shapes (every site ends with the same values, so the work per site is
comparable; only the inheritance differs):
  flat      one profile sets everything
  chain     a chain of 10 profiles, each overriding and appending
  diamond   a wide diamond: 40 profiles all inherit one base, and each
            site inherits all 40 (C3 over 40 parents, base applied once)
  lattice   20 levels of diamonds: each level has two profiles that both
            inherit both profiles of the level below (2^20 paths to the
            root; the linearization has 41 entries)
"""
import os
import sys

SCHEMA = '''schema S {
    region: string = "r"
    level: int = 0
    tags: list<string> = []
    port: int = 80
    hosts: map<string> = {}
    mgmt: string
}
'''

SITE_BODY = '''    mgmt = "10.{a}.{b}.{c}"
    os.hostname = name
    os.hosts = {{ "${{name}}.local" = mgmt }}
    k8s.cm = {{ apiVersion = "v1", kind = "ConfigMap",
               data = {{ site = name, level = "${{level}}", port = "${{port}}",
                        tags = join(",", tags) }} }}
'''


def profiles(shape):
    out = [SCHEMA, 'profile root : S { mgmt = "0.0.0.0" }\n']
    if shape == "flat":
        out.append('profile top : root { level = 10; port = 8090;'
                   ' tags = ["t0", "t1", "t2", "t3", "t4", "t5", "t6",'
                   ' "t7", "t8", "t9"] }\n')
        return out, ["top"]
    if shape == "chain":
        prev = "root"
        for i in range(10):
            out.append('profile c%d : %s { level = level_base + %d; '
                       'port = super + 1; tags += ["t%d"] }\n'
                       % (i, prev, i + 1, i))
            prev = "c%d" % i
        out.append("let level_base = 0\n")
        return out, [prev]
    if shape == "diamond":
        names = []
        for i in range(40):
            out.append('profile w%d : root { tags += ["w%d"] }\n' % (i, i))
            names.append("w%d" % i)
        out.append('profile top : %s { level = 10; port = 8090 }\n'
                   % ", ".join(names))
        return out, ["top"]
    if shape == "lattice":
        below = ["root"]
        for lvl in range(20):
            level = []
            for side in "ab":
                nm = "l%d%s" % (lvl, side)
                out.append('profile %s : %s { tags += ["%s"] }\n'
                           % (nm, ", ".join(below), nm))
                level.append(nm)
            below = level
        out.append('profile top : %s { level = 10; port = 8090 }\n'
                   % ", ".join(below))
        return out, ["top"]
    raise SystemExit("unknown shape " + shape)


def main():
    shape, n, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(os.path.join(outdir, "sites"), exist_ok=True)
    head, parents = profiles(shape)
    with open(os.path.join(outdir, "profiles.site"), "w") as f:
        f.write("".join(head))
    per_file = 100
    for start in range(0, n, per_file):
        with open(os.path.join(outdir, "sites", "s%07d.site" % start),
                  "w") as f:
            for i in range(start, min(n, start + per_file)):
                f.write("site s%07d : %s {\n" % (i, ", ".join(parents)))
                f.write(SITE_BODY.format(a=i >> 16 & 255, b=i >> 8 & 255,
                                         c=i & 255))
                f.write("}\n")


if __name__ == "__main__":
    main()
