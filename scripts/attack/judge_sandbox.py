#!/usr/bin/env python3
"""Judges one sandbox attack run (drafts.py scenario "sandbox") and prints table rows as TSV:
ATTACK \t TRIED \t COUNT \t held|broke \t EVIDENCE

Usage: judge_sandbox.py FACTS_JSON
FACTS_JSON holds: runtime, data (data folder), gen_out, gen_err, jobs_out (files), server_log,
secrets (strings a sandbox must never reach), job (id), and host-side facts measured by the suite:
host_canary_alive, host_files (paths the sandbox must not have created), leftovers {...},
peak_procs, base_procs, gen_rc, gen_secs, hung, limits {mem_gib, pids, tmp_mb, home_mb, time_s}.
"""
import json, os, re, sqlite3, sys

F = json.load(open(sys.argv[1]))
R = F['runtime']
data = F['data']
rows = []
RAW = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]')
RAWB = re.compile(rb'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]')


def row(attack, tried, count, broke, evidence=''):
    rows.append('\t'.join(['[%s] %s' % (R, attack), tried, str(count), 'BROKE' if broke else 'held',
                           (evidence or '').replace('\t', ' ').replace('\n', ' ')[:400]]))


# What the sandbox reported: "ATK tag.key value" lines in the stored setup outputs.
rep = {}
leaks = set()
for root, _, files in os.walk(os.path.join(data, 'blobs')):
    for f in files:
        try:
            b = open(os.path.join(root, f), 'rb').read()
        except OSError:
            continue
        if b'ATK' not in b:
            continue
        for line in b.decode('utf-8', 'replace').splitlines():
            m = re.match(r'ATK ([a-z_]+)\.(\S+) ?(.*)$', line)
            if m:
                rep.setdefault(m.group(1), {})[m.group(2)] = m.group(3).strip()
            if line.startswith('ATK-LEAK '):
                leaks.add(line[9:].strip())


def get(tag, key, default=None):
    return rep.get(tag, {}).get(key, default)


def opened(tag, keys):
    return [k for k in keys if get(tag, k) == 'OPEN']


def missing(tag, keys):
    return [k for k in keys if get(tag, k) is None]


# The other data folder's secret has a row of its own (below).
secrets = [s for s in F.get('secrets', []) if s and s != F.get('other_secret')]
everything = b''
for name in ('gen_out', 'gen_err', 'jobs_out', 'server_log', 'db', 'wal'):
    p = F.get(name) if name not in ('db', 'wal') else os.path.join(data, 'envforge.db' + ('-wal' if name == 'wal' else ''))
    if p and os.path.exists(p):
        everything += open(p, 'rb').read()
leaked = sorted({s for s in secrets if s.encode() in everything} | {l for l in leaks if any(s in l for s in secrets)})
if F.get('server_log') and os.path.exists(F['server_log']):
    for l in open(F['server_log']):
        leaked = sorted(set(leaked) | {'in a prompt: ' + c for c in json.loads(l).get('canaries', []) if c in secrets})
ran = set(rep)


def not_run(tag):
    return '' if tag in ran else 'the attack did not run (no report from the sandbox; see the job): '


# 1. Root-only host files.
keys = ['shadow_read', 'gshadow_read', 'canary_read', 'docker_dir_list', 'docker_config_read']
o = opened('read', keys)
can_leak = [l for l in leaked if 'root' in l or 'canary' in l.lower()]
row('sandbox: root-only host files', '/etc/shadow, /etc/gshadow, a 0600 canary, /var/lib/docker, containers\' config.v2.json',
    len(keys), bool(o or can_leak or 'read' not in ran),
    not_run('read') + ('readable: %s' % ', '.join(o) if o else '') + (' leaked: %s' % can_leak if can_leak else ''))

# 2. Hidden folders of this EnvForge.
keys = ['root_home_list', 'root_canary_read', 'data_dir_list', 'data_db_read']
o = opened('read', keys)
row('sandbox: hidden folders', '/root, a world-readable file in /root, the data folder and its database', len(keys), bool(o or 'read' not in ran),
    not_run('read') + ('reached: %s' % ', '.join(o) if o else ''))

