#!/usr/bin/env python3
"""Golden tests of sitec: run the compiler on each case, compare with the
expected output byte for byte, print TAP.

    run.py --sitec PATH --dir CASEDIR --kind parse|errors|cli|generated|eval [--update]

Kinds (CASEDIR is tests/golden; each kind has its own subdirectory):
  parse      parse/NAME.site    `sitec parse --dump NAME.site`: stdout must
             equal parse/NAME.json, stderr be empty, exit 0.
  errors     errors/NAME.site   `sitec check NAME.site`: stderr must equal
             errors/NAME.err, exit 1. A case named json-*.site runs
             `check --format json` and compares stdout with NAME.json
             (stderr empty).
  cli        cli/NAME.cmd       one line of arguments (shell-split), run in
             cli/: exit code, stdout and stderr must equal cli/NAME.out.
  generated  inputs too big or too odd to commit, built in a temporary
             directory by the table GENERATED below; stderr must equal
             generated/NAME.err, exit 1, in a few seconds.

  eval       eval/NAME.t        a transcript, run in eval/: each line
             `$ ARGS` runs sitec with ARGS (shell-split); the lines after
             it, up to the next `$ `, are its stdout then its stderr, and
             `[N]` when it exits with N != 0. The fleets the commands name
             (eval/NAME.site, eval/NAME/) sit beside the transcript.
             Lines starting with `#` before the first command are comments.

sitec always runs with the case directory as cwd and relative file names,
so the paths in diagnostics are stable. --update rewrites the expected
files from what sitec prints: review every changed file before committing.
"""

import argparse
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60          # seconds before a case counts as hung

# Cases whose expected file holds the RIGHT output, written by hand, which
# sitec does not print yet. They report as TAP TODO (meson: expected fail);
# once sitec is fixed they pass, meson reports an unexpected pass, and the
# entry must go. --update leaves their expected files alone.
KNOWN_BUGS = {
}
GENERATED_BUDGET = 10  # seconds a generated case may take (quadratic = minutes)
if os.environ.get("SITEC_WRAPPER"):
    GENERATED_BUDGET *= 40
# Sanitizer builds run slower: tools/run-tests.sh sets SITEC_TIME_SCALE.
GENERATED_BUDGET *= float(os.environ.get("SITEC_TIME_SCALE", "1"))


class Tap:
    def __init__(self, total):
        self.n = 0
        self.failed = 0
        print("1..%d" % total, flush=True)

    def ok(self, name, skip=None):
        self.n += 1
        suffix = " # SKIP %s" % skip if skip else ""
        if name in KNOWN_BUGS:
            suffix = " # TODO %s (fixed? remove it from KNOWN_BUGS)" \
                % KNOWN_BUGS[name]
        print("ok %d - %s%s" % (self.n, name, suffix), flush=True)

    def not_ok(self, name, why=None, expected=None, actual=None,
               label="expected"):
        self.n += 1
        if name in KNOWN_BUGS:
            print("not ok %d - %s # TODO known bug: %s"
                  % (self.n, name, KNOWN_BUGS[name]))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, name))
        if why:
            for line in why.splitlines():
                print("# " + line)
        if expected is not None and actual is not None:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=label, tofile="actual")
            for line in diff:
                print("# " + line.rstrip("\n"))
        sys.stdout.flush()


def run(sitec, args, cwd, timeout=TIMEOUT):
    """Runs sitec; returns (exit code, stdout, stderr, seconds, problem)."""
    t0 = time.monotonic()
    # SITEC_WRAPPER (meson test --setup valgrind) runs sitec under a tool;
    # the tool's own findings change the exit code or stderr, and fail.
    wrapper = shlex.split(os.environ.get("SITEC_WRAPPER", ""))
    if wrapper:
        timeout *= 20
    try:
        p = subprocess.run(wrapper + [sitec] + args, cwd=cwd,
                           stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "", time.monotonic() - t0, \
            "timed out after %ds (hang?)" % timeout
    dt = time.monotonic() - t0
    out = p.stdout.decode("utf-8", "surrogateescape")
    err = p.stderr.decode("utf-8", "surrogateescape")
    problem = None
    if p.returncode < 0:
        problem = "killed by signal %d (crash)" % -p.returncode
    return p.returncode, out, err, dt, problem


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "surrogateescape")
    except FileNotFoundError:
        return None


def write(path, text):
    with open(path, "wb") as f:
        f.write(text.encode("utf-8", "surrogateescape"))


def cases(directory, suffix):
    if not os.path.isdir(directory):
        return []
    return sorted(f[:-len(suffix)] for f in os.listdir(directory)
                  if f.endswith(suffix) and not f.startswith("."))


