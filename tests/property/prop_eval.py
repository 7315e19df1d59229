#!/usr/bin/env python3
"""Property-based tests of the sitec evaluator: inheritance and merging
(LANGUAGE.md sections 4 and 5), checked on random fleets.

    prop_eval.py --sitec PATH [--seed N] [--count M] [--jobs J]
                 [--only PROP]... [--without FEATURE]... [--keep DIR]
                 [--shrink-all] [--shrink-seconds S]

Every fleet comes from a seed, so a run is deterministic: by default the
seeds are SEEDS below; --seed N --count M runs N .. N+M-1 instead (for
longer runs by hand). One TAP test per property:

  amend-is-dotted    `a { b { c = E } }` is `a.b.c = E`: each body, fully
                     flattened to dotted paths and fully nested into amend
                     blocks, gives the same site as written.
  empty-profile      inserting `profile e : P { }` between a declaration
                     and its parent P changes no site, where it leaves the
                     site's C3 order as it was (it need not: in
                     `x : a, b, c` with `c : a`, b wins over a; in
                     `x : a, e, c` with `e : b`, a wins over b).
  c3-once            every profile of a random DAG does `xs += [NAME]`:
                     a site's xs is its C3 linearization, most general
                     first, each ancestor once; a parent list C3 rejects
                     is an error (E0305) exactly when the model says so.
  parent-order       `site s : a, b` where a and b set x: x is b's, and
                     `site t : b, a` gives a's (when C3 allows it).
  reference-model    random layered fleets (=, +=, -=, amend, object
                     literals, schema defaults) agree, value and key
                     order, with the merge model of section 5 below.
  deterministic      `sitec query` twice, from a copy of the fleet under
                     another directory name, and with the declarations
                     split over several files, prints the same bytes.

A failing property prints, as TAP diagnostics, the seeds it fails for and,
for the first (every one with --shrink-all), the fleet shrunk to the
smallest that still fails, ready to save as a .site file, with what sitec
printed and what was expected. --keep DIR leaves every fleet in DIR.
--without FEATURE stops generating one feature (record, sub, plus,
keywords, defaults), to tell by hand whether a failure hides another; the
meson test runs them all.

The key order the model expects (sitec's choice, LANGUAGE.md section 8):
an object keeps its keys in the order they were first set along the chain,
like a Python dict: a key set again keeps its place, a key removed with -=
and set again goes to the end, an object replaced (`=`) starts over. A
schema default is the bottom layer: the first statement that reaches a
field with a default starts from it, and the field takes its place there;
fields that no statement reached are filled last, in schema order.

Not settled by the contract, so not generated: whether an object literal
that makes a record starts from the record's defaults (`r = { l += [2] }`
with `l: list<int> = [1]`: sitec gives [1, 2], "replace the value with an
empty object, then apply" gives [2]). Inside object literals a record's
defaulted fields are only set with =.
"""

import argparse
import concurrent.futures
import copy
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

SEEDS = list(range(1, 31))  # the fixed seeds of the meson run
TIMEOUT = 30                # seconds before a sitec run counts as hung
SHRINK_RUNS = 400           # sitec runs a shrink may spend

PROPERTIES = ['amend-is-dotted', 'empty-profile', 'c3-once', 'parent-order',
              'reference-model', 'deterministic']
FEATURES = ['record', 'sub', 'plus', 'keywords', 'defaults']

# Keys. Plain names are written bare, the others quoted; keywords are keys
# wherever a key is expected (man sitec-lang: Keywords).
NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'x', 'y', 'z', 'alpha',
         'b-2', 'x_y', 'k1']
ODD_KEYS = ['type', 'in', 'for', 'let', 'final', 'k.x', '9z', 'sp ace',
            '\u00e9']
NOT_BARE = {'if', 'else', 'true', 'false', 'null', 'self', 'site', 'super',
            'unique', 'keyed'}
IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_-]*\Z')

STRINGS = ['', 'a', 'b', 'x y', '\u00e9t\u00e9', 'line\nbreak', 'tab\there',
           'q"uote', 'back\\slash', '${x}', '$', '\U0001F600', 'bell\x07']
FLOATS = [1.5, 0.25, -2.5, 1e-7, 3.14159, 123456789.125, 1e300]
BIG_INTS = [9007199254740993, -9223372036854775807, 1 << 40]
ITEMS = [1, 2, 3, 'a', 'b', True, False, None, 1.5]  # list items, so -= hits

# The built-in root fields, after the schema's own (LANGUAGE.md section 8).
BUILTIN_TAIL = [
    ('k8s', {}), ('api', {}),
    ('os', {'hosts': {}, 'sysctl': {}, 'users': [], 'ca_certs': {},
            'files': {}, 'units': {}}),
]


class Absent:
    """No value at a path (distinct from null)."""


ABSENT = Absent()


class Failure(Exception):
    """A property does not hold for a fleet."""


# --- the fleet, as data ------------------------------------------------------
#
# stmt: ('set'|'add'|'sub', path, expr) or ('amend', path, [stmt])
# expr: ('lit', scalar) | ('list', [expr]) | ('obj', [stmt]) | ('plus', e, e)
# A path is a tuple of keys.
#
# A shape says what kind of value each key holds, so that every statement
# is valid whatever the order the layers apply in: 'int', 'str', 'list',
# 'any' (only ever set with =), or a Shape (an object with these keys).


class Shape(dict):
    """An object's keys and their kinds. rec_defaults: the record fields
    with defaults (a schema record), key -> expr."""

    def __init__(self, *args, rec_defaults=None, **kw):
        super().__init__(*args, **kw)
        self.rec_defaults = rec_defaults or {}


class Field:
    """A field of the site schema S."""

    def __init__(self, name, kind, type_text, default=None, optional=False):
        self.name = name
        self.kind = kind
        self.type_text = type_text
        self.default = default      # an expr, or None
        self.optional = optional


class Decl:
    def __init__(self, kind, name, parents, body, braces=True):
        self.kind = kind            # 'profile' or 'site'
        self.name = name
        self.parents = list(parents)
        self.body = body
        self.braces = braces        # `profile e : p` may leave out { }


class Fleet:
    def __init__(self, fields, decls):
        self.fields = fields
        self.decls = decls

    def decl(self, name):
        for d in self.decls:
            if d.name == name:
                return d
        raise KeyError(name)

    def parents_of(self):
        return {d.name: d.parents for d in self.decls}

    def sites(self):
        return [d.name for d in self.decls if d.kind == 'site']

    def copy(self):
        return copy.deepcopy(self)


