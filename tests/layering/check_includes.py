#!/usr/bin/env python3
"""The layering of the source tree, enforced over #include lines (TAP).

Each folder may include headers only from the folders its row names
(docs/conventions.md, "Layering"):

  common/        common/ only: it is shared by the compiler and the runtime
                 and depends on neither
  grammar/       grammar/, common/, and from compiler/ only the front end's
                 base the AST builder needs (ast.h, arena.h, diag.h,
                 intern.h, source.h)
  compiler/      compiler/, grammar/, common/ (never runtime/)
  compiler/cli/  the drivers the library offers to commands, and common/
  runtime/       runtime/, common/ (never compiler/ or grammar/)

A quoted include is resolved by looking for the file in the folders in
the order of the including folder's own row; system includes (<...>) and
the build's generated headers (config.h, parser.h, lexer.h) are not
checked. A header found nowhere is an error too: a stale include.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

GENERATED = {"config.h", "parser.h", "lexer.h"}
FRONT_END_BASE = {"ast.h", "arena.h", "diag.h", "diag_codes.def", "intern.h",
                  "source.h"}
# The library's drivers, what a command may call: compile_fleet (check,
# compile), inspect_site (explain, query), fleet_load + ast_dump_json
# (parse --dump), publish, affected, graph and gitsrc (the git
# commands), and diagnostics. Everything else in compiler/ is the
# library's inside.
CLI_DRIVERS = {"compile.h", "inspect.h", "fleet.h", "ast_dump.h", "diag.h",
               "diag_codes.def", "gitsrc.h", "publish.h", "affected.h",
               "graph.h"}

# folder -> list of (folder, allowed names or None for any)
RULES = {
    "common": [("common", None)],
    "grammar": [("grammar", None), ("common", None),
                ("compiler", FRONT_END_BASE)],
    "compiler": [("compiler", None), ("grammar", None), ("common", None)],
    "compiler/cli": [("compiler/cli", None), ("compiler", CLI_DRIVERS),
                     ("common", None)],
    "runtime": [("runtime", None), ("runtime/include", None),
                ("common", None)],
}
ALL_FOLDERS = ["common", "grammar", "compiler", "compiler/cli", "runtime",
               "runtime/include"]

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def owner(rel):
    folder = os.path.dirname(rel)
    while folder and folder not in RULES:
        folder = os.path.dirname(folder)
    return folder or None


def sources():
    for top in ("common", "grammar", "compiler", "runtime"):
        base = os.path.join(ROOT, top)
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if name.endswith((".c", ".h", ".l", ".y", ".def")):
                    full = os.path.join(dirpath, name)
                    yield os.path.relpath(full, ROOT)


def find(name):
    return [f for f in ALL_FOLDERS
            if os.path.isfile(os.path.join(ROOT, f, name))]


def main():
    results = []
    for rel in sorted(sources()):
        folder = owner(rel)
        if folder is None:
            continue
        bad = []
        with open(os.path.join(ROOT, rel), encoding="utf-8",
                  errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                name = m.group(1)
                if name in GENERATED:
                    continue
                here = os.path.dirname(rel)
                if os.path.isfile(os.path.join(ROOT, here, name)):
                    where = [here]
                else:
                    where = find(name)
                if not where:
                    bad.append(f"{rel}:{lineno}: \"{name}\" is in no "
                               "source folder (a stale include?)")
                    continue
                ok = False
                for allowed, names in RULES[folder]:
                    if allowed in where and (names is None or name in names):
                        ok = True
                        break
                if not ok:
                    bad.append(f"{rel}:{lineno}: {folder}/ may not include "
                               f"{where[0]}/{name}")
        results.append((rel, bad))

    print(f"1..{len(results)}")
    failed = 0
    for i, (rel, bad) in enumerate(results, 1):
        if bad:
            failed += 1
            print(f"not ok {i} - {rel}")
            for b in bad:
                print(f"# {b}")
        else:
            print(f"ok {i} - {rel}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
