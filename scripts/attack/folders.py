#!/usr/bin/env python3
"""Makes crafted import folders for the attack suite and writes the list of cases as JSON lines.

Usage: folders.py OUT_DIR CANARY_FILE TOKEN > cases.jsonl

Each case: {"name", "kind": "env"|"traj", "args": [paths], "expect": [substrings the output must hold,
case-insensitive: the file and the field or what is wrong], "outside": [host paths that must not
appear], "show": [commands whose output must carry no raw escapes], "baseline": true when the case
re-imports the stored baseline and must leave it as it was}.
The baseline itself is the case named "baseline" (env) and "baseline-traj" (traj), imported first.
"""
import json, os, struct, sys, zlib

OUT, CANARY, TOKEN = sys.argv[1], sys.argv[2], sys.argv[3]
ESC = '\x1b]0;ATK-TITLE\x07\x1b[2J\x1b]52;c;QVRLLUNMSVA=\x07\x9b31m\u202e'
cases = []


def w(path, data, mode='w'):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(data)


def task_doc(tid, env_id, **over):
    d = {'id': tid + '@1', 'version': '1.0', 'env_id': env_id,
         'description': 'Open the file ~/report.txt and add the line "done" at its end.',
         'init': {'timeout_sec': 60, 'max_steps': 10, 'reward_type': 'sparse'},
         'hooks': {'pre_task': '/workspace/tasks/%s/setup_task.sh' % tid},
         'success': {'mode': 'program', 'spec': {'program': 'verifier.py::verify'}}}
    d.update(over)
    return d


def gym(folder, env_id, tasks=('t1', 't2'), env_over=None, task_over=None, name=None):
    """A Gym-Anything environment folder; returns its path."""
    name = name or folder
    root = os.path.join(OUT, 'env', folder, name)
    env = {'id': env_id, 'version': '0.1', 'base': 'ubuntu-gnome', 'description': 'attack-suite environment',
           'mounts': [{'source': 'benchmarks/cua_world/environments/%s/tasks' % name, 'target': '/workspace/tasks', 'mode': 'ro'}],
           'hooks': {}}
    env.update(env_over or {})
    w(os.path.join(root, 'env.json'), json.dumps(env, indent=2))
    for t in tasks:
        doc = task_doc(t, env_id, **((task_over or {}).get(t, {})))
        w(os.path.join(root, 'tasks', t, 'task.json'), json.dumps(doc, indent=2))
        w(os.path.join(root, 'tasks', t, 'setup_task.sh'), '#!/bin/bash\necho setting up %s\n' % t)
        w(os.path.join(root, 'tasks', t, 'vlm_checklist.json'), json.dumps(
            {'task_id': t + '@1', 'task_completion': [{'id': 'a', 'description': 'done', 'points': 100, 'visual_evidence': 'x'}]}))
        w(os.path.join(root, 'tasks', t, 'verifier.py'), 'def verify(*a, **k):\n    return {"passed": False}\n')
    return root


def osworld(folder, tid, snapshot='chrome', **over):
    root = os.path.join(OUT, 'env', folder)
    d = {'id': tid, 'snapshot': snapshot, 'instruction': 'Open the settings page.', 'source': 'attack-suite', 'config': [],
         'related_apps': ['chrome'], 'evaluator': {'func': 'exact_match', 'result': {'type': 'vm_command_line', 'command': 'true'},
                                                   'expected': {'type': 'rule', 'rules': {'expected': 'x'}}}}
    d.update(over)
    w(os.path.join(root, 'task.json'), json.dumps(d, indent=2))
    return root


def case(name, kind, args, expect, **kw):
    c = {'name': name, 'kind': kind, 'args': args, 'expect': expect}
    c.update(kw)
    cases.append(c)


# ---- environments -------------------------------------------------------------------------------
base = gym('baseline', 'atk_base_env@0.1', name='atk_base_env')
case('baseline', 'env', [base], [])
base_os = osworld('baseline_os', 'atk-base-osworld-1')
case('baseline-os', 'env', [base_os], [])