# --- C3 ----------------------------------------------------------------------

class C3Error(Exception):
    pass


def c3(name, parents_of, memo=None):
    """The linearization of name, most specific first. Parents are read
    right to left: `x : a, b` linearizes as Python's `class x(b, a)`.
    The schema (a parent that is not a declaration) is left out."""
    if memo is None:
        memo = {}
    if name in memo:
        if memo[name] is None:
            raise C3Error('cycle at ' + name)
        return memo[name]
    memo[name] = None
    ps = [p for p in parents_of.get(name, []) if p in parents_of]
    ps = list(reversed(ps))
    seqs = [list(c3(p, parents_of, memo)) for p in ps] + [list(ps)]
    out = [name]
    while True:
        seqs = [s for s in seqs if s]
        if not seqs:
            break
        for s in seqs:
            head = s[0]
            if not any(head in t[1:] for t in seqs):
                break
        else:
            raise C3Error('cannot linearize ' + name)
        out.append(head)
        for s in seqs:
            if s[0] == head:
                del s[0]
    memo[name] = out
    return out


def c3_ok(parents_of, names=None):
    memo = {}
    try:
        for n in names if names is not None else parents_of:
            c3(n, parents_of, memo)
        return True
    except C3Error:
        return False


# --- the reference model of section 5 ----------------------------------------

def evaluate(e):
    t = e[0]
    if t == 'lit':
        return e[1]
    if t == 'list':
        return [evaluate(x) for x in e[1]]
    if t == 'obj':
        out = {}
        apply_body(out, e[1], None)
        return out
    if t == 'plus':
        return plus(evaluate(e[1]), evaluate(e[2]))
    raise ValueError(t)


def plus(a, b):
    """`a + b` and `+=`: lists append, objects merge shallowly (a key
    already there keeps its place), strings concatenate, numbers add."""
    if isinstance(a, dict):
        out = dict(a)
        out.update(b)
        return out
    return a + b


