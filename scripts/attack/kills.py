#!/usr/bin/env python3
"""kill -9 at random moments: a generation job (and an import), then resume (re-import), and count
what was lost, duplicated or left behind.

Usage: kills.py ENVFORGE WORK RUNS SEED CORPUS > rows.tsv   (progress on stderr)

Generation: `generate --software xterm --envs 2 --tasks 2 --rounds 1` (recipe creator, real
sandboxes) is killed with SIGKILL after a random 1-12 s, then `jobs resume`. A run loses data
when, after the resume, the job is not done, an item is unfinished (or in error after a kill), or an
environment of the job does not hold its 2 tasks with its item's outcome; it duplicates when the
job holds more environments, rounds or tasks than asked. Left behind: session folders, control
groups, mounts and live processes of the killed sessions, X locks of their displays whose server
is gone, and copies of the SQLite JDBC native library in /tmp that no process uses, looked at after
the resume has finished.
Import: `env import CORPUS` killed after a random 0.5-5 s, then imported again: the store must then
hold exactly what one clean import holds, and `store check` must pass.
"""
import json, os, random, re, signal, sqlite3, subprocess, sys, time

envforge, work, runs, seed, corpus = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
rnd = random.Random(seed)
UID_BASE = 2_000_000_000
data = os.path.join(work, 'kill-data')
os.makedirs(work, exist_ok=True)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def db(d=data):
    return sqlite3.connect('file:%s/envforge.db?mode=ro' % d, uri=True, timeout=30)


def cli(args, d=data, timeout=600):
    p = subprocess.run([envforge, '--data-dir', d] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout)
    return p.returncode, p.stdout.decode('utf-8', 'replace')


def kill(p):
    """SIGKILLs a running EnvForge; gives the path of the SQLite native library it had loaded (to see whether a copy is left)."""
    lib = None
    try:
        lib = next((l.split()[-1] for l in open('/proc/%d/maps' % p.pid) if 'libsqlitejdbc.so' in l), None)
    except OSError:
        pass
    os.kill(p.pid, signal.SIGKILL)
    return lib


def sessions_now():
    """Session folders of the data folder with their display (from the uid in their passwd file)."""
    out = {}
    root = os.path.join(data, 'sessions')
    if not os.path.isdir(root):
        return out
    for s in os.listdir(root):
        disp = None
        try:
            first = open(os.path.join(root, s, 'passwd')).readline().split(':')
            uid = int(first[2])
            disp = uid - UID_BASE if uid >= UID_BASE else None
        except (OSError, ValueError, IndexError):
            pass
        out[s] = disp
    return out


def procs_of_uid(uid):
    n = []
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                st = os.stat('/proc/' + p)
                if st.st_uid == uid:
                    n.append(int(p))
            except OSError:
                pass
    return n


def cgroups_named(name):
    found = []
    for top in ('/sys/fs/cgroup/memory', '/sys/fs/cgroup/pids', '/sys/fs/cgroup'):
        if not os.path.isdir(top):
            continue
        for root, dirs, _ in os.walk(top):
            if root.count('/') > 8:
                dirs[:] = []
                continue
            if 'envforge-' + name in dirs:
                found.append(os.path.join(root, 'envforge-' + name))
    return found


def lock_stale(n):
    lock = '/tmp/.X%d-lock' % n
    try:
        pid = int(open(lock).read().strip())
    except (OSError, ValueError):
        return False
    try:
        st = open('/proc/%d/stat' % pid).read()
        return st.split(')')[-1].split()[0] == 'Z'
    except OSError:
        return True