# Paths that climb out, in the fields that become names on export.
p = osworld('os_id_traversal', 'x', id='../../../../tmp/atk-%s-osid' % TOKEN)
case('osworld id ../../tmp/x', 'env', [p], ['task.json', '/id'], outside=['/tmp/atk-%s-osid' % TOKEN, '/tmp/atk-%s-osid.json' % TOKEN])
p = osworld('os_snapshot_traversal', 'atk-snap-1', snapshot='../../../../tmp/atk-%s-snap' % TOKEN)
case('osworld snapshot ../../tmp/x', 'env', [p], ['task.json', '/snapshot'], outside=['/tmp/atk-%s-snap' % TOKEN])
p = osworld('os_id_dotdot', 'x', id='..')
case('osworld id ..', 'env', [p], ['task.json', '/id'])
p = osworld('os_id_escape', 'x', id='atk' + ESC)
case('osworld id with escapes', 'env', [p], ['task.json', '/id'])
p = osworld('os_id_absolute', 'x', id='/tmp/atk-%s-abs' % TOKEN)
case('osworld id /tmp/x', 'env', [p], ['task.json', '/id'], outside=['/tmp/atk-%s-abs' % TOKEN])
p = gym('env_id_traversal', '../../../../tmp/atk-%s-envid' % TOKEN, name='atk_envid_env')
case('env.json id ../../tmp/x', 'env', [p], ['env.json', '/id'], outside=['/tmp/atk-%s-envid' % TOKEN])
p = gym('task_id_traversal', 'atk_tid_env@0.1', tasks=('t1',), task_over={'t1': {'id': '../../../../tmp/atk-%s-tid' % TOKEN}},
        name='atk_tid_env')
# The task id is not a path in this format (the folder name is): it may be kept, but nothing may land outside on export.
case('task.json id ../../tmp/x', 'env', [p], [], outside=['/tmp/atk-%s-tid' % TOKEN])
p = gym('hook_traversal', 'atk_hook_env@0.1', tasks=('t1',),
        task_over={'t1': {'hooks': {'pre_task': '/workspace/tasks/../../../../../..' + CANARY}}}, name='atk_hook_env')
# A hook naming a guest path outside the mounts is a guest command, not a file of the folder: it must not be read.
case('hook script ../../../secret', 'env', [p], [])
p = gym('mount_absolute', 'atk_mount_env@0.1', tasks=('t1',), env_over={'mounts': [{'source': '/etc', 'target': '/workspace/tasks'}]},
        name='atk_mount_env')
case('mount source /etc', 'env', [p], ['env.json', '/mounts/0/source'])
p = gym('mount_climb', 'atk_mclimb_env@0.1', tasks=('t1',),
        env_over={'mounts': [{'source': '../../../../etc', 'target': '/workspace/tasks'}]}, name='atk_mclimb_env')
case('mount source ../../etc', 'env', [p], ['env.json', '/mounts/0/source'])