def same(a, b):
    """== of two values: type-strict, objects regardless of key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def touch(obj, k, shape):
    """The value at k, starting from the schema default if nothing is there:
    the default is the bottom layer, and the key takes its place now."""
    if k not in obj and shape is not None:
        if k in shape.rec_defaults:
            obj[k] = evaluate(shape.rec_defaults[k])
        elif isinstance(shape.get(k), Shape) and shape[k].rec_defaults:
            obj[k] = {}   # a record whose fields all have defaults
    return obj.get(k, ABSENT)


def child_shape(shape, k):
    if shape is None:
        return None
    s = shape.get(k)
    return s if isinstance(s, Shape) else None


def apply_stmt(obj, st, shape):
    """Applies one statement to the object obj. shape: the schema below obj
    (defaults apply), None inside object literals."""
    op, path, x = st
    k = path[0]
    if len(path) > 1:
        # a.b OP E is a { b OP E }: the amend creates a when absent.
        cur = touch(obj, k, shape)
        if cur is ABSENT:
            obj[k] = cur = {}
        apply_stmt(cur, (op, path[1:], x), child_shape(shape, k))
        return
    if op == 'set':
        obj[k] = evaluate(x)
    elif op == 'amend':
        cur = touch(obj, k, shape)
        if cur is ABSENT:
            obj[k] = cur = {}
        apply_body(cur, x, child_shape(shape, k))
    elif op == 'add':
        cur = touch(obj, k, shape)
        v = evaluate(x)
        obj[k] = v if cur is ABSENT else plus(cur, v)
    elif op == 'sub':
        cur = touch(obj, k, shape)
        if cur is ABSENT:
            return
        rhs = evaluate(x)
        if isinstance(cur, list):
            obj[k] = [i for i in cur if not any(same(i, r) for r in rhs)]
        else:
            for key in rhs:
                cur.pop(key, None)
    else:
        raise ValueError(op)


def apply_body(obj, stmts, shape):
    for st in stmts:
        apply_stmt(obj, st, shape)


def fill_record(obj, shape):
    """Fills what no statement set, after what they set, in schema order."""
    for k, sub in shape.items():
        if k in obj:
            pass
        elif k in shape.rec_defaults:
            obj[k] = evaluate(shape.rec_defaults[k])
        elif isinstance(sub, Shape) and sub.rec_defaults:
            obj[k] = {}
        else:
            continue
        if isinstance(sub, Shape) and sub.rec_defaults and \
                isinstance(obj[k], dict):
            fill_record(obj[k], sub)


def root_shape(fleet):
    shape = Shape(rec_defaults={f.name: f.default for f in fleet.fields
                                if f.default is not None})
    for f in fleet.fields:
        shape[f.name] = f.kind
    return shape


def model_site(fleet, site):
    """The site as sitec should print it for `query SITE site`."""
    pof = fleet.parents_of()
    order = list(reversed(c3(site, pof)))
    root = {'name': site}
    shape = root_shape(fleet)
    for n in order:
        apply_body(root, fleet.decl(n).body, shape)
    fill_record(root, shape)
    for k, v in BUILTIN_TAIL:
        if k not in root:
            root[k] = copy.deepcopy(v)
    return root


# --- comparing JSON with key order and number types --------------------------

def canon(v):
    """A comparable form of a JSON value: key order and int/float kept."""
    if isinstance(v, bool):
        return ('bool', v)
    if isinstance(v, int):
        return ('int', v)
    if isinstance(v, float):
        return ('float', v)
    if isinstance(v, str):
        return ('str', v)
    if v is None:
        return ('null',)
    if isinstance(v, Pairs):
        return ('obj', tuple((k, canon(x)) for k, x in v))
    if isinstance(v, list):
        return ('list', tuple(canon(x) for x in v))
    if isinstance(v, dict):
        return ('obj', tuple((k, canon(x)) for k, x in v.items()))
    raise TypeError(type(v))


class Pairs(list):
    """A JSON object as sitec printed it: its (key, value) pairs in order,
    duplicates included."""


def parse_json(text):
    return json.loads(text, object_pairs_hook=Pairs)


def to_dict(v):
    if isinstance(v, Pairs):
        return {k: to_dict(x) for k, x in v}
    if isinstance(v, list):
        return [to_dict(x) for x in v]
    return v


def show(v):
    return json.dumps(to_dict(v), ensure_ascii=False, separators=(',', ':'))


def without_name(v):
    return Pairs((k, x) for k, x in v if k != 'name')


# --- rendering ---------------------------------------------------------------

def render_key(k):
    if IDENT.match(k) and k not in NOT_BARE:
        return k
    return render_string(k)


def render_string(s):
    out = []
    for i, ch in enumerate(s):
        if ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '$' and s[i + 1:i + 2] == '{':
            out.append('\\$')
        elif ord(ch) < 0x20 or ord(ch) > 0xffff:
            out.append('\\u{%x}' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def render_scalar(v):
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if v is None:
        return 'null'
    if isinstance(v, str):
        return render_string(v)
    return repr(v)


def render_path(path):
    return '.'.join(render_key(k) for k in path)


def render_expr(e):
    t = e[0]
    if t == 'lit':
        return render_scalar(e[1])
    if t == 'list':
        return '[' + ', '.join(render_expr(x) for x in e[1]) + ']'
    if t == 'obj':
        if not e[1]:
            return '{}'
        return '{ ' + '; '.join(render_stmt(s, None) for s in e[1]) + ' }'
    if t == 'plus':
        return '(%s) + (%s)' % (render_expr(e[1]), render_expr(e[2]))
    raise ValueError(t)


def render_stmt(st, indent):
    """indent None: on one line (inside an object literal)."""
    op, path, x = st
    p = render_path(path)
    if op == 'amend':
        if not x:
            return p + ' { }'
        if indent is None:
            inner = '; '.join(render_stmt(s, None) for s in x)
            return p + ' { ' + inner + ' }'
        inner = ''.join('  ' * (indent + 1) + render_stmt(s, indent + 1) + '\n'
                        for s in x)
        return p + ' {\n' + inner + '  ' * indent + '}'
    sym = {'set': '=', 'add': '+=', 'sub': '-='}[op]
    return '%s %s %s' % (p, sym, render_expr(x))


def render_decl(d):
    head = '%s %s' % (d.kind, d.name)
    if d.parents:
        head += ' : ' + ', '.join(d.parents)
    if not d.braces and not d.body:
        return head + '\n'
    if not d.body:
        return head + ' { }\n'
    return head + ' {\n' + ''.join('  ' + render_stmt(s, 1) + '\n'
                                   for s in d.body) + '}\n'


def render_schema(fleet):
    lines = ['schema S {']
    for f in fleet.fields:
        line = '  ' + render_key(f.name) + ('?' if f.optional else '') + ': '
        line += f.type_text
        if f.default is not None:
            line += ' = ' + render_expr(f.default)
        lines.append(line)
    lines.append('  ...')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def render_fleet(fleet):
    return render_schema(fleet) + ''.join(render_decl(d) for d in fleet.decls)


# --- generating --------------------------------------------------------------

class Gen:
    def __init__(self, seed, without=()):
        self.rng = random.Random(seed)
        self.without = set(without)

    def keys(self, n):
        pool = NAMES + ([] if 'keywords' in self.without else ODD_KEYS)
        return self.rng.sample(pool, n)

    def shape(self, depth, n=None):
        r = self.rng
        s = Shape()
        for k in self.keys(n or r.randint(2, 4)):
            s[k] = self.kind(depth)
        return s

    def kind(self, depth):
        r = self.rng.random()
        if depth < 2 and r < 0.35:
            return self.shape(depth + 1)
        return self.rng.choice(['int', 'str', 'list', 'list', 'any'])

    # values

    def scalar(self):
        r = self.rng
        c = r.random()
        if c < 0.3:
            return r.randint(-3, 20)
        if c < 0.55:
            return r.choice(STRINGS)
        if c < 0.7:
            return r.choice(FLOATS + [1e3, 2.0])
        if c < 0.8:
            return r.choice(BIG_INTS)
        return r.choice([True, False, None])

    def item(self, depth):
        r = self.rng
        c = r.random()
        if c < 0.75 or depth > 2:
            return ('lit', r.choice(ITEMS))
        if c < 0.87:
            return ('list', [self.item(depth + 1)
                             for _ in range(r.randint(0, 2))])
        return ('obj', self.body(self.shape(3, r.randint(1, 2)), depth + 1,
                                 r.randint(0, 2), literal=True))

    def expr(self, kind, depth):
        r = self.rng
        if isinstance(kind, Shape):
            e = ('obj', self.body(kind, depth + 1, r.randint(0, 3),
                                  literal=True))
            if 'plus' not in self.without and r.random() < 0.15:
                e = ('plus', e, ('obj', self.body(kind, depth + 1,
                                                  r.randint(0, 2),
                                                  literal=True)))
            return e
        if kind == 'int':
            return ('lit', r.randint(-3, 9))
        if kind == 'str':
            e = ('lit', r.choice(STRINGS))
            if 'plus' not in self.without and r.random() < 0.1:
                e = ('plus', e, ('lit', r.choice(STRINGS)))
            return e
        if kind == 'list':
            e = ('list', [self.item(depth) for _ in range(r.randint(0, 3))])
            if 'plus' not in self.without and r.random() < 0.15:
                e = ('plus', e, ('list', [self.item(depth)]))
            return e
        # any: a scalar, a list or an object of any keys
        c = r.random()
        if c < 0.5 or depth > 3:
            return ('lit', self.scalar())
        if c < 0.75:
            return self.expr('list', depth)
        return self.expr(self.shape(3), depth)

    def path(self, shape):
        """A random path into shape: (path, kind, shape of its last object)."""
        r = self.rng
        k = r.choice(list(shape))
        path, kind, holder = [k], shape[k], shape
        while isinstance(kind, Shape) and kind and r.random() < 0.45:
            k = r.choice(list(kind))
            holder = kind
            path.append(k)
            kind = kind[k]
        return tuple(path), kind, holder

    def body(self, shape, depth, n, literal=False, sets=None, prefix=()):
        """n statements on an object of this shape. sets: the paths set
        with = in this body so far (one body says one thing about each
        value). literal: an object literal, where a record's defaulted
        fields are only set with = (see "Not settled" at the top)."""
        r = self.rng
        if sets is None:
            sets = set()
        out = []
        for _ in range(n):
            if not shape:
                break
            path, kind, holder = self.path(shape)
            if literal and path[-1] in holder.rec_defaults:
                ops = ['set']
            elif isinstance(kind, Shape):
                ops = ['set', 'amend', 'amend', 'add', 'sub']
            elif kind == 'list':
                ops = ['set', 'add', 'add', 'sub']
            elif kind in ('int', 'str'):
                ops = ['set', 'add']
            else:
                ops = ['set']
            if 'sub' in self.without and 'sub' in ops:
                ops.remove('sub')
            op = r.choice(ops)
            full = prefix + path
            if op == 'set':
                if full in sets:
                    continue
                sets.add(full)
                out.append(('set', path, self.expr(kind, depth)))
            elif op == 'amend':
                # the block's = statements count for this body too
                inner = self.body(kind, depth + 1, r.randint(0, 3), literal,
                                  sets, full)
                out.append(('amend', path, inner))
            elif op == 'add':
                if isinstance(kind, Shape):
                    rhs = ('obj', self.body(kind, depth + 1, r.randint(1, 3),
                                            literal=True))
                elif kind == 'list':
                    rhs = ('list', [self.item(depth)
                                    for _ in range(r.randint(0, 2))])
                else:
                    rhs = self.expr(kind, depth)
                out.append(('add', path, rhs))
            else:
                if isinstance(kind, Shape):
                    keys = list(kind) + ['zz']
                    rhs = ('list', [('lit', k) for k in
                                    r.sample(keys, r.randint(1, 2))])
                else:
                    rhs = ('list', [self.item(depth)
                                    for _ in range(r.randint(1, 2))])
                out.append(('sub', path, rhs))
        return out

    # schema

    def fields(self, shape):
        """The schema fields for the root keys: some typed, some with
        defaults, one an inline record whose fields have defaults."""
        r = self.rng
        out = []
        record_done = 'record' in self.without
        for k, kind in list(shape.items()):
            c = r.random()
            if isinstance(kind, Shape):
                if not record_done and c < 0.8:
                    record_done = True
                    self.make_record(kind)
                    out.append(Field(k, kind, self.record_type(kind)))
                elif 'defaults' not in self.without and c < 0.75:
                    out.append(Field(k, kind, r.choice(['any', 'map<any>']),
                                     self.expr(kind, 1)))
                continue
            type_text = {'int': 'int', 'str': 'string',
                         'list': 'list<any>', 'any': 'any'}[kind]
            if 'defaults' not in self.without and c < 0.5:
                out.append(Field(k, kind, type_text, self.expr(kind, 1)))
            elif c < 0.7:
                out.append(Field(k, kind, type_text, optional=True))
        r.shuffle(out)
        return out

    def make_record(self, shape):
        r = self.rng
        defaults = {}
        for k in list(shape):
            if shape[k] == 'any' or isinstance(shape[k], Shape):
                continue
            if r.random() < 0.7:
                defaults[k] = self.expr(shape[k], 3)
        if not defaults:
            k = r.choice([n for n in NAMES if n not in shape])
            shape[k] = 'int'
            defaults[k] = ('lit', 1)
        shape.rec_defaults = defaults

    @staticmethod
    def record_type(shape):
        parts = []
        for k, e in shape.rec_defaults.items():
            t = {'int': 'int', 'str': 'string', 'list': 'list<any>'}[shape[k]]
            parts.append('%s: %s = %s' % (render_key(k), t, render_expr(e)))
        return '{ ' + '; '.join(parts + ['...']) + ' }'

    # inheritance

    def hierarchy(self, nprof, nsite):
        """Declarations with random parent lists (no bodies yet): root : S,
        then profiles and sites whose parents are earlier profiles."""
        r = self.rng
        decls = [Decl('profile', 'root', ['S'], [])]
        pof = {'root': []}
        for kind, count, stem in (('profile', nprof, 'p'),
                                  ('site', nsite, 's')):
            for i in range(count):
                name = '%s%d' % (stem, i + 1)
                if kind == 'profile' and r.random() < 0.3:
                    name = '%s-%d' % (r.choice(['eu', 'us-east', 'hw']), i + 1)
                profiles = [d.name for d in decls if d.kind == 'profile']
                for _ in range(8):    # else one parent: always fine
                    n = min(len(profiles), r.choice([1, 1, 2, 2, 3]))
                    ps = r.sample(profiles, n)
                    pof[name] = ps
                    if c3_ok(pof, [name]):
                        break
                else:
                    ps = [r.choice(profiles)]
                    pof[name] = ps
                decls.append(Decl(kind, name, ps, []))
        return decls

    def layered_fleet(self, nprof=None, nsite=None):
        r = self.rng
        shape = self.shape(0, r.randint(3, 6))
        if not any(isinstance(k, Shape) for k in shape.values()) and \
                r.random() < 0.6:
            # an object to be a record, most of the time
            shape[r.choice([k for k in NAMES if k not in shape])] = \
                self.shape(1)
        fields = self.fields(shape)
        decls = self.hierarchy(nprof or r.randint(2, 6),
                               nsite or r.randint(3, 6))
        for d in decls:
            n = r.choice([0, 1, 2, 3, 4, 5]) if d.name != 'root' else \
                r.randint(0, 3)
            d.body = self.body(shape, 0, n)
        return Fleet(fields, decls)


# --- variants: the same fleet written another way ----------------------------

def derive(fleet, suffix, new_body=None, new_parents=None, extra=()):
    """A fleet holding fleet and, renamed with suffix, every declaration
    that changes (its body, its parents, or one of its ancestors), so both
    versions of each site can be queried from one fleet. extra: new
    profiles (their parents are names of the original fleet). Returns the
    fleet, a list of (site, its variant) and the new names."""
    extra_names = {e.name for e in extra}
    info = {}
    for d in list(fleet.decls) + list(extra):
        new = d.name not in extra_names
        body = new_body(d) if new_body and new else d.body
        ps = new_parents(d) if new_parents and new else d.parents
        info[d.name] = (d, body, ps)
    renamed = {n: n for n in extra_names}
    changed = True
    while changed:
        changed = False
        for n, (d, body, ps) in info.items():
            if n not in renamed and (body != d.body or ps != d.parents or
                                     any(p in renamed for p in ps)):
                renamed[n] = n + suffix
                changed = True
    out = copy.deepcopy(fleet.decls)
    pairs = []
    for n, (d, body, ps) in info.items():
        if n in renamed:
            nd = Decl(d.kind, renamed[n], [renamed.get(p, p) for p in ps],
                      copy.deepcopy(body), d.braces)
            out.append(nd)
            if d.kind == 'site':
                pairs.append((n, nd.name))
    return Fleet(copy.deepcopy(fleet.fields), out), pairs, renamed


def map_stmts(stmts, fn):
    """Rewrites every body of stmts (amend blocks, object literals) with fn,
    innermost first."""
    out = []
    for op, path, x in stmts:
        if op == 'amend':
            out.append((op, path, map_stmts(x, fn)))
        else:
            out.append((op, path, map_expr(x, fn)))
    return fn(out)


def map_expr(e, fn):
    t = e[0]
    if t == 'list':
        return ('list', [map_expr(x, fn) for x in e[1]])
    if t == 'obj':
        return ('obj', map_stmts(e[1], fn))
    if t == 'plus':
        return ('plus', map_expr(e[1], fn), map_expr(e[2], fn))
    return e


def flatten(stmts):
    """`a { b = 1; c { d = 2 } }` -> `a.b = 1; a.c.d = 2` (an empty block
    stays: it creates the object)."""
    out = []
    for op, path, x in stmts:
        if op == 'amend' and x:
            out.extend((iop, path + ipath, ix) for iop, ipath, ix in x)
        else:
            out.append((op, path, x))
    return out


def nest(stmts):
    """`a.b.c = 1` -> `a { b { c = 1 } }`."""
    out = []
    for op, path, x in stmts:
        st = (op, path[-1:], x)
        for k in reversed(path[:-1]):
            st = ('amend', (k,), [st])
        out.append(st)
    return out


# --- running sitec -----------------------------------------------------------

class Sitec:
    def __init__(self, exe, keep=None):
        self.exe = os.path.abspath(exe)
        self.keep = keep
        self.tmp = tempfile.mkdtemp(prefix='prop-eval-')
        self.count = 0
        self.runs = 0

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, files, tag):
        """Writes {relative path: text} into a new fleet directory."""
        self.count += 1
        base = self.keep or self.tmp
        d = os.path.join(base, '%s-%d' % (tag, self.count))
        for rel, text in files.items():
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'w', encoding='utf-8') as f:
                f.write(text)
        return d

    def run(self, args, cwd=None):
        self.runs += 1
        try:
            p = subprocess.run([self.exe] + args, cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, b'', b'timed out after %ds' % TIMEOUT
        return p.returncode, p.stdout, p.stderr

    def query(self, fleet_dir, site, expr='site', cwd=None):
        return self.run(['query', '--fleet', fleet_dir, site, expr], cwd=cwd)


def describe_run(rc, out, err):
    lines = ['sitec exit %s' % rc]
    if err:
        lines.append('stderr:')
        lines += err.decode('utf-8', 'replace').rstrip('\n').split('\n')[:30]
    if out and rc != 0:
        lines.append('stdout:')
        lines += out.decode('utf-8', 'replace').rstrip('\n').split('\n')[:30]
    return lines


def query_json(sitec, fleet_dir, site):
    """sitec's `site` for site, parsed, or raises Failure."""
    rc, out, err = sitec.query(fleet_dir, site)
    if rc != 0:
        raise Failure(['`query %s site` failed on a valid fleet' % site]
                      + describe_run(rc, out, err))
    try:
        return parse_json(out.decode('utf-8'))
    except (UnicodeDecodeError, ValueError) as e:
        raise Failure(['`query %s site` printed no JSON: %s' % (site, e)]
                      + describe_run(rc, out, err))