# 3. Another EnvForge data folder on the same host.
keys = ['other_data_list', 'other_db_read']
o = opened('read', keys)
other_leak = [l for l in leaks if F.get('other_secret') and F['other_secret'] in l]
to_model = set()
if F.get('server_log') and os.path.exists(F['server_log']):
    for l in open(F['server_log']):
        to_model.update(json.loads(l).get('canaries', []))
if F.get('other_secret') in to_model:
    other_leak.append('%s, which then reached the model in a fix prompt' % (other_leak[0] if other_leak else F['other_secret']))
    other_leak = other_leak[1:] if len(other_leak) > 1 else other_leak
if F.get('other_data'):
    row('sandbox: another data folder', 'list and read a second data folder (%s, modes as EnvForge made them)' % F['other_data'], len(keys),
        bool(o or other_leak), ('reached: %s' % ', '.join(o) if o else '') +
        (('; read its stored task text: %s' % other_leak[0][:60]) if other_leak else ''))

# 4. Host processes.
vis = int(get('read', 'visible_pids', '0') or 0)
o = opened('read', ['host_canary_seen', 'signal_pid1'])
alive = F.get('host_canary_alive', True)
row('sandbox: host processes', 'list /proc, find a marked host process, SIGKILL its host pid, signal pid 1', 4,
    bool(o or not alive or vis > 50 or 'read' not in ran),
    not_run('read') + 'visible pids %d' % vis + ('; reached: %s' % ', '.join(o) if o else '') + ('' if alive else '; the host process died'))

# 5. Network.
keys = ['net_llm_port', 'net_host_listener', 'net_host_ip', 'net_docker_bridge', 'docker_socket']
o = opened('read', keys)
ifaces = [i for i in (get('read', 'net_interfaces', '') or '').split(',') if i and i != 'lo']
row('sandbox: network', 'the LLM server and a listener on 127.0.0.1, the host IP, the Docker bridge, the Docker socket', len(keys) + 1,
    bool(o or ifaces or 'read' not in ran), not_run('read') + ('reached: %s' % ', '.join(o) if o else '') +
    ('; interfaces: %s' % ifaces if ifaces else ''))

# 6. Other X displays.
keys = ['x_decoy_display', 'x_decoy_abstract', 'x_decoy_tcp']
o = opened('read', keys)
others = int(get('read', 'x_other_displays_reached', '0') or 0)
row('sandbox: other X displays', 'an open (-ac) Xvfb by socket file, abstract socket and TCP; displays :0 to :200', len(keys) + 1,
    bool(o or others or 'read' not in ran), not_run('read') + ('reached: %s' % ', '.join(o) if o else '') +
    ('; %d other displays answered' % others if others else ''))

# 7. Writes outside the home.
w = int(get('read', 'host_writes', '0') or 0)
hf = F.get('host_files', [])
row('sandbox: writes outside the home', '/, /etc, /usr, /opt, /var, /var/lib, /srv, the repository, the data folder and its parent, '
    '/sys/fs/cgroup; and /tmp, /dev/shm, /var/tmp, /run as seen by the host', 15, bool(w or hf or 'read' not in ran),
    not_run('read') + ('%d written inside; ' % w if w else '') + ('on the host: %s' % hf if hf else ''))

# 8. Privileges.
keys = ['cgroup_escape', 'mount_tmpfs', 'setuid_su', 'sysrq_write', 'kmsg_read', 'raw_disk_read']
o = opened('read', keys)
row('sandbox: privileges', 'join another cgroup, mount, su, sysrq, /dev/kmsg, raw disks (uid %s)' % get('read', 'uid', '?'),
    len(keys), bool(o or 'read' not in ran), '; '.join(x for x in [not_run('read'), 'gained: %s' % ', '.join(o) if o else '',
    'note: unshare -Ur gives root in a new user namespace' if get('read', 'userns_root') == 'OPEN' else ''] if x))

# 9. A process outliving its command, reset and close.
lf = get('persist_check', 'leftover_files')
lw = get('persist_check', 'leftover_writing')
lp = get('persist_check', 'leftover_procs')
left = F.get('leftovers', {})
bad = []
if 'persist_check' not in ran:
    bad.append('the check did not run')
if lf not in (None, '0'):
    bad.append('next task saw %s files of the last' % lf)