# Links out of the folder, FIFOs, devices.
p = gym('link_script', 'atk_link_env@0.1', tasks=('t1',), name='atk_link_env')
os.remove(os.path.join(p, 'tasks/t1/setup_task.sh'))
os.symlink(CANARY, os.path.join(p, 'tasks/t1/setup_task.sh'))
case('setup_task.sh -> root-only file', 'env', [p], ['setup_task.sh', 'outside'])
p = gym('link_taskjson', 'atk_linkj_env@0.1', tasks=('t1',), name='atk_linkj_env')
outside_task = os.path.join(OUT, 'outside', 'task.json')
w(outside_task, json.dumps(task_doc('t1', 'atk_linkj_env@0.1')))
os.remove(os.path.join(p, 'tasks/t1/task.json'))
os.symlink(outside_task, os.path.join(p, 'tasks/t1/task.json'))
case('task.json -> file outside', 'env', [p], ['task.json', 'outside'])
p = gym('link_envjson', 'atk_linke_env@0.1', tasks=('t1',), name='atk_linke_env')
outside_env = os.path.join(OUT, 'outside', 'env.json')
w(outside_env, open(os.path.join(p, 'env.json')).read())
os.remove(os.path.join(p, 'env.json'))
os.symlink(outside_env, os.path.join(p, 'env.json'))
case('env.json -> file outside', 'env', [p], ['env.json', 'outside'])
p = gym('link_tasksdir', 'atk_linkd_env@0.1', tasks=('t1',), name='atk_linkd_env')
outside_dir = os.path.join(OUT, 'outside', 'tasks')
os.rename(os.path.join(p, 'tasks'), outside_dir)
os.symlink(outside_dir, os.path.join(p, 'tasks'))
case('tasks/ -> folder outside', 'env', [p], ['tasks', 'outside'])
p = gym('link_loop', 'atk_loop_env@0.1', tasks=('t1',), name='atk_loop_env')
os.remove(os.path.join(p, 'tasks/t1/task.json'))
os.symlink('task2.json', os.path.join(p, 'tasks/t1/task.json'))
os.symlink('task.json', os.path.join(p, 'tasks/t1/task2.json'))
case('task.json is a link loop', 'env', [p], ['task.json'])
p = gym('fifo_task', 'atk_fifo_env@0.1', tasks=('t1',), name='atk_fifo_env')
os.remove(os.path.join(p, 'tasks/t1/task.json'))
os.mkfifo(os.path.join(p, 'tasks/t1/task.json'))
case('task.json is a FIFO', 'env', [p], ['task.json', 'fifo'])
p = gym('fifo_link', 'atk_fifol_env@0.1', tasks=('t1',), name='atk_fifol_env')
os.mkfifo(os.path.join(p, 'tasks/t1/pipe'))
os.remove(os.path.join(p, 'tasks/t1/setup_task.sh'))
os.symlink('pipe', os.path.join(p, 'tasks/t1/setup_task.sh'))
case('setup_task.sh -> FIFO inside', 'env', [p], ['setup_task.sh', 'fifo'])
fifo = os.path.join(OUT, 'env', 'fifo_direct.json')
os.mkfifo(fifo)
case('a FIFO passed as the path', 'env', [fifo], ['fifo_direct.json', 'fifo'])
p = gym('device_link', 'atk_dev_env@0.1', tasks=('t1',), name='atk_dev_env')
os.remove(os.path.join(p, 'tasks/t1/setup_task.sh'))
os.symlink('/dev/zero', os.path.join(p, 'tasks/t1/setup_task.sh'))
case('setup_task.sh -> /dev/zero', 'env', [p], ['setup_task.sh'])

# Size.
p = gym('huge_script', 'atk_huge_env@0.1', tasks=('t1',), name='atk_huge_env')
with open(os.path.join(p, 'tasks/t1/setup_task.sh'), 'wb') as f:
    f.truncate(60 << 20)
case('setup_task.sh of 60 MB', 'env', [p], ['setup_task.sh', 'MB'])
p = gym('huge_sparse', 'atk_sparse_env@0.1', tasks=('t1',), name='atk_sparse_env')
with open(os.path.join(p, 'tasks/t1/task.json'), 'wb') as f:
    f.truncate(8 << 30)
case('task.json of 8 GB (sparse)', 'env', [p], ['task.json', 'MB'])
p = gym('long_string', 'atk_long_env@0.1', tasks=('t1',), name='atk_long_env')
doc = task_doc('t1', 'atk_long_env@0.1', description='x' * (30 << 20))
w(os.path.join(p, 'tasks/t1/task.json'), json.dumps(doc))
case('task.json with a 30 MB string', 'env', [p], ['task.json'])
p = gym('deep_json', 'atk_deep_env@0.1', tasks=('t1',), name='atk_deep_env')
w(os.path.join(p, 'tasks/t1/task.json'), '{"id": "t1@1", "x": ' + '[' * 200000 + ']' * 200000 + '}')
case('task.json nested 200,000 deep', 'env', [p], ['task.json'])

