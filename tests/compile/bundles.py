#!/usr/bin/env python3
"""Whole compiled bundles of test fleets, checked two ways; prints TAP.

    bundles.py --sitec PATH --src ROOT --check tree [--update]
    bundles.py --sitec PATH --src ROOT --check readback
    bundles.py --sitec PATH --src ROOT --check kubectl

tree      compiles each fleet of FLEETS (examples/fleet and the focused
          fleets in tests/compile/fleets/) and compares the whole output
          tree with tests/compile/expected/NAME/: the same file names, the
          same bytes, "sitec @VERSION@" standing for the compiler's version.
          A difference prints a unified diff of each file that differs.

          To update the expected trees after a wanted change of the output:
              bundles.py --sitec build/compiler/cli/sitec --src . --check tree --update
          (or SITEC_UPDATE=1 in the environment, e.g. under meson test),
          then review every changed file with `git diff` before committing:
          a golden that captures a bug is worse than none.

readback  compiles the same fleets (and those only it reads, READBACK_ONLY)
          and checks each site's files against `sitec query` of the site,
          computed here independently of the compiler's sources:
          - k8s.yaml, read by a YAML 1.1 reader (PyYAML's pure-Python
            SafeLoader) and by a YAML 1.2 one (ruamel.yaml, pure, safe),
            holds exactly the objects of `query SITE k8s` (same types,
            same key order but for the Kubernetes layout of k8s_layout,
            no duplicate keys), one document each, sorted
            in Helm's install order (HELM_INSTALL_ORDER), unknown kinds
            after by kind name, then by handle;
          - api.json is `query SITE api` as {"calls": [{"name", "service",
            "method", "path", "body"}...]}, os.json is `query SITE os`;
          - bundle.json has each file's sha256 and the digest as
            compiler/bundle.h defines it, fleet.json every site's digest.
          It has no expected files, so nothing to update.

kubectl   compiles the same fleets and decodes each site's k8s.yaml, and
          the one in tests/compile/expected/, with kubectl, offline
          (`kubectl label --local -o json -f FILE`): go-yaml through
          sigs.k8s.io/yaml, as kubectl, Helm and the API server read it,
          into the typed Go object of a kind kubectl knows. No decode
          error, and every label, annotation and ConfigMap/Secret data
          key and value comes back as the same string (the whole object
          for a kind kubectl does not know). Skipped without kubectl.

Both need Debian's python3-yaml and python3-ruamel.yaml (tools/setup.sh);
meson runs them with /usr/bin/python3, which sees those packages.
SITEC_WRAPPER (e.g. valgrind, `meson test --setup valgrind`) runs sitec
under a tool, as tests/golden/run.py and tests/compile/run.sh do.
"""

import argparse
import difflib
import hashlib
import json
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

# name -> fleet directory (relative to the source root)
FLEETS = [
    ("example", "examples/fleet"),
    ("kinds", "tests/compile/fleets/kinds"),
    ("priority", "tests/compile/fleets/priority"),
    ("quoting", "tests/compile/fleets/quoting"),
    ("secrets", "tests/compile/fleets/secrets"),
]
# fleets whose bundles are only read back: their expected tree would hold
# output that is known to be wrong (see KNOWN_BUGS)
READBACK_ONLY = [
]

# Checks whose failure is a known bug of sitec: they report as TAP TODO
# (meson: expected fail); once sitec is fixed meson reports an unexpected
# pass, and the entry must go (and the fleet move to FLEETS).
KNOWN_BUGS = {
}

# Helm's InstallOrder (helm.sh/helm/v3 pkg/releaseutil/kind_sorter.go, as
# of Helm 3.13 and later), written out here from Helm, not from sitec.
HELM_INSTALL_ORDER = [
    "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota",
    "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
    "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
    "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition",
    "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
    "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
    "RoleBindingList", "Service", "DaemonSet", "Pod",
    "ReplicationController", "ReplicaSet", "Deployment",
    "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob",
    "IngressClass", "Ingress", "APIService",
]

