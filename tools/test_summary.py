#!/usr/bin/env python3
"""Sums the results of meson test runs into one closing line.

Arguments are build directories; DIR:SETUP reads the log of a run with
`--setup SETUP`. A TAP test counts each of its subtests; any other test
counts once. Prints failing tests by name, then "N passed, N failed".
"""
import json
import os
import re
import sys

passed = failed = skipped = 0
failures = []
for arg in sys.argv[1:]:
    build, _, setup = arg.partition(':')
    log = os.path.join(build, 'meson-logs',
                       'testlog-%s.json' % setup if setup else 'testlog.json')
    if not os.path.exists(log):
        failures.append('%s: no test log (the run did not happen)' % arg)
        failed += 1
        continue
    with open(log, encoding='utf-8') as f:
        for line in f:
            t = json.loads(line)
            ok = t['result'] in ('OK', 'EXPECTEDFAIL')
            if t['result'] == 'SKIP':
                skipped += 1
                continue
            if t.get('protocol') == 'tap' or re.search(r'^1\.\.\d+', t.get('stdout') or '', re.M):
                out = t.get('stdout') or ''
                lines = out.splitlines()
                # "# TODO" marks a known, documented bug: expected to fail.
                sub_ok = len([l for l in lines if re.match(r'ok \d+', l)
                              and '# SKIP' not in l and '# TODO' not in l])
                sub_skip = len([l for l in lines if re.match(r'(not )?ok \d+.*# (SKIP|TODO)', l)])
                sub_fail = len([l for l in lines if re.match(r'not ok \d+', l)
                                and '# SKIP' not in l and '# TODO' not in l])
                passed += sub_ok
                skipped += sub_skip
                failed += sub_fail
                if not ok and sub_fail == 0:
                    failed += 1
                if not ok:
                    failures.append('%s: %s' % (arg, t['name']))
            else:
                if ok:
                    passed += 1
                else:
                    failed += 1
                    failures.append('%s: %s (%s)' % (arg, t['name'], t['result']))
for name in failures:
    print('FAILED', name)
line = '%d passed, %d failed' % (passed, failed)
if skipped:
    line += ', %d skipped' % skipped
print(line)
sys.exit(1 if failed or passed == 0 else 0)