def compare(tap, name, path, actual, update, extra_problems=()):
    """Compares actual with the file at path (or rewrites it)."""
    problems = [p for p in extra_problems if p]
    if update and name in KNOWN_BUGS:
        sys.stderr.write("kept %s (known bug, expected file is by hand)\n"
                         % path)
        update = False
    if update:
        if read(path) != actual:
            write(path, actual)
            sys.stderr.write("updated %s\n" % path)
        expected = actual
    else:
        expected = read(path)
    if expected is None:
        problems.append("missing expected file %s (run with --update)"
                        % os.path.basename(path))
        tap.not_ok(name, "\n".join(problems))
    elif expected != actual or problems:
        tap.not_ok(name, "\n".join(problems), expected, actual,
                   os.path.basename(path))
    else:
        tap.ok(name)


# --- kind parse ---------------------------------------------------------------

def kind_parse(sitec, casedir, update):
    d = os.path.join(casedir, "parse")
    names = cases(d, ".site")
    tap = Tap(len(names))
    for name in names:
        rc, out, err, _, problem = run(sitec, ["parse", "--dump",
                                               name + ".site"], d)
        problems = [problem]
        if rc != 0:
            problems.append("exit code %s, expected 0" % rc)
        if err:
            problems.append("stderr is not empty:\n" + err)
        compare(tap, "parse/" + name, os.path.join(d, name + ".json"), out,
                update, problems)
    return tap


# --- kind errors --------------------------------------------------------------

def kind_errors(sitec, casedir, update):
    d = os.path.join(casedir, "errors")
    names = cases(d, ".site")
    tap = Tap(len(names))
    for name in names:
        json_mode = name.startswith("json-")
        args = ["check"] + (["--format", "json"] if json_mode else []) + \
            [name + ".site"]
        rc, out, err, _, problem = run(sitec, args, d)
        problems = [problem]
        if rc != 1:
            problems.append("exit code %s, expected 1" % rc)
        if json_mode:
            if err:
                problems.append("stderr is not empty:\n" + err)
            compare(tap, "errors/" + name, os.path.join(d, name + ".json"),
                    out, update, problems)
        else:
            if out:
                problems.append("stdout is not empty:\n" + out)
            compare(tap, "errors/" + name, os.path.join(d, name + ".err"),
                    err, update, problems)
    return tap


# --- kind cli -----------------------------------------------------------------

def section(text):
    if text and not text.endswith("\n"):
        return text + "\n\\ no newline at end\n"
    return text


def kind_cli(sitec, casedir, update):
    d = os.path.join(casedir, "cli")
    names = cases(d, ".cmd")
    tap = Tap(len(names))
    for name in names:
        with open(os.path.join(d, name + ".cmd")) as f:
            args = shlex.split(f.read())
        made = os.path.join(d, "out")
        had_out = os.path.lexists(made)
        rc, out, err, _, problem = run(sitec, args, d)
        if not had_out and os.path.isdir(made):
            # `compile -o out` makes OUT (for its lock) even when the
            # fleet has errors: not left in the source tree
            shutil.rmtree(made)
        actual = "--- exit %s\n--- stdout\n%s--- stderr\n%s" % (
            rc, section(out), section(err))
        compare(tap, "cli/" + name, os.path.join(d, name + ".out"), actual,
                update, [problem])
    return tap


# --- kind generated -----------------------------------------------------------
#
# Each case: name -> (setup(tmpdir) returning sitec's arguments, or a reason
# to skip as a string prefixed "SKIP:"). sitec runs in tmpdir, must exit 1,
# not crash, finish within GENERATED_BUDGET seconds, and print exactly
# generated/NAME.err on stderr.

MB10 = 10 * 1024 * 1024