BUNDLE_FILES = ["api.json", "k8s.yaml", "os.json"]  # bundle.json lists these
VERSION_MARK = b"@VERSION@"
TIMEOUT = 120  # seconds for one sitec run


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, name, problems):
        """problems: a list of lines; empty means ok."""
        self.n += 1
        todo = KNOWN_BUGS.get(name)
        suffix = " # TODO %s" % todo if todo else ""
        if not problems:
            print("ok %d - %s%s" % (self.n, name, suffix))
        else:
            if not todo:
                self.failed += 1
            print("not ok %d - %s%s" % (self.n, name, suffix))
            for p in problems:
                for line in p.splitlines() or [""]:
                    print("# " + line)
        sys.stdout.flush()

    def done(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


def sitec_run(sitec, args):
    """Runs sitec (under SITEC_WRAPPER); returns (rc, stdout, stderr)."""
    wrapper = shlex.split(os.environ.get("SITEC_WRAPPER", ""))
    timeout = TIMEOUT * (20 if wrapper else 1)
    try:
        p = subprocess.run(wrapper + [sitec] + args, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %ds" % timeout
    return p.returncode, p.stdout, p.stderr


def compile_fleet(sitec, fleet, out):
    """Compiles fleet into out; returns a list of problems."""
    rc, stdout, stderr = sitec_run(sitec, ["compile", "-o", out, fleet])
    problems = []
    if rc != 0:
        problems.append("sitec compile exited with %s" % rc)
    if stderr:
        problems.append("stderr:\n" + stderr.decode("utf-8", "replace"))
    if rc == 0 and not re.match(rb"\d+ files?, \d+ sites? compiled into ",
                                stdout):
        problems.append("unexpected summary: %r" % stdout)
    return problems


def sitec_version(sitec):
    # not under the wrapper: the version is not what is tested here
    out = subprocess.run([sitec, "--version"], stdout=subprocess.PIPE,
                         check=True).stdout.decode().strip()
    if not out.startswith("sitec "):
        raise SystemExit("sitec --version printed %r" % out)
    return out[len("sitec "):].encode()


def tree_files(root):
    """The regular files below root, as sorted relative paths."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in filenames:
            rel = os.path.relpath(os.path.join(dirpath, f), root)
            if rel not in (".sitec-cache", ".sitec-lock"):  # cache, lock: not bundles
                found.append(rel)
    return sorted(found)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


# --- tree ---------------------------------------------------------------

def compiler_field(version):
    return b'"compiler": "sitec ' + version + b'"'


def normalise(rel, data, version):
    """The expected-file form of an output file: the version masked."""
    if os.path.basename(rel) in ("bundle.json", "fleet.json"):
        return data.replace(compiler_field(version),
                            compiler_field(VERSION_MARK))
    return data


def unified_diff(rel, expected, actual):
    def lines(b):
        text = b.decode("utf-8", "surrogateescape").splitlines(keepends=True)
        if text and not text[-1].endswith("\n"):
            text[-1] += "\n\\ No newline at end of file\n"
        return text
    diff = list(difflib.unified_diff(lines(expected), lines(actual),
                                     fromfile="expected/" + rel,
                                     tofile="actual/" + rel))
    if not diff:  # differ only in bytes splitlines() does not show
        diff = ["--- expected/%s\n+++ actual/%s\n" % (rel, rel),
                "expected %r\n" % expected[:200],
                "actual   %r\n" % actual[:200]]
    return "".join(l if l.endswith("\n") else l + "\n" for l in diff)


def check_tree(sitec, src, tap, update, tmp):
    version = sitec_version(sitec)
    for name, fleet in FLEETS:
        out = os.path.join(tmp, name)
        expected_dir = os.path.join(src, "tests", "compile", "expected", name)
        title = "compile %s: the whole tree equals expected/%s" % (fleet, name)
        problems = compile_fleet(sitec, os.path.join(src, fleet), out)
        if problems:
            tap.result(title, problems)
            continue
        actual_files = tree_files(out)
        if update:
            if os.path.isdir(expected_dir):
                shutil.rmtree(expected_dir)
            for rel in actual_files:
                dst = os.path.join(expected_dir, rel)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                with open(dst, "wb") as f:
                    f.write(normalise(rel, read_bytes(
                        os.path.join(out, rel)), version))
            print("# updated %s (%d files): review them before committing"
                  % (os.path.relpath(expected_dir, src), len(actual_files)))
        expected_files = tree_files(expected_dir) \
            if os.path.isdir(expected_dir) else []
        missing = sorted(set(expected_files) - set(actual_files))
        extra = sorted(set(actual_files) - set(expected_files))
        if missing:
            problems.append("not written: " + ", ".join(missing))
        if extra:
            problems.append("not expected: " + ", ".join(extra))
        for rel in sorted(set(expected_files) & set(actual_files)):
            want = read_bytes(os.path.join(expected_dir, rel)).replace(
                VERSION_MARK, version)
            got = read_bytes(os.path.join(out, rel))
            if want != got:
                problems.append(unified_diff(rel, want, got))
        tap.result(title, problems)


# --- readback -----------------------------------------------------------

def yaml_loaders():
    """Two loaders of a YAML stream: YAML 1.1 (PyYAML) and 1.2 (ruamel).

    Each returns the list of documents; both refuse duplicate keys."""
    import yaml  # Debian: python3-yaml

    class StrictSafeLoader(yaml.SafeLoader):  # the pure-Python reader
        def construct_mapping(self, node, deep=False):
            seen = []
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, "duplicate key %r" % (key,),
                        key_node.start_mark)
                seen.append(key)
            return super().construct_mapping(node, deep=deep)

    def load_1_1(text):
        return list(yaml.load_all(text, Loader=StrictSafeLoader))

    from ruamel.yaml import YAML  # Debian: python3-ruamel.yaml
    reader = YAML(typ="safe", pure=True)  # YAML 1.2, duplicate keys refused

    def load_1_2(text):
        return list(reader.load_all(text))

    return [("YAML 1.1", load_1_1), ("YAML 1.2", load_1_2)]


def describe(v):
    return "%s %s" % (type(v).__name__, json.dumps(v, ensure_ascii=False)
                      if isinstance(v, (str, int, float, bool, type(None)))
                      else repr(v)[:80])


def differences(got, want, path="$"):
    """Where got differs from want, strictly: types (a bool is not an int,
    an int not a float), float signs, key order. A list of lines."""
    if type(got) is not type(want):
        return ["%s: read back as %s, expected %s"
                % (path, describe(got), describe(want))]
    if isinstance(want, dict):
        if list(got) != list(want):
            return ["%s: keys %s, expected %s" % (path, list(got), list(want))]
        out = []
        for k in want:
            out += differences(got[k], want[k], "%s.%s" % (path, k))
        return out
    if isinstance(want, list):
        if len(got) != len(want):
            return ["%s: %d items, expected %d" % (path, len(got), len(want))]
        out = []
        for i, (g, w) in enumerate(zip(got, want)):
            out += differences(g, w, "%s[%d]" % (path, i))
        return out
    if isinstance(want, float):
        same = (math.isnan(got) and math.isnan(want)) or \
            (got == want and math.copysign(1, got) == math.copysign(1, want))
        return [] if same else ["%s: %r, expected %r" % (path, got, want)]
    return [] if got == want else \
        ["%s: %s, expected %s" % (path, describe(got), describe(want))]


def json_strict(data):
    """Parses JSON bytes, refusing duplicate keys."""
    def pairs(items):
        obj = {}
        for k, v in items:
            if k in obj:
                raise ValueError("duplicate key %r" % k)
            obj[k] = v
        return obj
    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs)


def install_order(handle_object):
    """Sort key of (handle, object) in Helm's install order."""
    handle, obj = handle_object
    kind = obj.get("kind") if isinstance(obj, dict) else None
    if kind in HELM_INSTALL_ORDER:
        return (0, HELM_INSTALL_ORDER.index(kind), "", handle)
    # unknown kinds last, by kind name, then by handle; code point order
    # of str is the byte order of UTF-8
    return (1, 0, kind or "", handle)


def front_first(obj, front):
    """obj with the keys of front it has first, in that order, then the
    others in their order."""
    out = {k: obj[k] for k in front if k in obj}
    out.update((k, v) for k, v in obj.items() if k not in front)
    return out


def k8s_layout(obj):
    """A document as k8s.yaml lays it out (LANGUAGE.md's definition order,
    except that apiVersion, kind and metadata come first, and name and
    namespace first in metadata, as Kubernetes writes objects)."""
    if not isinstance(obj, dict):
        return obj
    obj = front_first(obj, ["apiVersion", "kind", "metadata"])
    if isinstance(obj.get("metadata"), dict):
        obj["metadata"] = front_first(obj["metadata"], ["name", "namespace"])
    return obj


def doc_ids(docs):
    """kind/metadata.name of each document, to show the order."""
    ids = []
    for d in docs:
        meta = d.get("metadata") if isinstance(d, dict) else None
        ids.append("%s/%s" % (d.get("kind") if isinstance(d, dict) else d,
                              meta.get("name") if isinstance(meta, dict)
                              else None))
    return ids


def fleet_sites(fleet):
    """The names of the sites a fleet declares (`site NAME :`)."""
    names = []
    for dirpath, dirnames, filenames in os.walk(fleet):
        for f in filenames:
            if f.endswith(".site"):
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    names += re.findall(r"(?m)^[ \t]*site[ \t]+([A-Za-z0-9_-]+)"
                                        r"[ \t]*:", fh.read())
    return sorted(names)


def query(sitec, fleet, site, expr):
    rc, stdout, stderr = sitec_run(sitec, ["query", "--fleet", fleet, site,
                                           expr])
    if rc != 0 or stderr:
        raise RuntimeError("sitec query %s %s: exit %s, stderr %s"
                           % (site, expr, rc, stderr.decode("utf-8", "replace")))
    return json_strict(stdout)


def sha256_text(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def check_site_readback(sitec, fleet, site, sitedir, loaders, tap):
    try:
        k8s = query(sitec, fleet, site, "k8s")
        api = query(sitec, fleet, site, "api")
        osv = query(sitec, fleet, site, "os")
    except (RuntimeError, ValueError) as e:
        tap.result("%s: sitec query of k8s, api, os" % site, [str(e)])
        return

    # k8s.yaml: one document per object, in install order, each laid out
    # the Kubernetes way
    want_docs = [k8s_layout(obj)
                 for _, obj in sorted(k8s.items(), key=install_order)]
    text = read_bytes(os.path.join(sitedir, "k8s.yaml")).decode("utf-8")
    for label, load in loaders:
        name = "%s k8s.yaml reads back (%s) in install order" % (site, label)
        try:
            docs = load(text)
        except Exception as e:  # any reader error is a failure
            tap.result(name, ["cannot read: %s" % e])
            continue
        problems = []
        got_ids, want_ids = doc_ids(docs), doc_ids(want_docs)
        if got_ids != want_ids:
            problems.append("the documents (kind/name) differ:\n" + "\n".join(
                l.rstrip("\n") for l in difflib.unified_diff(
                    want_ids, got_ids, "expected", "k8s.yaml", lineterm="")))
        else:
            for i, (got, want) in enumerate(zip(docs, want_docs)):
                problems += differences(got, want, "document %d (%s)"
                                        % (i + 1, want_ids[i]))
        tap.result(name, problems[:30])

    # api.json: the calls in the api object's order
    calls = {"calls": [
        {"name": handle,
         "service": call.get("service"),
         "method": call.get("method"),
         "path": call.get("path"),
         "body": call.get("body")}
        for handle, call in api.items()]}
    for fname, want in (("api.json", calls), ("os.json", osv)):
        name = "%s %s reads back as its %s" % (site, fname, fname[:-5])
        try:
            got = json_strict(read_bytes(os.path.join(sitedir, fname)))
        except ValueError as e:
            tap.result(name, ["cannot read: %s" % e])
            continue
        tap.result(name, differences(got, want)[:20])

    # bundle.json: sha256 of each file, the digest of the (file, sha256) list
    name = "%s bundle.json: each file's sha256, the digest" % site
    problems = []
    try:
        meta = json_strict(read_bytes(os.path.join(sitedir, "bundle.json")))
    except ValueError as e:
        tap.result(name, ["cannot read: %s" % e])
        return None
    present = sorted(f for f in os.listdir(sitedir) if f != "bundle.json")
    if present != BUNDLE_FILES:
        problems.append("files %s, expected %s" % (present, BUNDLE_FILES))
    files = {f: sha256_text(read_bytes(os.path.join(sitedir, f)))
             for f in present}
    listed = meta.get("files", {})
    if list(listed) != sorted(files):
        problems.append("files listed %s, expected %s"
                        % (list(listed), sorted(files)))
    for f in sorted(files):
        if f in listed and listed[f] != files[f]:
            problems.append("%s is listed as %s, its sha256 is %s"
                            % (f, listed[f], files[f]))
    canonical = "".join("%s %s\n" % (f, files[f]) for f in sorted(files))
    digest = sha256_text(canonical.encode())
    if meta.get("digest") != digest:
        problems.append("digest %s, expected %s" % (meta.get("digest"), digest))
    for key, want in (("site", site), ("version", 0), ("source", {})):
        if meta.get(key) != want:
            problems.append("%s is %r, expected %r" % (key, meta.get(key), want))
    tap.result(name, problems)
    return digest


def check_readback(sitec, src, tap, tmp):
    try:
        loaders = yaml_loaders()
    except ImportError as e:
        tap.result("YAML readers (python3-yaml, python3-ruamel.yaml: "
                   "tools/setup.sh)", ["%s (python: %s)" % (e, sys.executable)])
        return
    version = sitec_version(sitec).decode()
    for name, fleet in FLEETS + READBACK_ONLY:
        fleet = os.path.join(src, fleet)
        out = os.path.join(tmp, name)
        problems = compile_fleet(sitec, fleet, out)
        sites = fleet_sites(fleet)
        written = sorted(os.listdir(os.path.join(out, "sites"))) \
            if not problems else []
        if not problems and written != sites:
            problems.append("sites written %s, the fleet declares %s"
                            % (written, sites))
        tap.result("compile %s: a bundle for each site it declares" % name,
                   problems)
        if problems:
            continue
        digests = {}
        for site in sites:
            digests[site] = check_site_readback(
                sitec, fleet, site, os.path.join(out, "sites", site), loaders,
                tap)
        title = "%s fleet.json: the compiler and every site's digest" % name
        try:
            meta = json_strict(read_bytes(os.path.join(out, "fleet.json")))
        except ValueError as e:
            tap.result(title, ["cannot read: %s" % e])
            continue
        want = {"compiler": "sitec " + version, "source": {},
                "sites": {s: digests[s] for s in sites}}
        tap.result(title, differences(meta, want))


# --- kubectl ------------------------------------------------------------

KUBECTL_LABEL = "sitec.test/readback"


def kubectl_runner(tmp):
    """A function running kubectl offline with arguments, or None when
    kubectl is not installed. KUBECONFIG is an empty file; even --local
    commands dial the configured server (localhost:8080) once and go on
    when that fails, so they run in a network namespace of their own,
    which has no network at all, where `unshare -rn` can make one."""
    kubectl = shutil.which("kubectl")
    if not kubectl:
        return None
    config = os.path.join(tmp, "kubeconfig")
    open(config, "w").close()
    env = dict(os.environ, KUBECONFIG=config, HOME=tmp)
    prefix = []
    if shutil.which("unshare") and subprocess.run(
            ["unshare", "-rn", "true"], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0:
        prefix = ["unshare", "-rn"]

    def run(args):
        p = subprocess.run(prefix + [kubectl] + args, env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr
    return run


def same_json(got, want, path="$"):
    """Where got (decoded by kubectl, printed by Go's encoding/json: keys
    sorted, 1.0 as 1) differs from want: a string must come back as that
    string, a bool as a bool, a number as the same number."""
    def kind(v):
        if isinstance(v, bool):
            return "bool"
        if isinstance(v, (int, float)):
            return "number"
        return type(v).__name__
    if kind(got) != kind(want):
        return ["%s: decoded as %s, expected %s"
                % (path, describe(got), describe(want))]
    if isinstance(want, dict):
        if sorted(got) != sorted(want):
            return ["%s: keys %s, expected %s"
                    % (path, sorted(got), sorted(want))]
        out = []
        for k in want:
            out += same_json(got[k], want[k], "%s.%s" % (path, k))
        return out
    if isinstance(want, list):
        if len(got) != len(want):
            return ["%s: %d items, expected %d" % (path, len(got), len(want))]
        out = []
        for i, (g, w) in enumerate(zip(got, want)):
            out += same_json(g, w, "%s[%d]" % (path, i))
        return out
    return [] if got == want else \
        ["%s: %s, expected %s" % (path, describe(got), describe(want))]


def kubectl_decode(run, path):
    """Every document of the YAML file path as kubectl decodes it (into
    its typed Go object when kubectl knows the kind, else unstructured),
    with the label it was given to have something to do taken off again.
    Returns (objects, problems)."""
    rc, stdout, stderr = run(["label", "--local", "-o", "json", "-f", path,
                              KUBECTL_LABEL + "=1"])
    if rc != 0 or stderr:
        return None, ["kubectl exited with %s: %s"
                      % (rc, stderr.decode("utf-8", "replace").strip())]
    # one JSON object per document, one after the other
    text, objs, at = stdout.decode("utf-8"), [], 0
    decoder = json.JSONDecoder()
    while text[at:].strip():
        obj, end = decoder.raw_decode(text, at + len(text[at:]) -
                                      len(text[at:].lstrip()))
        objs.append(obj)
        at = end
    for obj in objs:
        labels = obj.get("metadata", {}).get("labels", {})
        labels.pop(KUBECTL_LABEL, None)
    return objs, []


def check_kubectl_file(run, title, path, want_docs, tap):
    objs, problems = kubectl_decode(run, path)
    if problems:
        tap.result(title, problems)
        return
    if len(objs) != len(want_docs):
        tap.result(title, ["%d objects decoded, expected %d"
                           % (len(objs), len(want_docs))])
        return
    for got, want in zip(objs, want_docs):
        where = "%s/%s" % (want.get("kind"),
                           want.get("metadata", {}).get("name"))
        gmeta, wmeta = got.get("metadata", {}), want.get("metadata", {})
        for field in ("labels", "annotations"):
            problems += same_json(gmeta.get(field, {}), wmeta.get(field, {}),
                                  "%s metadata.%s" % (where, field))
        if "creationTimestamp" not in gmeta:
            # unstructured (a kind kubectl does not know): all of it
            gmeta.pop("labels", None) if not wmeta.get("labels") else None
            problems += same_json(got, want, where)
        elif want.get("kind") in ("ConfigMap", "Secret"):
            for field in ("data", "binaryData", "stringData"):
                if field in want:
                    problems += same_json(got.get(field), want[field],
                                          "%s .%s" % (where, field))
    tap.result(title, problems[:30])


def check_kubectl(sitec, src, tap, tmp):
    run = kubectl_runner(tmp)
    if run is None:
        print("1..0 # SKIP kubectl is not installed")
        sys.exit(0)
    for name, fleet in FLEETS + READBACK_ONLY:
        fleet = os.path.join(src, fleet)
        out = os.path.join(tmp, name)
        problems = compile_fleet(sitec, fleet, out)
        tap.result("compile %s" % name, problems)
        if problems:
            continue
        expected = os.path.join(src, "tests", "compile", "expected", name)
        for site in fleet_sites(fleet):
            try:
                k8s = query(sitec, fleet, site, "k8s")
            except (RuntimeError, ValueError) as e:
                tap.result("%s: sitec query of k8s" % site, [str(e)])
                continue
            want_docs = [obj for _, obj in sorted(k8s.items(),
                                                  key=install_order)]
            files = [("compiled", os.path.join(out, "sites", site,
                                               "k8s.yaml")),
                     ("expected/%s" % name,
                      os.path.join(expected, "sites", site, "k8s.yaml"))]
            for label, path in files:
                if not os.path.exists(path) or not want_docs:
                    continue
                check_kubectl_file(
                    run, "%s k8s.yaml (%s) decodes with kubectl as the "
                    "values of query k8s" % (site, label), path, want_docs,
                    tap)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sitec", required=True)
    ap.add_argument("--src", required=True, help="the source tree's root")
    ap.add_argument("--check", required=True, choices=["tree", "readback", "kubectl"])
    ap.add_argument("--update", action="store_true",
                    help="tree: rewrite the expected trees (review them!)")
    args = ap.parse_args()
    update = args.update or os.environ.get("SITEC_UPDATE", "") not in ("", "0")
    sitec = os.path.abspath(args.sitec)
    src = os.path.abspath(args.src)
    tap = Tap()
    with tempfile.TemporaryDirectory(prefix="sitec-bundles-") as tmp:
        if args.check == "tree":
            check_tree(sitec, src, tap, update, tmp)
        elif args.check == "kubectl":
            check_kubectl(sitec, src, tap, tmp)
        else:
            check_readback(sitec, src, tap, tmp)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