# --- the properties ----------------------------------------------------------
#
# Each property is a generator (seed -> list of cases) and a check
# (sitec, case -> None, or raises Failure). A case is (fleet, data), data
# being what else the check needs (the profiles to insert, the sites to
# look at), so the shrinker can cut the fleet down and check again.


def compare_pair(sitec, fleet, pairs, what):
    d = sitec.write({'fleet.site': render_fleet(fleet)}, what)
    seen = {}
    for a, b in pairs:
        for s in (a, b):
            if s not in seen:
                seen[s] = query_json(sitec, d, s)
        va, vb = seen[a], seen[b]
        if canon(without_name(va)) != canon(without_name(vb)):
            raise Failure(['sites %s and %s differ' % (a, b),
                           '%s: %s' % (a, show(without_name(va))),
                           '%s: %s' % (b, show(without_name(vb)))])


# 1. amend is dotted path

def gen_amend(seed, without):
    g = Gen(seed, without)
    return [(g.layered_fleet(), None)]


def amend_variant(fleet):
    """The fleet, plus its declarations flattened (NAME-flat) and nested
    (NAME-nested) where that changes them; and the pairs of sites."""
    out = fleet.copy()
    pairs = []
    n = len(fleet.decls)
    for tag, fn in (('flat', flatten), ('nested', nest)):
        f, ps, _ = derive(fleet, '-' + tag,
                          new_body=lambda d, fn=fn: map_stmts(d.body, fn))
        out.decls += f.decls[n:]
        pairs += ps
    return out, pairs


