#!/usr/bin/env python3
"""Judges the smaller attacks of the suite; prints one TSV row (attack, tried, count, held|BROKE, evidence).

Usage: judge_misc.py KIND FACTS_JSON
KIND: sessions | hang | reply-escapes | http500 | redirect | huge
"""
import json, os, re, sqlite3, sys

kind = sys.argv[1]
if kind == 'where':
    # where a killed job was stuck: the worker thread's top frames in its saved jstack
    d, rc, hung, limit = sys.argv[2], int(sys.argv[3]), sys.argv[4] == 'true', int(sys.argv[5])
    where = ''
    if hung and os.path.exists(d + '/jstack.txt'):
        for th in open(d + '/jstack.txt', errors='replace').read().split('\n\n'):
            if 'EvidenceCollector' in th:
                frames = [l.strip()[3:].split('(')[0] for l in th.splitlines() if l.strip().startswith('at ')]
                ours = [f.replace('org.envforge.', '') for f in frames if f.startswith('org.envforge.')][:3]
                where = 'stuck in %s < %s' % (frames[0] if frames else '?', ' < '.join(ours))
                break
    print(json.dumps({'rc': rc, 'hung': hung, 'limit': limit, 'where': where}))
    sys.exit(0)
F = json.load(open(sys.argv[2]))
RAWB = re.compile(rb'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]')


def out(attack, tried, count, broke, evidence):
    print('\t'.join([attack, tried, str(count), 'BROKE' if broke else 'held', evidence.replace('\t', ' ').replace('\n', ' ')[:500]]))


def read(p):
    return open(p, 'rb').read() if p and os.path.exists(p) else b''


def blobs_text(data):
    b = []
    for root, _, files in os.walk(os.path.join(data, 'blobs')):
        for f in files:
            x = open(os.path.join(root, f), 'rb').read()
            if b'ATK' in x:
                b.append(x.decode('utf-8', 'replace'))
    return '\n'.join(b)


def raw_in(files):
    hits = []
    for name, p in files.items():
        m = RAWB.search(read(p))
        if m:
            hits.append('%s: raw %r' % (name, m.group(0)))
    return hits


def server(p):
    return [json.loads(l) for l in open(p)] if p and os.path.exists(p) else []


if kind == 'sessions':
    t = blobs_text(F['data'])
    found = re.search(r'ATK session_b\.session_files (.*)', t)
    leaks = [l for l in t.splitlines() if l.startswith('ATK-LEAK') and ('ATKSECRET' in l)]
    ran = re.search(r'ATK session_b\.done', t) is not None
    same = [l for l in leaks if F['same_secret'] in l]
    other = [l for l in leaks if F['other_secret'] in l]
    ev = []
    if not ran:
        ev.append('the searching task did not run')
    if same:
        ev.append('read the home of a session of the same job')
    if other:
        ev.append('read the home of a session of another EnvForge process')
    if found and found.group(1).strip() not in ('none', ''):
        ev.append('saw %s' % found.group(1).strip()[:150])
    fb = re.search(r'ATK session_b\.screens_readable (.*)', t)
    if fb and fb.group(1).strip() not in ('none', ''):
        got = re.findall(r'ATK session_b\.read_bytes (\S+) (\d+)', t)
        ev.append('read the screen or app log of another session: %s' % ', '.join('%s (%s bytes)' % (f, n) for f, n in got)[:300])
    out('[%s] sandbox: another session' % F['runtime'], 'a session looks for and reads the home files of a live session of the same job '
        '(2 workers) and of another EnvForge process on another data folder; any readable Xvfb screen file or app log', 3, bool(ev), '; '.join(ev))

elif kind == 'hang':
    ev = []
    for name, f in F['runs'].items():
        if f['hung']:
            ev.append('%s: the job was still running after %d s, %s' % (name, f['limit'], f.get('where', '')))
        elif f.get('rc') not in (0, 1):
            ev.append('%s: generate exit %s' % (name, f.get('rc')))
    out('creator: stall the job', 'an oracle "wait" of 100,000 s; a wait_for_window of 100,000 s; a checker regular expression with '
        'catastrophic backtracking (^(.*a){20}b on 64 a\'s)', len(F['runs']), bool(ev),
        '; '.join(ev) or 'each job ended within %d s' % max(f['limit'] for f in F['runs'].values()))

elif kind == 'reply-escapes':
    hits = raw_in(F['outputs'])
    srv = server(F['server_log'])
    big = max([e['bytes'] for e in srv] or [0])
    ev = hits[:]
    if F.get('rc') not in (0, 1):
        ev.append('generate exit %s' % F.get('rc'))
    out('creator: escapes in the draft', 'instruction, file name, checklist and provenance with OSC/CSI/C1/bidi; a refused reply '
        'whose field holds escapes and 1 MB; checked in generate, env list, env show, jobs', len(F['outputs']), bool(hits),
        '; '.join(ev) or 'no raw control character in %d outputs; largest request back to the model %d bytes' % (len(F['outputs']), big))

elif kind == 'http500':
    hits = raw_in(F['outputs'])
    out('LLM endpoint: HTTP 500 with escapes', 'an error body with OSC title, clear screen and OSC 52, Retry-After 1; 2 attempts',
        len(F['outputs']), bool(hits) or F.get('rc') not in (0, 1), '; '.join(hits) or 'generate exit %s, output clean' % F.get('rc'))

elif kind == 'redirect':
    b = server(F['target_log'])
    got = [e for e in b if e.get('authorization')]
    out('LLM endpoint: redirect to another origin', 'the endpoint answers 307 to a server on another port; ENVFORGE_LLM_KEY set', 1,
        bool(got), ('the bearer key was sent to the redirect target (%d requests with Authorization)' % len(got)) if got
        else ('%d requests followed the redirect, none with the key' % len(b)))

elif kind == 'huge':
    srv = server(F['server_log'])
    big = max([e['bytes'] for e in srv] or [0])
    text = (read(F['gen_out']) + read(F['gen_err'])).decode('utf-8', 'replace')
    oom = 'OutOfMemoryError' in text
    ev = []
    if F['hung']:
        ev.append('still running after %d s' % F['limit'])
    if oom:
        ev.append('OutOfMemoryError')
    if F.get('rc') not in (0, 1) and not F['hung']:
        ev.append('generate exit %s' % F.get('rc'))
    out('LLM endpoint: a %d MB reply' % F['mb'], 'one reply of %d MB (a refused draft), then sound replies' % F['mb'], 1, bool(ev),
        '; '.join(ev) or 'job ended (exit %s); the refused reply went back to the model: largest request %d bytes' % (F.get('rc'), big))
