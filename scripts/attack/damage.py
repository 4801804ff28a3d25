#!/usr/bin/env python3
"""A damaged store: what EnvForge does with it, case by case.

Usage: damage.py ENVFORGE WORK ENV_FOLDER TRAJ_FOLDER CANARY_FILE CANARY_SECRET > rows.tsv

A prepared data folder (ENV_FOLDER imported, TRAJ_FOLDER imported and judged good) is copied and
damaged one way per case. A case is a clear refusal when EnvForge says what is wrong (naming the
file or blob) and refuses the work it cannot do whole, leaving the damaged files as they were; it is
silent damage when a command succeeds on damaged data (an export holding altered bytes, a database
recreated over the old one) or changes the damaged files. Repair cases check that importing again
restores the blob so that `store check` and the export pass.
"""
import hashlib, json, os, re, shutil, sqlite3, subprocess, sys

envforge, work, env_folder, traj_folder, canary_file, canary = sys.argv[1:7]
CRASH = re.compile(r'Exception in thread|\n\s+at [a-z]+\.[\w.$]+\(|OutOfMemoryError')
os.makedirs(work, exist_ok=True)
base = os.path.join(work, 'damage-base')


def cli(d, args, timeout=300):
    try:
        p = subprocess.run([envforge, '--data-dir', d] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        return p.returncode, p.stdout.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired as e:
        return None, (e.stdout or b'').decode('utf-8', 'replace')


def sha(path):
    if os.path.isdir(path):
        return 'dir'
    return hashlib.sha256(open(path, 'rb').read()).hexdigest() if os.path.exists(path) else None


def tree_hash(d):
    h = hashlib.sha256()
    for root, dirs, files in sorted(os.walk(d)):
        for f in sorted(files):
            p = os.path.join(root, f)
            h.update(p.encode())
            h.update((sha(p) or '').encode())
    return h.hexdigest()


rc, out = cli(base, ['env', 'import', env_folder])
rc, out = cli(base, ['traj', 'import', traj_folder])
c = sqlite3.connect('file:%s/envforge.db?mode=ro' % base, uri=True)
env_id = c.execute('select id from environment order by key limit 1').fetchone()[0]
traj_id = c.execute('select max(id) from trajectory').fetchone()[0]
env_blob = c.execute('select f.sha256 from task_file f order by f.path limit 1').fetchone()[0]
shot = c.execute('select screenshot from trajectory_step where trajectory_id = ? and screenshot is not null order by idx limit 1',
                 (traj_id,)).fetchone()[0]
c.close()
cli(base, ['traj', 'verdict', str(traj_id), 'good'])


def blob_path(d, h):
    return os.path.join(d, 'blobs', h[:2], h[2:])


results = []   # (case, verdict: clear|silent|unclear, evidence)


def copy(name):
    d = os.path.join(work, 'damage-' + name)
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(base, d, symlinks=True)
    for f in ('envforge.db-wal', 'envforge.db-shm'):
        if os.path.exists(os.path.join(d, f)) and os.path.getsize(os.path.join(d, f)) == 0:
            pass
    return d


def db_case(name, damage, words):
    d = copy(name)
    damage(d)
    db = os.path.join(d, 'envforge.db')
    before = sha(db)
    blobs_before = tree_hash(os.path.join(d, 'blobs'))
    rc, out = cli(d, ['env', 'list'])
    rc2, out2 = cli(d, ['env', 'import', env_folder])
    after = sha(db)
    problems = []
    if rc == 0 or rc2 == 0:
        problems.append('a command succeeded (env list exit %s, env import exit %s)' % (rc, rc2))
    if after != before:
        problems.append('the database file was changed')
    if tree_hash(os.path.join(d, 'blobs')) != blobs_before:
        problems.append('the blobs were changed')
    said = out.lower()
    missing = [w for w in words if w.lower() not in said]
    if CRASH.search(out + out2):
        problems.append('stack trace')
    verdict = 'silent' if problems and (rc == 0 or rc2 == 0 or after != before) else 'unclear' if problems or missing else 'clear'
    results.append((name, verdict, '; '.join(problems + (['message lacks %s' % missing] if missing else [])) or out.strip().splitlines()[0][:150]))


def zero(d):
    open(os.path.join(d, 'envforge.db'), 'w').close()
    for f in ('envforge.db-wal', 'envforge.db-shm'):
        if os.path.exists(os.path.join(d, f)):
            os.remove(os.path.join(d, f))


def truncate(d):
    p = os.path.join(d, 'envforge.db')
    n = os.path.getsize(p)
    with open(p, 'r+b') as f:
        f.truncate(n // 2)


def garbage(d):
    p = os.path.join(d, 'envforge.db')
    n = os.path.getsize(p)
    with open(p, 'r+b') as f:
        f.seek(0)
        f.write(os.urandom(n))


def middle(d):
    # SQLite header intact, pages in the middle overwritten
    p = os.path.join(d, 'envforge.db')
    n = os.path.getsize(p)
    with open(p, 'r+b') as f:
        f.seek(4096 * 2)
        f.write(os.urandom(min(4096 * 8, max(0, n - 8192))))


def directory(d):
    os.remove(os.path.join(d, 'envforge.db'))
    os.makedirs(os.path.join(d, 'envforge.db'))


def newer(d):
    c = sqlite3.connect(os.path.join(d, 'envforge.db'))
    c.execute('insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, '
              'execution_time, success) values (99, \'99\', \'from the future\', \'SQL\', \'V99__future.sql\', 0, \'x\', 0, 1)')
    c.commit()
    c.close()


db_case('envforge.db of 0 bytes beside blobs', zero, ['envforge.db', 'empty'])
db_case('envforge.db cut to half', truncate, ['envforge.db'])
db_case('envforge.db overwritten with random bytes', garbage, ['envforge.db'])
db_case('envforge.db with pages overwritten', middle, ['envforge.db'])
db_case('envforge.db is a folder', directory, ['envforge.db'])
db_case('envforge.db from a newer schema', newer, ['newer'])


def blob_case(name, damage, kind):
    d = copy(name)
    bp = blob_path(d, env_blob)
    damage(bp)
    damaged = sha(bp) if not os.path.islink(bp) else 'link'
    problems = []
    rc, out = cli(d, ['store', 'check'])
    if rc != 1 or env_blob[:8] not in out or kind not in out:
        problems.append('store check exit %s does not report the %s blob: %s' % (rc, kind, out.strip()[-150:]))
    exp = os.path.join(d, 'export-out')
    rc, out = cli(d, ['env', 'export', env_id, '--format', 'gym-anything', '--out', exp, '--include-unapproved'])
    if rc == 0:
        problems.append('export succeeded')
    if env_blob[:8] not in out:
        problems.append('export does not name the blob: ' + out.strip()[-150:])
    if os.path.exists(exp) and os.listdir(exp):
        problems.append('export left %s' % os.listdir(exp))
    if canary in out or (os.path.exists(exp) and canary.encode() in open_all(exp)):
        problems.append('the export carried the linked secret')
    if CRASH.search(out):
        problems.append('stack trace')
    silent = rc == 0
    # repair: import again, then check and export
    rc3, out3 = cli(d, ['env', 'import', env_folder])
    rc4, out4 = cli(d, ['store', 'check'])
    rc5, out5 = cli(d, ['env', 'export', env_id, '--format', 'gym-anything', '--out', exp + '2', '--include-unapproved'])
    if rc4 != 0 or rc5 != 0:
        problems.append('not repaired by importing again (store check %s, export %s)' % (rc4, rc5))
    results.append((name, 'silent' if silent else 'unclear' if problems else 'clear', '; '.join(problems) or
                    'store check and export name %s; import again repaired it' % env_blob[:12]))


def open_all(d):
    b = b''
    for root, _, files in os.walk(d):
        for f in files:
            try:
                b += open(os.path.join(root, f), 'rb').read()
            except OSError:
                pass
    return b


def delete(p):
    os.remove(p)


def alter(p):
    b = bytearray(open(p, 'rb').read())
    b[len(b) // 2] ^= 0x20
    os.chmod(p, 0o644)
    open(p, 'wb').write(bytes(b))


def shorten(p):
    b = open(p, 'rb').read()
    os.chmod(p, 0o644)
    open(p, 'wb').write(b[:len(b) // 2])


def link(p):
    os.remove(p)
    os.symlink(canary_file, p)


blob_case('a task file blob deleted', delete, 'missing')
blob_case('a task file blob altered (one bit)', alter, 'damaged')
blob_case('a task file blob cut short', shorten, 'damaged')
blob_case('a blob replaced by a link to a root-only file', link, 'damaged')

# Trajectory screenshot missing: export and training name it and exit 1.
d = copy('shot')
os.remove(blob_path(d, shot))
problems = []
rc, out = cli(d, ['traj', 'export', str(traj_id), '--out', os.path.join(d, 'tx')])
if rc != 1 or shot[:8] not in out:
    problems.append('traj export exit %s: %s' % (rc, out.strip()[-150:]))
rc, out = cli(d, ['traj', 'training', '--out', os.path.join(d, 'tt')])
if rc != 1 or shot[:8] not in out:
    problems.append('traj training exit %s: %s' % (rc, out.strip()[-150:]))
results.append(('a screenshot blob deleted', 'clear' if not problems else 'silent' if rc == 0 else 'unclear',
                '; '.join(problems) or 'traj export and traj training exit 1 naming the blob'))

# The whole blob folder gone.
d = copy('noblobs')
shutil.rmtree(os.path.join(d, 'blobs'))
rc, out = cli(d, ['store', 'check'])
rc2, out2 = cli(d, ['env', 'list'])
ok = rc == 1 and 'missing' in out and rc2 == 0
results.append(('the blobs folder deleted', 'clear' if ok else 'unclear', 'store check exit %s (%s); env list exit %s'
                % (rc, out.strip().splitlines()[-1][:100] if out.strip() else '', rc2)))

# A full disk (a 3 MB tmpfs as the data folder): the import fails clearly, the store stays consistent, more room repairs it.
d = os.path.join(work, 'damage-full')
os.makedirs(d, exist_ok=True)
mounted = subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=3m', 'atk-full', d]).returncode == 0
if mounted:
    try:
        corpus = os.path.join(os.path.dirname(env_folder), '..')
        rc, out = cli(d, ['env', 'import', sys.argv[7] if len(sys.argv) > 7 else env_folder])
        rc2, out2 = cli(d, ['store', 'check'])
        rc3, out3 = cli(d, ['env', 'list'])
        problems = []
        if rc == 0:
            problems.append('import said it succeeded')
        if CRASH.search(out):
            problems.append('stack trace: ' + CRASH.search(out).group(0).strip())
        if rc2 not in (0, None) and rc2 != 0:
            problems.append('store check afterwards exit %s: %s' % (rc2, out2.strip()[-150:]))
        subprocess.run(['mount', '-o', 'remount,size=256m', d])
        rc4, out4 = cli(d, ['env', 'import', sys.argv[7] if len(sys.argv) > 7 else env_folder])
        rc5, out5 = cli(d, ['store', 'check'])
        if rc4 != 0 or rc5 != 0:
            problems.append('with room again: import exit %s, store check exit %s' % (rc4, rc5))
        line = [l for l in out.splitlines() if 'space' in l.lower() or 'full' in l.lower() or 'envforge:' in l]
        results.append(('a full disk during an import (3 MB tmpfs)', 'clear' if not problems else 'silent' if rc == 0 else 'unclear',
                        '; '.join(problems) or (line[0][:150] if line else out.strip()[-150:])))
    finally:
        subprocess.run(['umount', '-l', d])

clear = sum(1 for r in results if r[1] == 'clear')
silent = [r for r in results if r[1] == 'silent']
unclear = [r for r in results if r[1] == 'unclear']
for name, verdict, ev in results:
    print('  damage: %-50s %-8s %s' % (name, verdict, ev[:160]), file=sys.stderr)
print('\t'.join(['damaged store', '0-byte, truncated, random, partly overwritten, folder and newer-schema databases; deleted, altered, '
                 'shortened and linked blobs; a missing screenshot; no blob folder; a full disk', str(len(results)),
                 'BROKE' if silent or unclear else 'held',
                 'clear refusals %d of %d, silent damage %d%s' % (clear, len(results), len(silent),
                                                                   ''.join('; %s: %s: %s' % (n, v, e[:160]) for n, v, e in silent + unclear))]))
