#!/usr/bin/env python3
"""Checks that two compiled fleets hold the same data, file by file.

    bench/compare_outputs.py [--max-diffs N] SITEC_OUT PEER_OUT

Both trees have sites/NAME/{k8s.yaml,api.json,os.json} (sitec's
bundle.json and fleet.json are not compared: a peer has no digests). For
every site of either tree, every document of k8s.yaml (a YAML stream,
parsed with PyYAML's safe loader), api.json and os.json are parsed and
compared as data: the same sites, the same files, the same documents in
the same order, equal values (mapping key order and formatting may
differ; a string is never equal to a number, nor an int to a bool).

Prints "same documents: yes (S sites, F files, D documents)" and exits 0,
or prints the first N differences (default 10), each with the file and
the path inside it, then "same documents: no (...)" and exits 1. Exit
status 2 for a usage error or a file that does not parse.
"""
import argparse
import json
import os
import sys

try:
    import yaml
except ImportError:
    sys.exit('compare_outputs.py: needs PyYAML (Debian: apt-get install python3-yaml)')

FILES = ('k8s.yaml', 'api.json', 'os.json')
Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)


class Mismatch(Exception):
    pass


def load(path, name):
    """The documents of one file: a list (one element for a JSON file)."""
    with open(path, 'rb') as f:
        data = f.read()
    try:
        if name.endswith('.yaml'):
            return [d for d in yaml.load_all(data, Loader=Loader) if d is not None]
        return [json.loads(data)]
    except (ValueError, yaml.YAMLError) as e:
        print('compare_outputs.py: %s does not parse: %s' % (path, e), file=sys.stderr)
        sys.exit(2)


def kind(v):
    if isinstance(v, bool):
        return 'bool'
    if isinstance(v, (int, float)):
        return 'number'
    if isinstance(v, str):
        return 'string'
    if isinstance(v, dict):
        return 'mapping'
    if isinstance(v, list):
        return 'list'
    if v is None:
        return 'null'
    return type(v).__name__


def show(v):
    text = json.dumps(v, sort_keys=True, default=str)
    return text if len(text) <= 160 else text[:157] + '...'


def key_path(path, key):
    """path.key, or path["key"] when the key has a dot or a space."""
    key = str(key)
    if '.' in key or ' ' in key or not key:
        return '%s[%s]' % (path, json.dumps(key))
    return '%s.%s' % (path, key) if path else key


def diff(a, b, path, out):
    """Appends (path, what) for every difference between a and b."""
    ka, kb = kind(a), kind(b)
    if ka != kb:
        out.append((path, '%s %s != %s %s' % (ka, show(a), kb, show(b))))
    elif ka == 'mapping':
        for k in sorted(set(a) | set(b), key=str):
            sub = key_path(path, k)
            if k not in b:
                out.append((sub, 'only in sitec: %s' % show(a[k])))
            elif k not in a:
                out.append((sub, 'only in peer: %s' % show(b[k])))
            else:
                diff(a[k], b[k], sub, out)
    elif ka == 'list':
        for i in range(min(len(a), len(b))):
            diff(a[i], b[i], '%s[%d]' % (path, i), out)
        if len(a) != len(b):
            out.append((path, 'list of %d items != list of %d items' % (len(a), len(b))))
    elif a != b:
        out.append((path, '%s != %s' % (show(a), show(b))))


def sites_of(root):
    d = os.path.join(root, 'sites')
    if not os.path.isdir(d):
        print('compare_outputs.py: %s has no sites/ directory' % root, file=sys.stderr)
        sys.exit(2)
    return set(os.listdir(d))


def doc_label(doc):
    if isinstance(doc, dict):
        meta = doc.get('metadata')
        name = meta.get('name') if isinstance(meta, dict) else None
        return '%s/%s' % (doc.get('kind'), name)
    return kind(doc)


def compare_file(pa, pb, name, rel, out):
    """Appends the differences of one file; returns its number of documents."""
    docs_a, docs_b = load(pa, name), load(pb, name)
    labels_a, labels_b = list(map(doc_label, docs_a)), list(map(doc_label, docs_b))
    if labels_a != labels_b:
        # Other documents, or the same in another order: say that, not
        # every field of every misaligned pair.
        out.append((rel, '', 'documents differ: sitec has %d [%s], peer has %d [%s]' % (
            len(docs_a), ', '.join(labels_a), len(docs_b), ', '.join(labels_b))))
        return len(docs_a)
    for i, (a, b) in enumerate(zip(docs_a, docs_b)):
        where = rel if name.endswith('.json') else '%s, document %d (%s)' % (rel, i + 1, labels_a[i])
        found = []
        diff(a, b, '', found)
        out.extend((where, p, w) for p, w in found)
    return len(docs_a)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--max-diffs', type=int, default=10, metavar='N',
                    help='print at most N differences (default 10)')
    ap.add_argument('sitec_out', metavar='SITEC_OUT')
    ap.add_argument('peer_out', metavar='PEER_OUT')
    args = ap.parse_args()

    sa, sb = sites_of(args.sitec_out), sites_of(args.peer_out)
    out = []
    for s in sorted(sa - sb):
        out.append(('sites/%s' % s, '', 'site only in sitec'))
    for s in sorted(sb - sa):
        out.append(('sites/%s' % s, '', 'site only in peer'))
    nfiles = ndocs = 0
    for s in sorted(sa & sb):
        for name in FILES:
            rel = 'sites/%s/%s' % (s, name)
            pa = os.path.join(args.sitec_out, rel)
            pb = os.path.join(args.peer_out, rel)
            if not os.path.isfile(pa) or not os.path.isfile(pb):
                if os.path.isfile(pa) or os.path.isfile(pb):
                    out.append((rel, '', 'file only in %s' % ('sitec' if os.path.isfile(pa) else 'peer')))
                continue
            nfiles += 1
            ndocs += compare_file(pa, pb, name, rel, out)
            if len(out) >= args.max_diffs:
                break
        if len(out) >= args.max_diffs:
            break

    if not out:
        print('same documents: yes (%d sites, %d files, %d documents)' % (len(sa), nfiles, ndocs))
        return 0
    for where, path, what in out[:args.max_diffs]:
        print('%s: %s%s' % (where, path + ': ' if path else '', what))
    more = ' (stopped at the first %d)' % args.max_diffs if len(out) >= args.max_diffs else ''
    print('same documents: no (%d differences%s)' % (len(out), more))
    return 1


if __name__ == '__main__':
    sys.exit(main())