# Odd shapes.
p = gym('taskjson_dir', 'atk_tdir_env@0.1', tasks=('t1',), name='atk_tdir_env')
os.remove(os.path.join(p, 'tasks/t1/task.json'))
os.makedirs(os.path.join(p, 'tasks/t1/task.json'))
case('task.json is a folder', 'env', [p], ['task.json', 'folder'])
p = gym('envjson_dir', 'atk_edir_env@0.1', tasks=('t1',), name='atk_edir_env')
os.remove(os.path.join(p, 'env.json'))
os.makedirs(os.path.join(p, 'env.json'))
case('env.json is a folder', 'env', [p], ['env.json', 'folder'])
p = gym('tasks_file', 'atk_tfile_env@0.1', tasks=(), name='atk_tfile_env')
w(os.path.join(p, 'tasks'), 'not a folder')
case('tasks is a file', 'env', [p], ['tasks', 'file'])
p = gym('bad_utf8_task', 'atk_utf_env@0.1', tasks=('t1',), name='atk_utf_env')
raw = json.dumps(task_doc('t1', 'atk_utf_env@0.1', description='@@BAD@@')).encode().replace(b'@@BAD@@', b'caf\xe9 \xff\xfe')
w(os.path.join(p, 'tasks/t1/task.json'), raw, 'wb')
case('task.json not UTF-8', 'env', [p], ['task.json', 'UTF-8'])
p = gym('bad_utf8_env', 'atk_utfe_env@0.1', tasks=('t1',), name='atk_utfe_env')
raw = json.dumps({'id': 'atk_utfe_env@0.1', 'version': '0.1', 'description': '@@BAD@@'}).encode().replace(b'@@BAD@@', b'\xc3\x28')
w(os.path.join(p, 'env.json'), raw, 'wb')
case('env.json not UTF-8', 'env', [p], ['env.json', 'UTF-8'])
p = gym('dup_ids', 'atk_dup_env@0.1', tasks=('t1', 't2'), task_over={'t2': {'id': 't1@1'}}, name='atk_dup_env')
case('two tasks with one id', 'env', [p], ['t2', 'task.json'])
p = gym('deep_tree', 'atk_deept_env@0.1', tasks=('t1',), name='atk_deept_env')
d = os.path.join(OUT, 'env', 'deep_tree')
deep = d
for i in range(300):
    deep = os.path.join(deep, 'd')
os.makedirs(deep, exist_ok=True)
case('a folder 300 levels deep beside an env', 'env', [d], [])

# Escapes in text and names: import may succeed, but the CLI must print them escaped.
p = gym('escapes', 'atk_esc_env@0.1', tasks=('t1',), name='atk_esc_env',
        task_over={'t1': {'description': ESC + 'Open the file' + ESC}}, env_over={'description': ESC + 'env' + ESC})
w(os.path.join(p, 'tasks/t1', 'notes' + ESC.replace('/', '_') + '.txt'), ESC)
case('escapes in descriptions and file names', 'env', [p], [],
     show=[['env', 'show', 'atk_esc_env@0.1'], ['env', 'show', 'atk_esc_env@0.1/t1'], ['env', 'list', '--tasks'],
           ['env', 'show', 'atk_esc_env@0.1/t1', '--json']])