if lw == 'yes':
    bad.append('still being written')
if lp not in (None, '0'):
    bad.append('next task saw %s of its processes (%s)' % (lp, get('persist_check', 'leftover_list', '')[:150]))
ab = rep.get('after_bomb')
if ab is None:
    bad.append('after a fork bomb left running, the next task could not run')
elif ab.get('leftover_procs') not in ('0', None) and int(ab.get('leftover_procs')) > 0:
    bad.append('after the bomb the next task saw %s processes (%s)' % (ab.get('leftover_procs'), (ab.get('leftover_list') or '')[:150]))
for k, v in left.items():
    if v:
        bad.append('after the job: %s %s' % (v, k))
row('sandbox: processes outliving reset and close', 'setsid/nohup/double-fork daemons writing into the home, a fork bomb left running; '
    'then the next task and the host after the job', 5, bool(bad), '; '.join(bad))

# 10. Memory.
lim = F['limits']
held = get('mem', 'mem_held_together')
row('sandbox: memory', '%s programs of 1 GiB each at once (limit %s GiB for the session)' % (get('mem', 'mem_procs', '6'), lim['mem_gib']),
    get('mem', 'mem_procs', '6'), held is None or int(held) > lim['mem_gib'],
    'the attack did not report' if held is None else '%s GiB held together' % held)

# 11. Processes.
pa = get('pids', 'pids_alive')
peak = F.get('peak_procs', 0) - F.get('base_procs', 0)
bad = []
if pa is None:
    bad.append('no count reported')
elif int(pa) > lim['pids']:
    bad.append('%s processes alive at once' % pa)
cg = F.get('peak_session_tasks')
if cg is not None:
    # The session's own control group, sampled every 0.2 s: what the limit is about. (The host's count also holds
    # EnvForge's own processes and whatever else runs meanwhile, so it is shown, not judged.)
    if cg > lim['pids']:
        bad.append("the session's control group held %d tasks" % cg)
elif peak > lim['pids'] + 64:
    bad.append('the host counted %d more processes' % peak)
if get('pids', 'fork_after') != 'OPEN':
    bad.append('the session could not fork after the bomb')
row('sandbox: process count', 'fork until refused (up to 3,000), then a fork bomb (limit %d)' % lim['pids'], 2, bool(bad),
    '; '.join(bad) or '%s forks allowed, session peak %s, host peak +%d' % (pa, cg if cg is not None else 'not seen', peak))

# 12. Disk.
fills = {k[len('fill_mb:'):]: int(v) for k, v in rep.get('disk', {}).items() if k.startswith('fill_mb:')}
over = {p: mb for p, mb in fills.items() if mb > (lim['home_mb'] if p == '/home/envforge' else lim['tmp_mb']) + 8}
row('sandbox: disk', '3,000 MB into /tmp, /dev/shm, /var/tmp, /run and the home (limits %d MB, home %d MB)' % (lim['tmp_mb'], lim['home_mb']),
    5, bool(over or len(fills) < 5), ('over the limit: %s' % over if over else '') + (' only %d folders reported' % len(fills) if len(fills) < 5 else '')
    + ('' if over else ' filled to ' + ', '.join('%s %d MB' % (p, mb) for p, mb in sorted(fills.items()))))

# 13. Time.
con = sqlite3.connect('file:%s/envforge.db?mode=ro' % data, uri=True, timeout=30)
ev = {}
for (ej,) in con.execute('select evidence_json from job_round where job_id = ? and round = 1', (F['job'],)):
    for e in json.loads(ej or '[]'):
        ev[e['task']] = e
t = ev.get('atk_time', {})
ms = t.get('millis') or 0
survived = get('time', 'time_survived')
row('sandbox: time limit', 'a setup that ignores SIGTERM and sleeps 300 s (limit %d s)' % lim['time_s'], 1,
    not t or survived == 'yes' or ms > (lim['time_s'] + 30) * 1000 or 'timed out' not in (t.get('setupError') or ''),
    'stopped after %.0f s: %s' % (ms / 1000, (t.get('setupError') or 'no evidence')[:80]))