gen_lost, gen_dup, gen_left, gen_notes, gen_other, left_kinds = 0, 0, 0, [], [], {}
for i in range(1, runs + 1):
    delay = rnd.uniform(1.0, 12.0)
    t0 = time.time()
    p = subprocess.Popen([envforge, '--data-dir', data, 'generate', '--software', 'xterm', '--envs', '2', '--tasks', '2', '--rounds', '1',
                          '--seed', str(i), '--quiet'], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = {}
    while time.time() - t0 < delay and p.poll() is None:
        seen.update({k: v for k, v in sessions_now().items() if v is not None or k not in seen})
        time.sleep(0.1)
    finished_first = p.poll() is not None
    lib = None if finished_first else kill(p)
    p.wait()
    try:
        c = db()
        job = c.execute('select max(id) from job').fetchone()[0]
        c.close()
    except sqlite3.Error:
        job = None
    if job is None or job < i:
        # killed before the job was stored: nothing to resume, nothing made; a new job must still work
        note = 'run %d: killed after %.1f s, before the job was stored' % (i, delay)
        rc, out = cli(['generate', '--software', 'xterm', '--envs', '2', '--tasks', '2', '--rounds', '1', '--seed', str(i), '--quiet'])
        c = db()
        job = c.execute('select max(id) from job').fetchone()[0]
        c.close()
    else:
        rc, out = cli(['jobs', 'resume', str(job), '--quiet'])
        note = 'run %d: killed after %.1f s%s, resume exit %d' % (i, delay, ' (it had finished)' if finished_first else '', rc)
    c = db()
    status = c.execute('select status from job where id = ?', (job,)).fetchone()[0]
    items = c.execute('select idx, status, env_name from job_item where job_id = ? order by idx', (job,)).fetchall()
    rounds = c.execute('select count(*) from job_round where job_id = ?', (job,)).fetchone()[0]
    envs = c.execute("select e.id, e.key from environment e where e.name like ?", ('xterm_j%d_e%%' % job,)).fetchall()
    tasks = {e: c.execute("select count(*), sum(status = 'AUDIT_PASSED') from task where env_key = ?", (k,)).fetchone() for e, k in envs}
    c.close()
    # Lost: the job or an item left unfinished, an item in error after a kill, an environment missing or not holding
    # its 2 tasks with the status its item ended with. An audit that fails on its own (an uninterrupted run can fail
    # under load) is reported, not counted.
    lost, other = [], []
    if status != 'done':
        lost.append('job %s' % status)
    for ix, st, n in items:
        e = [x for x in tasks if x.split('@')[0] == n]
        if st not in ('passed', 'failed', 'error'):
            lost.append('item %d left %s' % (ix, st))
        elif st == 'error':
            (other if finished_first else lost).append('item %d in error' % ix)
        elif not e:
            lost.append('%s (%s) not stored' % (n, st))
        elif tasks[e[0]][0] != 2 or st == 'passed' and (tasks[e[0]][1] or 0) != 2:
            lost.append('%s (%s) holds %s tasks, %s audit-passed' % (e[0], st, tasks[e[0]][0], tasks[e[0]][1]))
        if st == 'failed':
            other.append('item %d failed its audit' % ix)
    dup = []
    if len(items) != 2:
        dup.append('%d items' % len(items))
    if len(envs) > 2:
        dup.append('%d environments' % len(envs))
    if rounds > 2:
        dup.append('%d rounds' % rounds)
    left = []
    for s, disp in seen.items():
        if os.path.exists(os.path.join(data, 'sessions', s)):
            left.append('session folder ' + s)
        if cgroups_named(s):
            left.append('cgroup of ' + s)
        if disp is not None:
            if procs_of_uid(UID_BASE + disp):
                left.append('%d processes of display :%d' % (len(procs_of_uid(UID_BASE + disp)), disp))
            if lock_stale(disp):
                left.append('stale X lock :%d' % disp)
    if any(data in l for l in open('/proc/self/mountinfo')):
        left.append('mounts under the data folder')
    if lib and os.path.exists(lib):
        left.append('its copy of libsqlitejdbc.so (%d KB) and .lck left in /tmp' % (os.path.getsize(lib) >> 10))
    gen_lost += bool(lost)
    gen_dup += bool(dup)
    gen_left += bool(left)
    if lost or dup:
        gen_notes.append('%s: %s' % (note, '; '.join(lost + dup)))
    for l in left:
        kind = re.sub(r'-[0-9a-f]{8}\b|:\d+\b', '', l)
        left_kinds[kind] = left_kinds.get(kind, 0) + 1
    if other:
        gen_other.append('run %d: %s' % (i, ', '.join(other)))
    log('kill %2d/%d: %s, %d sessions seen; %s' % (i, runs, note, len(seen), '; '.join(lost + dup + left + other) or 'whole'))

rows = []
ev = ' | '.join(gen_notes)
rows.append(('kill -9 during generate, then jobs resume', 'SIGKILL at a random 1-12 s of a 2x2 xterm job (real sandboxes)', runs,
             gen_lost or gen_dup or gen_left,
             'runs with data lost %d, duplicated %d, leftovers %d%s%s%s' % (gen_lost, gen_dup, gen_left, ('; ' + ev) if ev else '',
                                                                        ''.join('; %s in %d runs' % kv for kv in sorted(left_kinds.items())),
                                                                      ('; not counted: ' + ' | '.join(gen_other)) if gen_other else '')))

# Imports.
ref = os.path.join(work, 'kill-import-ref')
cli(['env', 'import'] + corpus, d=ref)


def contents(d):
    c = db(d)
    envs = c.execute('select count(*) from environment').fetchone()[0]
    tasks = c.execute('select count(*) from task').fetchone()[0]
    files = c.execute('select count(*) from task_file').fetchone()[0] + c.execute('select count(*) from env_file').fetchone()[0]
    docs = c.execute('select group_concat(documents, "") from (select documents from task order by name, env_key)').fetchone()[0]
    c.close()
    return envs, tasks, files, len(docs or '')


want = contents(ref)
imp_bad, imp_libs = [], 0
for i in range(1, max(1, runs // 2) + 1):
    d = os.path.join(work, 'kill-import-%d' % i)
    delay = rnd.uniform(0.5, 5.0)
    p = subprocess.Popen([envforge, '--data-dir', d, 'env', 'import'] + corpus, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(delay)
    killed = p.poll() is None
    lib = kill(p) if killed else None
    p.wait()
    rc, out = cli(['env', 'import'] + corpus, d=d)
    got = contents(d)
    rc2, out2 = cli(['store', 'check'], d=d)
    bad = []
    if got != want:
        bad.append('holds %s, a clean import %s (envs, tasks, files, text)' % (got, want))
    if rc2 != 0:
        bad.append('store check: ' + out2.strip().splitlines()[-1][:120])
    if re.search(r'locked|Exception|busy', out):
        bad.append('re-import: ' + out[-150:])
    if lib and os.path.exists(lib):
        imp_libs += 1
    if bad:
        imp_bad.append('run %d (killed after %.1f s): %s' % (i, delay, '; '.join(bad)))
    log('import kill %d: killed=%s after %.1f s: %s' % (i, killed, delay, '; '.join(bad) or 'same as a clean import'))
rows.append(('kill -9 during env import, then import again', 'SIGKILL at a random 0.5-5 s of importing the test corpus (257 tasks)',
             max(1, runs // 2), bool(imp_bad or imp_libs), 'runs that differ from a clean import: %d%s%s' % (
                 len(imp_bad), ('; ' + ' | '.join(imp_bad)) if imp_bad else '',
                 ('; leftovers: the killed process\'s copy of libsqlitejdbc.so and .lck stay in /tmp in %d runs' % imp_libs) if imp_libs else '')))
for a, t, n, broke, e in rows:
    print('\t'.join([a, t, str(n), 'BROKE' if broke else 'held', e.replace('\t', ' ')[:600]]))