# Re-imports of the stored baseline that fail must leave it as it was.
p = gym('re_envjson', 'atk_base_env@0.1', name='atk_base_env')
w(os.path.join(p, 'env.json'), '{"id": "atk_base_env@0.1", "version": ')
case('re-import baseline, env.json broken', 'env', [p], ['env.json'], baseline=True)
p = gym('re_task', 'atk_base_env@0.1', name='atk_base_env', task_over={'t2': {'init': {'max_steps': 'ten'}}})
w(os.path.join(p, 'env.json'), open(os.path.join(base, 'env.json')).read())
case('re-import baseline, task t2 broken', 'env', [p], ['t2', '/init/max_steps'], baseline='t2')
p = gym('re_link', 'atk_base_env@0.1', name='atk_base_env')
os.remove(os.path.join(p, 'tasks/t1/setup_task.sh'))
os.symlink(CANARY, os.path.join(p, 'tasks/t1/setup_task.sh'))
case('re-import baseline, script -> secret', 'env', [p], ['setup_task.sh', 'outside'], baseline='t1')
p = gym('re_alltasks', 'atk_base_env@0.1', name='atk_base_env', task_over={'t1': {'success': 'x'}, 't2': {'success': 'x'}})
case('re-import baseline, every task broken', 'env', [p], ['/success'], baseline=True)

# ---- trajectories ---------------------------------------------------------------------------------
PNG_SIG = b'\x89PNG\r\n\x1a\n'


def chunk(t, data):
    return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data) & 0xffffffff)


