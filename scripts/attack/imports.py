#!/usr/bin/env python3
"""Runs the crafted import cases of folders.py through the real CLI and judges each one.

Usage: imports.py ENVFORGE DATA_DIR CASES_JSONL CANARY_SECRET OUT_JSON [--timeout S]

A case holds when: the command ends within the time limit; prints no stack trace, no
OutOfMemoryError or StackOverflowError; prints no raw terminal control characters; names what it
expects (file and field, case-insensitive); never prints or stores the canary secret; writes
nothing at the case's outside paths; and, for re-imports of the stored baseline, leaves the stored
baseline (or the named task) exactly as it was. Afterwards every stored environment is exported in
both formats (nothing may land outside the export folder) and `store check` must pass.
"""
import hashlib, json, os, re, sqlite3, subprocess, sys, tempfile

envforge, data, cases_file, secret, out_json = sys.argv[1:6]
timeout = int(sys.argv[sys.argv.index('--timeout') + 1]) if '--timeout' in sys.argv else 90
cases = [json.loads(l) for l in open(cases_file)]
RAW = re.compile(rb'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]')
CRASH = re.compile(r'Exception in thread|\n\s+at [a-z]+\.[\w.$]+\(|OutOfMemoryError|StackOverflowError')


def run(args, t=timeout):
    try:
        p = subprocess.run([envforge, '--data-dir', data] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=t)
        return p.returncode, p.stdout, False
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b'', True


def db():
    return sqlite3.connect('file:%s/envforge.db?mode=ro' % data, uri=True, timeout=30)


def snapshot(env_id, task=None):
    """The stored documents and file hashes of an environment (or one of its tasks)."""
    c = db()
    try:
        row = c.execute('select key, document from environment where id = ?', (env_id,)).fetchone()
        if row is None:
            return None
        key, doc = row
        h = hashlib.sha256()
        if task is None:
            h.update(doc.encode())
            for r in c.execute('select path, sha256 from env_file where env_key = ? order by path', (key,)):
                h.update(repr(r).encode())
        q = 'select key, name, documents, status from task where env_key = ?' + (' and name = ?' if task else '') + ' order by name'
        for tk, name, docs, status in c.execute(q, (key, task) if task else (key,)):
            h.update(repr((name, docs, status)).encode())
            for r in c.execute('select path, sha256 from task_file where task_key = ? order by path', (tk,)):
                h.update(repr(r).encode())
        return h.hexdigest()
    finally:
        c.close()


def secret_stored():
    hit = []
    for root, _, files in os.walk(os.path.join(data, 'blobs')):
        for f in files:
            try:
                if secret.encode() in open(os.path.join(root, f), 'rb').read():
                    hit.append(f)
            except OSError:
                pass
    for f in ('envforge.db', 'envforge.db-wal'):
        p = os.path.join(data, f)
        if os.path.exists(p) and secret.encode() in open(p, 'rb').read():
            hit.append(f)
    return hit


results = []
base_env = None
for c in cases:
    before = None
    if c.get('baseline'):
        before = snapshot('atk_base_env@0.1', None if c['baseline'] is True else c['baseline'])
    cmd = ['env', 'import'] if c['kind'] == 'env' else ['traj', 'import']
    rc, out, hung = run(cmd + c['args'])
    text = out.decode('utf-8', 'replace')
    problems = []
    if hung:
        problems.append('no answer within %d s' % timeout)
    if CRASH.search(text):
        problems.append('crash: ' + CRASH.search(text).group(0).strip())
    m = RAW.search(out)
    if m:
        problems.append('raw control character %r in the output' % m.group(0))
    missing = [e for e in c['expect'] if e.lower() not in text.lower()]
    if missing:
        problems.append('output does not name %s' % missing)
    if secret in text:
        problems.append('printed the secret of a root-only file')
    for p in c.get('outside', []):
        if os.path.lexists(p):
            problems.append('wrote ' + p)
    if before is not None:
        after = snapshot('atk_base_env@0.1', None if c['baseline'] is True else c['baseline'])
        if after != before:
            problems.append('the stored baseline changed')
    for args in c.get('show', []):
        if 'LAST' in args:
            cc = db()
            last = cc.execute('select max(id) from trajectory').fetchone()[0]
            cc.close()
            args = [str(last) if a == 'LAST' else a for a in args]
        rc2, out2, hung2 = run(args, 60)
        m2 = RAW.search(out2)
        if hung2 or rc2 != 0:
            problems.append('%s failed (exit %s)' % (' '.join(args), rc2))
        if m2:
            problems.append('%s printed raw control character %r' % (' '.join(args), m2.group(0)))
    if c['name'].startswith('baseline') and rc != 0:
        problems.append('the baseline did not import (exit %s): %s' % (rc, text[-300:]))
    results.append({'name': c['name'], 'kind': c['kind'], 'exit': rc, 'problems': problems,
                    'clear': not missing and not hung and not CRASH.search(text), 'output': text[-600:]})
    print('%-5s %-45s %s' % (c['kind'], c['name'][:45], 'ok' if not problems else '; '.join(problems)[:200]), file=sys.stderr)

# Exports of everything stored, both formats: nothing outside the export folder, no crash.
export_problems = []
con = db()
envs = [r[0] for r in con.execute('select id from environment order by id')]
con.close()
exp_root = tempfile.mkdtemp(prefix='atk-export-', dir=os.path.dirname(os.path.abspath(data)))
outside_all = [p for c in cases for p in c.get('outside', [])]
for e in envs:
    for fmt in ('gym-anything', 'osworld'):
        dest = os.path.join(exp_root, fmt + '-' + hashlib.sha1(e.encode()).hexdigest()[:8])
        rc, out, hung = run(['env', 'export', e, '--format', fmt, '--out', dest, '--include-unapproved'], 120)
        text = out.decode('utf-8', 'replace')
        if hung or CRASH.search(text) or RAW.search(out):
            export_problems.append('export %s %s: %s' % (e, fmt, 'hung' if hung else text[-200:]))
for p in outside_all:
    if os.path.lexists(p):
        export_problems.append('export wrote ' + p)
for root, dirs, files in os.walk(exp_root):
    for n in dirs + files:
        full = os.path.join(root, n)
        if os.path.islink(full) and not os.path.realpath(full).startswith(exp_root):
            export_problems.append('export made a link out: ' + full)
rc, out, hung = run(['store', 'check'], 120)
if rc != 0:
    export_problems.append('store check exit %s: %s' % (rc, out.decode('utf-8', 'replace')[-300:]))
stored = secret_stored()
if stored:
    export_problems.append('the secret of a root-only file is stored in ' + ', '.join(stored[:3]))
json.dump({'results': results, 'export_problems': export_problems, 'exported_envs': len(envs), 'export_root': exp_root},
          open(out_json, 'w'), indent=1)
