#!/usr/bin/env python3
"""Kills `sitec compile` while it replaces every site of a fleet, and checks
what it leaves (issue 12), as TAP.

A fleet A and a fleet B (the same sites, every one of them changed by a
global value) are generated with bench/gen_fleet.py; OUT starts as a clean
compile of A, then a compile of B into it is stopped

  - at crash points: SITEC_CRASH_AT=compile:N makes sitec _exit() at the
    N-th write, link, rename or removal it passes below OUT (-j 1, so N
    means the same step every time): every N from 1 until a run ends by
    itself, or --points of them spread evenly over that range;
  - by SIGKILL at random instants within the time a compile takes.

After each stop: every site directory holds exactly A's bundle or exactly
B's (each file's sha256 recomputed against its bundle.json, and its bytes
against the clean compiles), nothing but the compile's own temp
directories beside them, no file outside OUT changed; then a compile of B
runs to its end and OUT equals a clean compile of B, byte for byte (the
cache left out).

    killsweep.py --sitec SITEC --src SRCDIR [--sites N] [--kills K]
                 [--point-sites M] [--points P] [--seed S]

The suite runs a small sample (tests/compile/meson.build); the full sweep
is bench/killsweep.sh.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CRASH_EXIT = 99
OWN = ("api.json", "bundle.json", "k8s.yaml", "os.json")


def tree(root, skip=(".sitec-cache",)):
    """{relative path: bytes} of every file below root."""
    out = {}
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in files:
            p = os.path.join(d, f)
            rel = os.path.relpath(p, root)
            if rel not in skip:
                with open(p, "rb") as fh:
                    out[rel] = fh.read()
    return out


def fingerprint(root):
    h = hashlib.sha256()
    for rel, data in sorted(tree(root, skip=()).items()):
        h.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def sites_of(clean):
    """{site: {file: bytes}} of a clean OUT."""
    res = {}
    base = os.path.join(clean, "sites")
    for s in os.listdir(base):
        res[s] = {f: open(os.path.join(base, s, f), "rb").read() for f in OWN}
    return res


def check_sites(out, old, new):
    """'' when every site of OUT is exactly old or new and whole."""
    base = os.path.join(out, "sites")
    names = os.listdir(base)
    for n in names:
        if n.startswith(".sitec-new.") or n.startswith(".sitec-old."):
            continue    # the compile's own, removed by the next run
        if n not in old:
            return "unexpected entry sites/%s" % n
    for s in old:
        d = os.path.join(base, s)
        if not os.path.isdir(d) or os.path.islink(d):
            return "sites/%s is missing or not a directory" % s
        files = sorted(os.listdir(d))
        if files != sorted(OWN):
            return "sites/%s holds %s" % (s, files)
        got = {f: open(os.path.join(d, f), "rb").read() for f in OWN}
        meta = json.loads(got["bundle.json"])
        for f in ("api.json", "k8s.yaml", "os.json"):
            h = "sha256:" + hashlib.sha256(got[f]).hexdigest()
            if meta["files"][f] != h:
                return "sites/%s/%s does not match its bundle.json" % (s, f)
        if got != old[s] and got != new[s]:
            return "sites/%s is neither the old bundle nor the new" % s
    return ""


class Sweep:
    def __init__(self, args, work, nsites):
        self.sitec = args.sitec
        self.work = work
        gen = os.path.join(args.src, "bench", "gen_fleet.py")
        self.a = os.path.join(work, "a")
        self.b = os.path.join(work, "b")
        for d in (self.a, self.b):
            subprocess.run([sys.executable, gen, str(nsites), d], check=True,
                           stdout=subprocess.DEVNULL)
        schema = os.path.join(self.b, "schema.site")
        text = open(schema).read()
        assert "agent:1.4.2" in text
        open(schema, "w").write(text.replace("agent:1.4.2", "agent:1.4.3"))
        self.clean_a = os.path.join(work, "clean-a")
        self.clean_b = os.path.join(work, "clean-b")
        self.compile(self.clean_a, self.a)
        self.compile(self.clean_b, self.b)
        self.old = sites_of(self.clean_a)
        self.new = sites_of(self.clean_b)
        assert all(self.old[s] != self.new[s] for s in self.old)
        self.want = tree(self.clean_b)
        self.out = os.path.join(work, "out")
        self.sentinel = os.path.join(work, "outside")
        os.mkdir(self.sentinel)
        open(os.path.join(self.sentinel, "keep"), "w").write("keep\n")
        self.outside = self.outside_fp()

    def outside_fp(self):
        return [fingerprint(p) for p in (self.a, self.b, self.sentinel)]

    def compile(self, out, fleet, env=None, jobs=None):
        cmd = [self.sitec, "compile", "-o", out, fleet]
        if jobs:
            cmd[2:2] = ["-j", str(jobs)]
        return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE).returncode

    def reset(self):
        shutil.rmtree(self.out, ignore_errors=True)
        shutil.copytree(self.clean_a, self.out, symlinks=True)

    def verify(self):
        """'' after a stop: the sites, the outside, then a recovery."""
        problem = check_sites(self.out, self.old, self.new)
        if problem:
            return problem
        if self.outside_fp() != self.outside:
            return "a file outside OUT changed"
        rc = self.compile(self.out, self.b)
        if rc != 0:
            return "the next compile exited %d" % rc
        got = tree(self.out)
        if got != self.want:
            diff = sorted(set(got) ^ set(self.want)) or sorted(
                k for k in got if got[k] != self.want[k])
            return "after the next compile OUT differs: %s" % diff[:5]
        return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitec", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--sites", type=int, default=200)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--point-sites", type=int, default=6)
    ap.add_argument("--points", type=int, default=0,
                    help="crash points to try, spread evenly (0: all)")
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    args.sitec = os.path.realpath(args.sitec)
    rnd = random.Random(args.seed)
    print("1..2")
    failed = 0
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="sitec-kill-", dir=base) as work:
        # 1. crash points
        sw = Sweep(args, os.path.join(work, "p"), args.point_sites)
        env = dict(os.environ)
        problems, tried = [], 0

        def stop_at(k):
            sw.reset()
            env["SITEC_CRASH_AT"] = "compile:%d" % k
            return sw.compile(sw.out, sw.b, env=env, jobs=1)

        def try_point(k):
            rc = stop_at(k)
            if rc == 0:
                return False
            p = "exit %d" % rc if rc != CRASH_EXIT else sw.verify()
            if p:
                problems.append("point %d: %s" % (k, p))
            return True

        if not args.points:     # every point, until a run ends by itself
            total = 0
            while not problems and try_point(total + 1):
                total += 1
            tried = total
        else:   # how many there are (a run stops at N iff N <= total)
            lo, hi = 0, 1
            while stop_at(hi) == CRASH_EXIT:
                lo, hi = hi, hi * 2
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if stop_at(mid) == CRASH_EXIT else (lo, mid)
            total = lo
            for i in range(args.points):
                tried += try_point(1 + i * total // args.points)
        for p in problems[:10]:
            print("# " + p)
        print("%s 1 - crash points: %s of %s tried over %d sites (A -> B), "
              "each site old or new, nothing outside OUT, recovery = clean"
              % ("not ok" if problems else "ok", tried, total,
                 args.point_sites))
        failed |= bool(problems)

        # 2. SIGKILL at random instants
        sw = Sweep(args, os.path.join(work, "k"), args.sites)
        sw.reset()
        t0 = time.monotonic()
        sw.compile(sw.out, sw.b)
        span = time.monotonic() - t0
        problems, outcomes = [], {"killed": 0, "finished first": 0}
        for i in range(args.kills):
            sw.reset()
            delay = rnd.uniform(0, span)
            p = subprocess.Popen([sw.sitec, "compile", "-o", sw.out, sw.b],
                                 stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            rc = p.wait()
            outcomes["killed" if rc == -signal.SIGKILL else
                     "finished first"] += 1
            problem = sw.verify()
            if problem:
                problems.append("kill %d at %.3f s: %s" % (i, delay, problem))
        for p in problems[:10]:
            print("# " + p)
        print("%s 2 - %d SIGKILLs within %.2f s over %d sites (%d killed, "
              "%d finished first): each site old or new, recovery = clean"
              % ("not ok" if problems else "ok", args.kills, span, args.sites,
                 outcomes["killed"], outcomes["finished first"]))
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