def png(w_, h_, rows=None):
    raw = rows if rows is not None else b''.join(b'\x00' + b'\x80' * (3 * w_) for _ in range(h_))
    return PNG_SIG + chunk(b'IHDR', struct.pack('>IIBBBBB', w_, h_, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')


def ga_episode(folder, steps=3, first=None, extra=None):
    root = os.path.join(OUT, 'traj', folder)
    lines = [first or {'event': 'reset', 'ts': 0, 'seed': None, 'env': 'xterm', 'task': 'total_employment/2',
                       'instruction': 'Add up the employment column.', 'agent': 'atk-agent'}]
    for i in range(steps):
        lines.append({'event': 'step', 'ts': i + 1, 'idx': i, 'action': [{'mouse': {'left_click': [10 + i, 10]}}], 'response': 'click'})
        w(os.path.join(root, 'frame_%05d.png' % i), png(8, 8), 'wb')
    lines.append({'event': 'finalize', 'ts': steps + 1})
    for l in (extra or []):
        lines.append(l)
    w(os.path.join(root, 'traj.jsonl'), ''.join(json.dumps(l) + '\n' for l in lines))
    w(os.path.join(root, 'summary.json'), json.dumps({'env': 'xterm', 'task': 'total_employment/2', 'steps': steps,
                                                       'verifier': {'passed': True, 'score': 1.0, 'feedback': 'ok'}}))
    return root


def os_result(folder, steps=2):
    root = os.path.join(OUT, 'traj', folder, 'results', 'pyautogui', 'screenshot', 'atk-model', 'chrome', 'task-a')
    lines = []
    for i in range(1, steps + 1):
        shot = 'step_%d_20250101@1200%02d000000.png' % (i, i)
        lines.append({'step_num': i, 'action_timestamp': '20250101@1200%02d000000' % i, 'action': 'pyautogui.click(10, 10)',
                      'response': 'r', 'reward': 0.0, 'done': False, 'info': {}, 'screenshot_file': shot})
        w(os.path.join(root, shot), png(8, 8), 'wb')
    w(os.path.join(root, 'traj.jsonl'), ''.join(json.dumps(l) + '\n' for l in lines))
    w(os.path.join(root, 'result.txt'), '1.0\n')
    return root


case('baseline-traj', 'traj', [ga_episode('baseline')], [])
for make, folder, name in [(ga_episode, 'link_trajjsonl', 'traj.jsonl'), (os_result, 'link_result', 'result.txt'),
                           (ga_episode, 'link_summary', 'summary.json'), (ga_episode, 'link_frame', 'frame_00001.png')]:
    # One file of a sound episode replaced by a link to the root-only canary.
    p = make(folder)
    os.remove(os.path.join(p, name))
    os.symlink(CANARY, os.path.join(p, name))
    case('%s -> root-only file' % ('screenshot' if name.endswith('.png') else name), 'traj', [p], [name, 'outside'])
p = os_result('shot_traversal')
lines = [json.loads(l) for l in open(os.path.join(p, 'traj.jsonl'))]
lines[0]['screenshot_file'] = '../../../../../../../../..' + CANARY
w(os.path.join(p, 'traj.jsonl'), ''.join(json.dumps(l) + '\n' for l in lines))
case('screenshot_file ../../secret', 'traj', [p], ['screenshot_file', 'outside'])
p = ga_episode('fifo_traj')
os.remove(os.path.join(p, 'traj.jsonl'))
os.mkfifo(os.path.join(p, 'traj.jsonl'))
case('traj.jsonl is a FIFO', 'traj', [p], ['traj.jsonl', 'fifo'])
p = ga_episode('fifo_frame')
os.remove(os.path.join(p, 'frame_00000.png'))
os.mkfifo(os.path.join(p, 'frame_00000.png'))
case('screenshot is a FIFO', 'traj', [p], ['frame_00000.png', 'fifo'])
p = ga_episode('bad_utf8_traj')
raw = open(os.path.join(p, 'traj.jsonl'), 'rb').read().replace(b'click', b'cl\xffck', 1)
w(os.path.join(p, 'traj.jsonl'), raw, 'wb')
case('traj.jsonl not UTF-8', 'traj', [p], ['traj.jsonl', 'UTF-8', 'line'])
p = ga_episode('trajjsonl_dir')
os.remove(os.path.join(p, 'traj.jsonl'))
os.makedirs(os.path.join(p, 'traj.jsonl'))
case('traj.jsonl is a folder', 'traj', [p], ['traj.jsonl'])
p = ga_episode('long_line')
with open(os.path.join(p, 'traj.jsonl'), 'a') as f:
    f.write(json.dumps({'event': 'step', 'ts': 9, 'idx': 9, 'action': [], 'response': 'y' * (17 << 20)}) + '\n')
case('a traj.jsonl line of 17 M characters', 'traj', [p], ['traj.jsonl', 'line'])
p = ga_episode('not_png')
w(os.path.join(p, 'frame_00001.png'), os.urandom(1 << 20), 'wb')
case('screenshot of random bytes', 'traj', [p], ['frame_00001.png', 'PNG'])
p = ga_episode('png_bomb')
w(os.path.join(p, 'frame_00001.png'), png(60000, 60000, rows=b'\x00' * 10), 'wb')
case('PNG header of 60000x60000', 'traj', [p], ['frame_00001.png'])
p = ga_episode('huge_png')
with open(os.path.join(p, 'frame_00002.png'), 'wb') as f:
    f.write(png(8, 8))
    f.truncate(80 << 20)
case('screenshot of 80 MB', 'traj', [p], ['frame_00002.png', 'MB'])
p = ga_episode('escapes_traj', first={'event': 'reset', 'ts': 0, 'env': 'xterm' + ESC, 'task': 'total' + ESC,
                                       'instruction': ESC + 'Add' + ESC, 'agent': 'atk' + ESC})
w(os.path.join(p, 'envforge.json'), json.dumps({'task': 'template:xterm/x' + ESC, 'instruction': ESC, 'agent': 'atk' + ESC}))
case('escapes in agent, task and instruction', 'traj', [p], [], show=[['traj', 'list'], ['traj', 'show', 'LAST']])
p = ga_episode('no_traj')
os.remove(os.path.join(p, 'traj.jsonl'))
case('folder without traj.jsonl', 'traj', [p], ['traj.jsonl'])
p = os.path.join(OUT, 'traj', 'deep')
d = p
for i in range(40):
    d = os.path.join(d, 'd')
os.makedirs(d)
case('an empty tree 40 levels deep', 'traj', [p], [])

for c in cases:
    print(json.dumps(c))