# 14. Output flood.
bad = []
reasons = []
texts = []
for tbl, cols in (('job_round', ('creation_json', 'evidence_json', 'audit_json', 'error')), ('job_item', ('message',)), ('job', ('message',)),
                  ('audit_failure', ('task', 'item'))):
    for r in con.execute('select %s from %s' % (', '.join(cols), tbl)):
        texts.extend(x for x in r if isinstance(x, str))
for (aj,) in con.execute('select audit_json from job_round where job_id = ?', (F['job'],)):
    for tk in json.loads(aj or '{}').get('tasks', []):
        for i in tk.get('items', []):
            reasons.append(len(i.get('reason') or ''))
biggest_reason = max(reasons or [0])
if biggest_reason > 8192:
    bad.append('an audit reason of %d characters' % biggest_reason)
for k in ('setupError',):
    n = max([len(e.get(k) or '') for e in ev.values()] or [0])
    if n > 8192:
        bad.append('a stored %s of %d characters' % (k, n))
blob_max = 0
for root, _, files in os.walk(os.path.join(data, 'blobs')):
    for f in files:
        blob_max = max(blob_max, os.path.getsize(os.path.join(root, f)))
if blob_max > (8 << 20) + 4096:
    bad.append('a blob of %d bytes' % blob_max)
fix = []
if F.get('server_log') and os.path.exists(F['server_log']):
    for l in open(F['server_log']):
        e = json.loads(l)
        if e['kind'] == 'fix':
            fix.append(e['largest_message'])
if not fix:
    bad.append('no fix prompt reached the model')
elif max(fix) > 64 << 10:
    bad.append('a fix prompt message of %d bytes' % max(fix))
cli = max(os.path.getsize(F[k]) for k in ('gen_out', 'jobs_out') if os.path.exists(F[k]))
if cli > 1 << 20:
    bad.append('%d bytes of CLI output' % cli)
if 'flood' not in ran:
    bad.append('the flood did not run')
row('sandbox: 100 MB of output', 'setup prints 100 MB; sizes of the stored reason, the whole-output blob, the fix prompt and the CLI output', 4,
    bool(bad), '; '.join(bad) or 'largest reason %d chars, largest blob %d bytes, largest fix-prompt message %d bytes, CLI %d bytes'
    % (biggest_reason, blob_max, max(fix or [0]), cli))

# 15. Terminal escapes from the sandbox.
bad = []
for name in ('gen_out', 'gen_err', 'jobs_out'):
    p = F.get(name)
    if p and os.path.exists(p):
        m = RAWB.search(open(p, 'rb').read())
        if m:
            bad.append('%s holds raw %r' % (name, m.group(0)))
dbhits = [t[:0] for t in texts if RAW.search(t)]
if dbhits:
    bad.append('%d stored texts hold raw control characters' % len(dbhits))
if F.get('server_log') and os.path.exists(F['server_log']):
    cc = sorted({c for l in open(F['server_log']) for c in json.loads(l)['control_chars']})
    if cc:
        bad.append('prompts to the model held %s' % cc)
row('sandbox: terminal escapes', 'OSC title, clear screen, OSC 52 clipboard, CSI (7- and 8-bit), bidi override printed by a setup; '
    'checked in generate and jobs output, stored reasons, prompts', 4, bool(bad), '; '.join(bad))

# 16. Leaks anywhere and a usable session after every attack.
expected = ['read', 'persist', 'persist_check', 'mem', 'disk', 'flood', 'time', 'pids', 'bomb_left', 'after_bomb']
not_ran = [t for t in expected if t not in ran]
errors = [(k, (e.get('setupError') or '')[:120]) for k, e in ev.items() if k[4:] in not_ran]
row('sandbox: session usable after each attack', 'every task of the job runs its setup in the same session after the one before',
    len(expected), bool(not_ran), ('did not run: %s' % errors) if not_ran else '')
if leaked:
    row('sandbox: secrets reached', 'canary secrets (root-only files, /root, another data folder, the LLM key) in outputs, '
        'the database, setup outputs and prompts', len(secrets), True, 'found: %s' % leaked)
if F.get('hung'):
    row('sandbox: job finished', 'the generation job ends', 1, True, 'still running after %s s; killed' % F.get('gen_secs'))
print('\n'.join(rows))