def put(tmp, name, data):
    path = os.path.join(tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return name


def gen_long_string(tmp):
    # One 10 MB line: a string that never closes.
    return ["check", put(tmp, "x.site",
                         b'site a { x = "' + b"a" * MB10 + b"\n}\n")]


def gen_long_sum(tmp):
    # One 10 MB line of valid `1 + 1 + ...`: deeper than the AST allows.
    n = MB10 // 4
    return ["check", put(tmp, "x.site",
                         b"let x = 1" + b" + 1" * n + b"\n")]


def gen_deep_brackets(tmp):
    return ["check", put(tmp, "x.site", b"let x = " + b"[" * 100000 + b"\n")]


def gen_deep_closed_brackets(tmp):
    return ["check", put(tmp, "x.site",
                         b"let x = " + b"[" * 100000 + b"]" * 100000 + b"\n")]


def gen_deep_parens(tmp):
    return ["check", put(tmp, "x.site",
                         b"let x = " + b"(" * 100000 + b"1" +
                         b")" * 100000 + b"\n")]


def gen_deep_braces(tmp):
    return ["check", put(tmp, "x.site",
                         b"site a { " + b"b { " * 100000 + b"}" * 100000 +
                         b" }\n")]


def gen_unary_chain(tmp):
    return ["check", put(tmp, "x.site", b"let x = " + b"- " * 100000 + b"x\n")]


def gen_not_chain(tmp):
    return ["check", put(tmp, "x.site", b"let x = " + b"!" * 100000 + b"x\n")]


def gen_deep_interpolation(tmp):
    return ["check", put(tmp, "x.site",
                         b'let x = ' + b'"${' * 20000 + b'1' + b'}"' * 20000 +
                         b"\n")]


def gen_nul(tmp):
    return ["check", put(tmp, "x.site", b"let a = 1\x00\nlet b = 2\n")]


def gen_invalid_utf8(tmp):
    return ["check", put(tmp, "x.site",
                         b"let a = \xff\nlet b = \"\xc3\x28\"\n"
                         b"# \xe2\x82 in a comment\nlet c = 3\n")]


def gen_utf16(tmp):
    return ["check", put(tmp, "x.site",
                         "let a = 1\n".encode("utf-16")[:12])]


def gen_crlf(tmp):
    return ["check", put(tmp, "x.site", b"site a {\r\n  x = \"1\r\n}\r\n")]


def gen_empty(tmp):
    return ["check", put(tmp, "x.site", b"")]


def gen_only_comments(tmp):
    return ["check", put(tmp, "x.site", b"# one\n\n   # two\n")]


def gen_only_whitespace(tmp):
    return ["check", put(tmp, "x.site", b"\n \t\r\n\n")]


def gen_dangling_symlink(tmp):
    os.symlink("nowhere.site", os.path.join(tmp, "x.site"))
    put(tmp, "ok.site", b"let ok = 1\n")
    return ["check", "."]


def gen_unreadable(tmp):
    if os.geteuid() == 0:
        return "SKIP: running as root, chmod 000 does not stop reading"
    name = put(tmp, "x.site", b"let a = 1\n")
    os.chmod(os.path.join(tmp, name), 0)
    return ["check", "."]


def gen_io_error(tmp):
    # A read that fails whoever runs it (root too): /proc/self/mem at 0.
    os.symlink("/proc/self/mem", os.path.join(tmp, "x.site"))
    put(tmp, "ok.site", b"let ok = 1\n")
    return ["check", "."]


def gen_too_large(tmp):
    # A sparse file just over the 256 MiB limit: no disk used, no bytes read.
    path = os.path.join(tmp, "big.site")
    with open(path, "wb") as f:
        f.truncate(256 * 1024 * 1024 + 1)
    put(tmp, "ok.site", b"let ok = 1\n")
    return ["check", "."]


def gen_no_site_files(tmp):
    put(tmp, "fleet/readme.txt", b"not a site file\n")
    put(tmp, "fleet/x.site.bak", b"let a = 1\n")
    os.makedirs(os.path.join(tmp, "fleet", "empty"))
    return ["check", "fleet"]


def gen_site_dir_link_loop(tmp):
    # A directory that links to itself must not be walked forever.
    os.makedirs(os.path.join(tmp, "fleet"))
    os.symlink(".", os.path.join(tmp, "fleet", "loop"))
    put(tmp, "fleet/a.site", b"let a = \n")
    return ["check", "fleet"]


def gen_profile_errors_1000(tmp):
    # 1,000 sites share a profile with type errors and a schema field no
    # layer sets: each mistake is reported once, with the count of sites
    # and three names, not 1,000 times. One site has an error of its own.
    put(tmp, "fleet/schema.site", b"""schema Site {
  port: int(1..65535)
  region: "eu" | "us"
  owner: string
  tags: list<string> unique = []
}
""")
    put(tmp, "fleet/global.site", b"""profile global : Site {
  port = 70000
  region = "mars"
  tags = ["a", "a"]
  os.hostname = "${name}.example.net"
  k8s.app = { apiVersion = "v1", kind = "ConfigMap", data.site = name }
}
""")
    sites = "".join("site s%04d : global {}\n" % i for i in range(1000))
    sites += 'site odd : global { os.users = [{ name = "Not_A_Label" }] }\n'
    put(tmp, "fleet/sites.site", sites.encode())
    return ["check", "fleet"]


GENERATED = [
    ("profile-errors-1000", gen_profile_errors_1000),
    ("long-line-string", gen_long_string),
    ("long-line-sum", gen_long_sum),
    ("deep-brackets", gen_deep_brackets),
    ("deep-brackets-closed", gen_deep_closed_brackets),
    ("deep-parens", gen_deep_parens),
    ("deep-braces", gen_deep_braces),
    ("deep-unary-minus", gen_unary_chain),
    ("deep-unary-not", gen_not_chain),
    ("deep-interpolation", gen_deep_interpolation),
    ("nul-byte", gen_nul),
    ("invalid-utf8", gen_invalid_utf8),
    ("utf16", gen_utf16),
    ("crlf-unterminated", gen_crlf),
    ("empty-file", gen_empty),
    ("only-comments", gen_only_comments),
    ("only-whitespace", gen_only_whitespace),
    ("dangling-symlink", gen_dangling_symlink),
    ("unreadable-file", gen_unreadable),
    ("io-error", gen_io_error),
    ("too-large", gen_too_large),
    ("no-site-files", gen_no_site_files),
    ("dir-link-loop", gen_site_dir_link_loop),
]


def kind_generated(sitec, casedir, update):
    d = os.path.join(casedir, "generated")
    if update:
        os.makedirs(d, exist_ok=True)
    tap = Tap(len(GENERATED))
    for name, setup in GENERATED:
        tmp = tempfile.mkdtemp(prefix="sitec-golden-")
        try:
            args = setup(tmp)
            if isinstance(args, str):
                tap.ok("generated/" + name, skip=args[len("SKIP:"):].strip())
                continue
            rc, out, err, dt, problem = run(sitec, args, tmp)
            problems = [problem]
            if rc != 1:
                problems.append("exit code %s, expected 1" % rc)
            if out:
                problems.append("stdout is not empty:\n" + out[:2000])
            if dt > GENERATED_BUDGET:
                problems.append("took %.1fs, budget %ds" %
                                (dt, GENERATED_BUDGET))
            compare(tap, "generated/" + name,
                    os.path.join(d, name + ".err"), err, update, problems)
        finally:
            for root, dirs, _ in os.walk(tmp):
                for x in dirs:
                    try:
                        os.chmod(os.path.join(root, x), 0o755)
                    except OSError:
                        pass
            shutil.rmtree(tmp, ignore_errors=True)
    return tap


# --- kind eval ------------------------------------------------------------------

def transcript_commands(text):
    """The comment lines and the commands of a transcript, in order."""
    head, cmds = [], []
    for line in text.splitlines():
        if line.startswith("$ "):
            cmds.append(line[2:])
        elif not cmds:
            head.append(line)
    return head, cmds


ONLY = None          # --only PREFIX: the eval cases whose name starts so


def run_transcript(sitec, d, name):
    """Runs the commands of eval/NAME.t; returns (text, problems)."""
    head, cmds = transcript_commands(read(os.path.join(d, name + ".t")))
    actual = "".join(line + "\n" for line in head)
    problems = []
    for cmd in cmds:
        rc, out, err, dt, problem = run(sitec, shlex.split(cmd), d)
        problems.append(problem)
        actual += "$ " + cmd + "\n" + out + err
        if (out + err) and not (out + err).endswith("\n"):
            actual += "\n"
        if rc:
            actual += "[%s]\n" % rc
    return actual, problems


def kind_eval(sitec, casedir, update):
    d = os.path.join(casedir, "eval")
    names = [n for n in cases(d, ".t") if not ONLY or n.startswith(ONLY)]
    # Under valgrind (about 1.5 s a process here) every fifth case runs,
    # the same ones each time, so the suite stays within CI's budget;
    # the ASan+UBSan build runs them all.
    if os.environ.get("SITEC_WRAPPER") and not ONLY:
        names = names[::5]
    tap = Tap(len(names))
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda n: run_transcript(sitec, d, n),
                                names))
    for name, (actual, problems) in zip(names, results):
        compare(tap, "eval/" + name, os.path.join(d, name + ".t"), actual,
                update, problems)
    return tap


KINDS = {
    "parse": kind_parse,
    "errors": kind_errors,
    "cli": kind_cli,
    "generated": kind_generated,
    "eval": kind_eval,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sitec", required=True, help="the sitec binary")
    ap.add_argument("--dir", required=True, help="tests/golden")
    ap.add_argument("--kind", required=True, choices=sorted(KINDS))
    ap.add_argument("--update", action="store_true",
                    help="rewrite the expected files (review them!)")
    ap.add_argument("--only", help="eval: only the cases named PREFIX*")
    a = ap.parse_args()
    global ONLY
    ONLY = a.only
    tap = KINDS[a.kind](os.path.abspath(a.sitec), os.path.abspath(a.dir),
                        a.update)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
