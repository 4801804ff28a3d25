#!/usr/bin/env python3
"""Several CLI processes on one data folder at once.

Usage: concurrency.py ENVFORGE WORK RUNS GYM_CORPUS OSWORLD_CORPUS TRAJ_FOLDER > rows.tsv

Per run, on a fresh data folder:
 a) four `env import` at once (the Gym-Anything corpus, the OSWorld corpus, both, the Gym-Anything
    corpus again); afterwards the store must hold what one sequential import holds;
 b) `generate` (recipe, 1 env x 2 tasks) while `approve`, `env import`, `traj import` and `store check`
    run beside it in a loop; the job's environments must be whole afterwards;
 c) `store check` three times while a large import runs (no missing or damaged blob may be reported).
A command fails when its exit code says so (import/traj import/store check: not 0; approve: 2 or more)
or when it prints "locked", "busy" or an exception.
"""
import os, re, sqlite3, subprocess, sys, time

envforge, work, runs, gym, osw, traj = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
BAD = re.compile(r'database is locked|SQLITE_BUSY|is busy|Exception|OutOfMemoryError')


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def start(d, args):
    return subprocess.Popen([envforge, '--data-dir', d] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def finish(p, timeout=900):
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, _ = p.communicate()
        return None, out.decode('utf-8', 'replace')
    return p.returncode, out.decode('utf-8', 'replace')


def contents(d):
    c = sqlite3.connect('file:%s/envforge.db?mode=ro' % d, uri=True, timeout=30)
    r = (c.execute('select count(*) from environment').fetchone()[0], c.execute('select count(*) from task').fetchone()[0],
         c.execute('select count(*) from task_file').fetchone()[0] + c.execute('select count(*) from env_file').fetchone()[0])
    c.close()
    return r


failures_kept = [0]


def keep(name, out):
    """Keeps the whole output of a failed command (WORK/failed-N.txt) and says where."""
    failures_kept[0] += 1
    path = os.path.join(work, 'failed-%d.txt' % failures_kept[0])
    open(path, 'w').write(name + '\n' + out)
    return ' (whole output: %s)' % path


def judge(name, rc, out, ok_codes=(0,)):
    r = judge1(name, rc, out, ok_codes)
    return r + keep(name, out) if r else None


def judge1(name, rc, out, ok_codes=(0,)):
    if rc is None:
        return '%s hung' % name
    if rc not in ok_codes:
        return '%s exit %d: %s' % (name, rc, out.strip().splitlines()[-1][:160] if out.strip() else '')
    m = BAD.search(out)
    if m:
        line = [l for l in out.splitlines() if BAD.search(l)][0]
        return '%s: %s' % (name, line[:160])
    return None


def check(fails, name, p, ok_codes=(0,)):
    """Waits for a command and judges it, adding its failure (if any) to fails; counts 1 command."""
    f = judge(name, *finish(p), ok_codes=ok_codes)
    if f:
        fails.append(f)
    return 1


def record(part, run, commands, fails):
    """Adds a run's commands and failures to the part's figures and says how it went."""
    stats[part][0] += commands
    stats[part][1] += len(fails)
    stats[part][2] += ['run %d: %s' % (run, f) for f in fails]
    log('concurrency %d %s: %d commands; %s' % (run, part, commands, '; '.join(fails) or 'ok'))


ref = os.path.join(work, 'conc-ref')
finish(start(ref, ['env', 'import', gym, osw]))
want = contents(ref)
stats = {'a': [0, 0, []], 'b': [0, 0, []], 'c': [0, 0, []]}   # commands run, failed, notes

for i in range(1, runs + 1):
    # a) four imports at once
    d = os.path.join(work, 'conc-a-%d' % i)
    ps = [start(d, ['env', 'import', gym]), start(d, ['env', 'import', osw]), start(d, ['env', 'import', gym, osw]),
          start(d, ['env', 'import', gym])]
    fails = [f for f in (judge('import %d' % k, *finish(p)) for k, p in enumerate(ps)) if f]
    got = contents(d)
    if got != want:
        fails.append('store holds %s, a sequential import %s' % (got, want))
    record('a', i, 4, fails)

    # b) generate beside approve / import / traj import / store check
    d = os.path.join(work, 'conc-b-%d' % i)
    rc, out = finish(start(d, ['generate', '--software', 'xterm', '--envs', '1', '--tasks', '1', '--rounds', '1', '--quiet']))
    g = start(d, ['generate', '--software', 'xterm', '--envs', '1', '--tasks', '2', '--rounds', '1', '--seed', str(100 + i), '--quiet'])
    fails, n = [], 0
    while g.poll() is None:
        side = [('approve', start(d, ['approve', 'xterm_j1_e1@1']), (0, 1)), ('env import', start(d, ['env', 'import', osw]), (0,)),
                ('traj import', start(d, ['traj', 'import', traj]), (0,)), ('store check', start(d, ['store', 'check']), (0,))]
        for name, p, ok in side:
            n += check(fails, name, p, ok)
    n += check(fails, 'generate', g)
    c = sqlite3.connect('file:%s/envforge.db?mode=ro' % d, uri=True, timeout=30)
    job = c.execute('select max(id) from job').fetchone()[0]
    for name, in c.execute('select env_name from job_item where job_id = ?', (job,)).fetchall():
        k = c.execute('select key from environment where name = ?', (name,)).fetchone()
        t = c.execute("select count(*), sum(status = 'AUDIT_PASSED') from task where env_key = ?", (k[0],)).fetchone() if k else (0, 0)
        if t != (2, 2):
            fails.append('%s stored with %s tasks (%s audit-passed)' % (name, t[0], t[1]))
    c.close()
    record('b', i, n, fails)

    # c) store check while a large import runs
    d = os.path.join(work, 'conc-c-%d' % i)
    finish(start(d, ['env', 'import', osw]))
    imp = start(d, ['env', 'import', gym, osw])
    fails, n = [], 0
    for k in range(3):
        n += check(fails, 'store check', start(d, ['store', 'check']))
    n += check(fails, 'import', imp)
    record('c', i, n, fails)

rows = [('concurrent writers: 4 env imports at once', 'the same and different corpora into one data folder; result compared with a '
         'sequential import', stats['a']),
        ('concurrent writers: generate beside approve/import/traj import/store check', 'a 1x2 xterm job while the four others loop',
         stats['b']),
        ('concurrent: store check during an import', 'store check x3 while the corpus imports', stats['c'])]
for a, t, (n, f, notes) in rows:
    print('\t'.join([a, t, '%d runs, %d commands' % (runs, n), 'BROKE' if f else 'held',
                     ('%d failed: %s' % (f, ' | '.join(notes)) if f else '0 failed')[:600]]))