def check_amend(sitec, case):
    f, pairs = amend_variant(case[0])
    compare_pair(sitec, f, pairs, 'amend')


# 2. an empty profile changes nothing

def gen_empty(seed, without):
    g = Gen(seed, without)
    fleet = g.layered_fleet()
    r = g.rng
    edges = [(d.name, i) for d in fleet.decls for i in range(len(d.parents))]
    picks = r.sample(edges, min(len(edges), r.randint(1, 3)))
    inserts = []
    for n, (child, i) in enumerate(picks):
        inserts.append((child, i, 'e%d' % (n + 1), r.random() < 0.5))
    return [(fleet, inserts)]


def empty_variant(fleet, inserts):
    extra, at = [], {}
    for child, i, ename, braces in inserts:
        parent = fleet.decl(child).parents[i]
        extra.append(Decl('profile', ename, [parent], [], braces))
        at[(child, i)] = ename

    def new_parents(d):
        return [at.get((d.name, i), p) for i, p in enumerate(d.parents)]
    f, pairs, renamed = derive(fleet, '-e', new_parents=new_parents,
                               extra=extra)
    # C3 is not stable under this insertion: in `x : a, b, c` with
    # `c : a`, b applies after a and wins; in `x : a, e, c` with `e : b`,
    # a applies after b. Only the sites whose linearization (but for the
    # e's) stays the same are compared; c3-once checks the others' order.
    back = {new: old for old, new in renamed.items()}
    pof, vpof = fleet.parents_of(), f.parents_of()
    same_order = []
    for s, v in pairs:
        order = [back.get(n, n) for n in c3(v, vpof)
                 if n not in at.values()]
        if order == c3(s, pof):
            same_order.append((s, v))
    return f, same_order


def check_empty(sitec, case):
    fleet, inserts = case
    f, pairs = empty_variant(fleet, inserts)
    compare_pair(sitec, f, pairs, 'empty')


# 3. a diamond's ancestor is applied once: C3

def gen_c3(seed, without):
    g = Gen(seed, without)
    r = g.rng
    decls = g.hierarchy(r.randint(3, 8), r.randint(3, 6))
    for d in decls:
        d.body = [('add', ('xs',), ('list', [('lit', d.name)]))]
    # A few more sites with any parent list: C3 may reject them.
    profiles = [d.name for d in decls if d.kind == 'profile']
    base = Fleet([Field('xs', 'list', 'list<string>', ('list', []))], decls)
    cases = [(base, None)]
    for i in range(2):
        ps = r.sample(profiles, min(len(profiles), r.randint(2, 3)))
        name = 'odd%d' % (i + 1)
        extra = Decl('site', name, ps,
                     [('add', ('xs',), ('list', [('lit', name)]))])
        cases.append((Fleet(copy.deepcopy(base.fields),
                            copy.deepcopy(decls) + [extra]), None))
    return cases


def check_c3(sitec, case):
    fleet = case[0]
    pof = fleet.parents_of()
    bad = [n for n in fleet.sites() if not c3_ok(pof, [n])]
    d = sitec.write({'fleet.site': render_fleet(fleet)}, 'c3')
    if bad:
        rc, out, err = sitec.run(['check', d])
        text = err.decode('utf-8', 'replace')
        if rc != 1 or 'E0305' not in text or ('`%s`' % bad[0]) not in text:
            raise Failure(['C3 cannot linearize `%s` (parents %s), expected '
                           'error E0305 naming it'
                           % (bad[0], ', '.join(pof[bad[0]]))]
                          + describe_run(rc, out, err))
        return
    for s in fleet.sites():
        want = list(reversed(c3(s, pof)))
        got = to_dict(query_json(sitec, d, s))
        if got.get('xs') != want:
            raise Failure(['site %s: xs is not its linearization' % s,
                           'sitec: %s' % json.dumps(got.get('xs')),
                           'model: %s' % json.dumps(want)])


# 4. parent order decides conflicts

def gen_order(seed, without):
    g = Gen(seed, without)
    r = g.rng
    decls = g.hierarchy(r.randint(3, 7), 0)
    for d in decls:
        if d.name != 'root' and r.random() < 0.7:
            d.body = [('set', ('x',), ('lit', d.name))]
        if r.random() < 0.3:
            d.body.append(('add', ('ys',), ('list', [('lit', d.name)])))
    setters = [d.name for d in decls if d.body and d.body[0][1] == ('x',)]
    pof = {d.name: d.parents for d in decls}
    pairs = []
    for i in range(4):
        if len(setters) < 2:
            break
        a, b = r.sample(setters, 2)
        for name, ps in (('s%d-ab' % i, [a, b]), ('s%d-ba' % i, [b, a])):
            pof[name] = ps
            if c3_ok(pof, [name]):
                decls.append(Decl('site', name, ps, []))
                pairs.append((name, ps[0], ps[1]))
            del pof[name]
    if not pairs:
        return []
    fields = [Field('x', 'str', 'string', ('lit', 'default')),
              Field('ys', 'list', 'list<string>', ('list', []))]
    return [(Fleet(fields, decls), pairs)]


def check_order(sitec, case):
    fleet, pairs = case
    d = sitec.write({'fleet.site': render_fleet(fleet)}, 'order')
    for site, _, last in pairs:
        got = to_dict(query_json(sitec, d, site))
        if got.get('x') != last:
            raise Failure(['site %s : %s: x should be the last parent\'s, %s'
                           % (site, ', '.join(fleet.decl(site).parents),
                              json.dumps(last)),
                           'sitec: %s' % json.dumps(got.get('x'))])


# 5. the reference model

def gen_model(seed, without):
    return [(Gen(seed, without).layered_fleet(), None)]


def check_model(sitec, case):
    fleet = case[0]
    d = sitec.write({'fleet.site': render_fleet(fleet)}, 'model')
    for s in fleet.sites():
        want = model_site(fleet, s)
        got = query_json(sitec, d, s)
        if canon(got) != canon(want):
            raise Failure(['site %s differs from the model' % s,
                           'sitec: %s' % show(got),
                           'model: %s' % show(want)] + first_difference(
                               got, want))


def first_difference(got, want, path='site'):
    """Where two values first differ, in words."""
    g, w = canon(got), canon(want)
    if g == w:
        return []
    if g[0] == 'obj' and w[0] == 'obj':
        gk = [k for k, _ in g[1]]
        wk = [k for k, _ in w[1]]
        gd, wd = dict(g[1]), dict(w[1])
        for k in wk:
            if k in gd and gd[k] != wd[k]:
                return first_difference(to_dict(got)[k], want[k],
                                        '%s.%s' % (path, k))
        if sorted(gk) == sorted(wk):
            return ['at %s: the keys are in another order: sitec %s, '
                    'model %s' % (path, gk, wk)]
        return ['at %s: sitec has keys %s, the model %s' % (path, gk, wk)]
    return ['at %s: sitec %s, model %s' % (
        path, show(got), json.dumps(want, ensure_ascii=False))]


# 6. determinism

def gen_determinism(seed, without):
    g = Gen(seed, without)
    fleet = g.layered_fleet()
    r = g.rng
    # The same declarations over several files, in other directories.
    layout = {}
    for d in fleet.decls:
        layout[d.name] = r.choice(['a.site', 'z/b.site', 'm/n/c.site',
                                   '0.site'])
    sites = fleet.sites()
    return [(fleet, (layout, r.sample(sites, min(2, len(sites)))))]


def check_determinism(sitec, case):
    fleet, (layout, sites) = case
    text = render_fleet(fleet)
    d1 = sitec.write({'fleet.site': text}, 'det')
    d2 = sitec.write({'other dir/x/fleet.site': text}, 'det-copy')
    files = {}
    for dd in fleet.decls:
        rel = layout.get(dd.name, 'a.site')
        files[rel] = files.get(rel, '') + render_decl(dd)
    files['schema/s.site'] = render_schema(fleet)
    d3 = sitec.write(files, 'det-split')
    for s in sites:
        runs = [('first run', sitec.query(d1, s)),
                ('second run', sitec.query(d1, s)),
                ('copy under "other dir/x"', sitec.query(
                    os.path.join(d2, 'other dir', 'x'), s)),
                ('copy by a relative path', sitec.query(
                    os.path.relpath(d1, d2), s, cwd=d2)),
                ('declarations split over files', sitec.query(d3, s))]
        rc0, out0, err0 = runs[0][1]
        if rc0 != 0:
            raise Failure(['`query %s site` failed on a valid fleet' % s]
                          + describe_run(rc0, out0, err0))
        for what, (rc, out, err) in runs[1:]:
            if (rc, out) != (rc0, out0):
                diff = ['site %s: %s prints other bytes than the first run'
                        % (s, what)]
                diff += ['first: %s' % out0.decode('utf-8', 'replace')
                         .replace('\n', '')[:600]]
                diff += ['this:  %s' % out.decode('utf-8', 'replace')
                         .replace('\n', '')[:600]]
                raise Failure(diff + describe_run(rc, b'', err))


# --- shrinking ---------------------------------------------------------------

def smaller_exprs(e):
    t = e[0]
    if t == 'lit':
        v = e[1]
        for s in (0, 1, 'a'):
            if type(s) is type(v) and s != v:
                yield ('lit', s)
    elif t == 'list':
        for i in range(len(e[1])):
            yield ('list', e[1][:i] + e[1][i + 1:])
        for i, x in enumerate(e[1]):
            for y in smaller_exprs(x):
                yield ('list', e[1][:i] + [y] + e[1][i + 1:])
    elif t == 'obj':
        for b in smaller_stmt_lists(e[1]):
            yield ('obj', b)
    elif t == 'plus':
        yield e[1]
        yield e[2]
        for y in smaller_exprs(e[1]):
            yield ('plus', y, e[2])
        for y in smaller_exprs(e[2]):
            yield ('plus', e[1], y)


def smaller_stmt_lists(stmts):
    for i in range(len(stmts)):
        yield stmts[:i] + stmts[i + 1:]
    for i, (op, path, x) in enumerate(stmts):
        if op == 'amend':
            # the block's statements in its place, as dotted paths
            if x:
                yield stmts[:i] + [(iop, path + ip, ix) for iop, ip, ix in x] \
                    + stmts[i + 1:]
            for b in smaller_stmt_lists(x):
                yield stmts[:i] + [(op, path, b)] + stmts[i + 1:]
        else:
            for y in smaller_exprs(x):
                yield stmts[:i] + [(op, path, y)] + stmts[i + 1:]


def keep_names(prop, case):
    """Declarations the case's own data names: not to be removed."""
    fleet, data = case
    if prop == 'empty-profile':
        return {child for child, _, _, _ in data}
    if prop == 'parent-order':
        return {n for pair in data for n in pair}
    if prop == 'deterministic':
        return set(data[1])
    return set()


def with_fleet(prop, case, fleet):
    """case with a smaller fleet, its data fitted to it; None if it has
    nothing left to check or is not a valid fleet."""
    pof = fleet.parents_of()
    if prop == 'c3-once':
        # the sites may not linearize (that is checked), the profiles must
        if not c3_ok(pof, [d.name for d in fleet.decls
                           if d.kind == 'profile']):
            return None
    elif not c3_ok(pof):
        return None
    data = case[1]
    names = {d.name for d in fleet.decls}
    if prop == 'empty-profile':
        data = [x for x in data if x[0] in names
                and x[1] < len(fleet.decl(x[0]).parents)]
        if not data:
            return None
    elif prop == 'parent-order':
        # still `site : a, b` with a and b setting x
        data = [(s, a, b) for s, a, b in data if s in names
                and fleet.decl(s).parents == [a, b]
                and all(('set', ('x',), ('lit', p)) in fleet.decl(p).body
                        for p in (a, b))]
        if not data:
            return None
    elif prop == 'deterministic':
        data = (data[0], [s for s in data[1] if s in names])
        if not data[1]:
            return None
    if not fleet.sites():
        return None
    return (fleet, data)


def smaller_cases(case, prop):
    """Candidate cases, each a little smaller than case."""
    fleet = case[0]
    keep = keep_names(prop, case)
    pof = fleet.parents_of()

    def candidate(f):
        return with_fleet(prop, case, f)

    # drop a site
    sites = fleet.sites()
    if len(sites) > 1:
        for s in sites:
            f = fleet.copy()
            f.decls = [d for d in f.decls if d.name != s]
            c = candidate(f)
            if c is not None:
                yield c
    # drop a profile no one inherits
    used = {p for ps in pof.values() for p in ps}
    for d in fleet.decls:
        if d.kind == 'profile' and d.name not in used and d.name not in keep:
            f = fleet.copy()
            f.decls = [x for x in f.decls if x.name != d.name]
            c = candidate(f)
            if c is not None:
                yield c
    # splice a profile out: its children inherit its parents instead
    for d in fleet.decls:
        if d.kind != 'profile' or d.name == 'root' or d.name in keep:
            continue
        f = fleet.copy()
        f.decls = [x for x in f.decls if x.name != d.name]
        for x in f.decls:
            if d.name in x.parents:
                ps = []
                for p in x.parents:
                    for q in (d.parents if p == d.name else [p]):
                        if q not in ps:
                            ps.append(q)
                x.parents = ps
        c = candidate(f)
        if c is not None:
            yield c
    # drop a parent
    for d in fleet.decls:
        if len(d.parents) > 1:
            for p in d.parents:
                f = fleet.copy()
                f.decl(d.name).parents.remove(p)
                c = candidate(f)
                if c is not None:
                    yield c
    # drop a schema field
    for i in range(len(fleet.fields)):
        if prop in ('c3-once', 'parent-order'):
            break
        f = fleet.copy()
        del f.fields[i]
        c = candidate(f)
        if c is not None:
            yield c
    # drop a record field's default
    for i, fld in enumerate(fleet.fields):
        if isinstance(fld.kind, Shape) and len(fld.kind.rec_defaults) > 1:
            for k in list(fld.kind.rec_defaults):
                f = fleet.copy()
                del f.fields[i].kind.rec_defaults[k]
                f.fields[i].type_text = Gen.record_type(f.fields[i].kind)
                c = candidate(f)
                if c is not None:
                    yield c
    # smaller defaults
    for i, fld in enumerate(fleet.fields):
        if fld.default is not None:
            for e in smaller_exprs(fld.default):
                f = fleet.copy()
                f.fields[i].default = e
                c = candidate(f)
                if c is not None:
                    yield c
    # smaller bodies
    if prop in ('c3-once',):
        return
    for d in fleet.decls:
        for b in smaller_stmt_lists(d.body):
            f = fleet.copy()
            f.decl(d.name).body = b
            c = candidate(f)
            if c is not None:
                yield c


def shrink(sitec, prop, check, case, failure, deadline):
    """The smallest case that still fails, greedily. After a step, the
    candidates before the one that worked are skipped once (they failed to
    fail a moment ago); a last pass tries them all."""
    budget = SHRINK_RUNS
    skip = 0
    while budget > 0 and time.monotonic() < deadline:
        found = None
        for i, c in enumerate(smaller_cases(case, prop)):
            if i < skip:
                continue
            if budget <= 0 or time.monotonic() > deadline:
                break
            budget -= 1
            try:
                check(sitec, c)
            except Failure as f:
                found = i
                case, failure = c, f
                break
            except Exception:   # not the failure being shrunk
                continue
        if found is not None:
            skip = found
        elif skip:
            skip = 0
        else:
            break
    return case, failure


# --- the run -----------------------------------------------------------------

PROPS = {
    'amend-is-dotted': (gen_amend, check_amend,
                        'amend blocks and dotted paths give the same site'),
    'empty-profile': (gen_empty, check_empty,
                      'an empty profile inserted in a chain changes nothing'),
    'c3-once': (gen_c3, check_c3,
                'ancestors apply once, in C3 order; C3 failures are E0305'),
    'parent-order': (gen_order, check_order,
                     'the later parent wins a conflict'),
    'reference-model': (gen_model, check_model,
                        'sites equal the merge model of section 5'),
    'deterministic': (gen_determinism, check_determinism,
                      'query prints the same bytes, wherever the fleet is'),
}


def case_text(prop, case):
    """The fleet sitec ran for case, as text."""
    if prop == 'amend-is-dotted':
        return render_fleet(amend_variant(case[0])[0])
    if prop == 'empty-profile':
        return render_fleet(empty_variant(*case)[0])
    return render_fleet(case[0])


def run_seed(sitec, prop, seed, without):
    gen, check, _ = PROPS[prop]
    cases = gen(seed, without)
    for case in cases:
        try:
            check(sitec, case)
        except Failure as f:
            return len(cases), (seed, case, f)
        except Exception:   # a bug of this script: say so, do not hang
            return len(cases), (seed, case, Failure(
                ['the test itself failed:'] +
                traceback.format_exc().rstrip('\n').split('\n')))
    return len(cases), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--sitec', required=True)
    ap.add_argument('--seed', type=int)
    ap.add_argument('--count', type=int, default=1)
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--only', action='append', choices=PROPERTIES)
    ap.add_argument('--without', action='append', default=[],
                    choices=FEATURES)
    ap.add_argument('--keep', help='leave the fleets in this directory')
    ap.add_argument('--shrink-all', action='store_true',
                    help='shrink and show every failing seed, not the first')
    ap.add_argument('--shrink-seconds', type=float, default=40)
    args = ap.parse_args()

    seeds = SEEDS if args.seed is None else \
        list(range(args.seed, args.seed + args.count))
    # Sanitizer builds (tools/run-tests.sh sets SITEC_TIME_SCALE) check
    # memory, not semantics: a third of the seeds keeps them in budget.
    if args.seed is None and float(os.environ.get("SITEC_TIME_SCALE", "1")) > 1:
        seeds = seeds[:10]
    props = args.only or PROPERTIES
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    sitec = Sitec(args.sitec, args.keep)
    start = time.monotonic()
    results = {p: [] for p in props}
    failed = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            futs = {pool.submit(run_seed, sitec, p, s, args.without): (p, s)
                    for p in props for s in seeds}
            for fut in concurrent.futures.as_completed(futs):
                p, s = futs[fut]
                results[p].append((s,) + fut.result())
            # shrink the failures, all at once
            deadline = time.monotonic() + args.shrink_seconds
            shrunk = {}
            for p in props:
                fails = [r[2] for r in sorted(results[p]) if r[2]]
                for seed, case, failure in fails[:None if args.shrink_all
                                                 else 1]:
                    if 'the test itself failed:' in failure.args[0]:
                        shrunk[p, seed] = pool.submit(
                            lambda c=case, f=failure: (c, f))
                        continue
                    shrunk[p, seed] = pool.submit(
                        shrink, sitec, p, PROPS[p][1], case, failure,
                        deadline)
        print('1..%d' % len(props))
        for i, p in enumerate(props, 1):
            rs = sorted(results[p])
            ncases = sum(r[1] for r in rs)
            fails = [r[2] for r in rs if r[2] is not None]
            desc = PROPS[p][2]
            if not fails:
                print('ok %d - %s: %s (%d seeds, %d fleets)'
                      % (i, p, desc, len(rs), ncases))
                continue
            failed += 1
            print('not ok %d - %s: %s' % (i, p, desc))
            print('# fails for %d of %d seeds: %s'
                  % (len(fails), len(rs), ' '.join(str(f[0]) for f in fails)))
            for seed, _, _ in fails:
                if (p, seed) not in shrunk:
                    continue
                case, failure = shrunk[p, seed].result()
                print('# seed %d (rerun: --only %s --seed %d%s), shrunk:'
                      % (seed, p, seed, ''.join(' --without ' + w
                                                for w in args.without)))
                for line in failure.args[0]:
                    print('#   ' + line)
                print('# the fleet:')
                for line in case_text(p, case).rstrip('\n').split('\n'):
                    print('#   ' + line)
        print('# %d sitec runs in %.1f s' % (sitec.runs,
                                             time.monotonic() - start))
    finally:
        sitec.close()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
