#!/usr/bin/env python3
"""Writes a scenario file for fake_llm.py: creator drafts for the xterm plugin that carry attacks.

Usage: drafts.py SCENARIO OUT [KEY=VALUE ...]
The KEY=VALUE pairs become shell variables ahead of inside.sh in each setup script (ATK_*), and
some scenarios read a few of them (see below).
"""
import json, os, shlex, sys

HERE = os.path.dirname(os.path.abspath(__file__))
INSIDE = open(os.path.join(HERE, 'inside.sh')).read()


def base(name, setup='', **over):
    d = {
        'name': name,
        'instruction': 'Using the terminal, write the number of rows of ~/data/x.tsv into ~/answers/rows.txt.',
        'difficulty': 'easy', 'max_steps': 20, 'timeout_sec': 300,
        'files': {'data/x.tsv': 'a\tb\n1\t2\n3\t4\n'},
        'setup': setup,
        'launch': ['xterm', '-T', 'EnvForge Terminal'],
        'window_title': '^EnvForge Terminal$',
        'checker': {'conditions': [{'probe': 'file_text', 'args': {'path': '~/answers/rows.txt'}, 'op': 'equals_number',
                                    'expected': 2}]},
        'checklist': {'completion': [{'id': 'answer', 'description': 'the row count is written', 'points': 100,
                                      'visual_evidence': 'the file'}],
                      'integrity': [{'id': 'data', 'description': 'the data is untouched', 'visual_evidence': 'x'}],
                      'note': '2 rows'},
        'privileged_info': [{'key': 'rows', 'value': 2, 'source': 'counted in data/x.tsv'}],
        'oracle': [{'control': {'wait_for_window': {'title': 'EnvForge Terminal', 'timeout': 10}}},
                   {'keyboard': {'text': 'mkdir -p ~/answers; echo 2 > ~/answers/rows.txt'}},
                   {'keyboard': {'keys': ['enter']}}, {'control': {'wait': 0.5}}],
        'provenance': 'a two-row test table',
    }
    d.update(over)
    return d


def attack(mode, params, **extra):
    v = dict(params)
    v['ATK_MODE'] = mode
    v['ATK_TAG'] = extra.pop('tag', mode)
    v.update(extra)
    head = ''.join('%s=%s\n' % (k, shlex.quote(str(val))) for k, val in sorted(v.items()) if k.startswith('ATK_'))
    return base('atk_' + v['ATK_TAG'], head + INSIDE)


def main():
    scenario, out = sys.argv[1], sys.argv[2]
    p = dict(a.split('=', 1) for a in sys.argv[3:])
    quick_fix = base('fixed', 'echo "fixed draft" >&2; exit 3')
    if scenario == 'sandbox':
        modes = p.get('MODES', 'read,persist,persist_check,mem,disk,flood,time,pids,bomb_left,persist_check').split(',')
        drafts = []
        for i, m in enumerate(modes):
            tag = 'after_bomb' if m == 'persist_check' and 'pids' in modes[:i] else m
            drafts.append(attack(m, p, tag=tag))
        s = {'drafts': {'*': drafts}, 'fix': quick_fix}
    elif scenario == 'sessions':
        s = {'drafts': {'e1': [attack('session_a', p)], 'e2': [attack('session_b', p)]}, 'fix': quick_fix}
    elif scenario == 'hang-wait':
        d = base('atk_hang_wait', 'true')
        d['oracle'] = [{'control': {'wait': 100000}}]
        s = {'drafts': {'*': [d]}, 'fix': quick_fix}
    elif scenario == 'hang-window':
        d = base('atk_hang_window', 'true')
        d['oracle'] = [{'control': {'wait_for_window': {'title': 'never-shown-window', 'timeout': 100000}}}]
        s = {'drafts': {'*': [d]}, 'fix': quick_fix}
    elif scenario == 'hang-regex':
        # A regular expression the host evaluates against what a probe printed (catastrophic backtracking).
        d = base('atk_hang_regex', 'true')
        d['checker'] = {'conditions': [{'probe': 'command', 'args': {'command': 'printf "a%.0s" $(seq 1 64)'}, 'op': 'matches',
                                        'expected': '^(.*a){20}b'}]}
        s = {'drafts': {'*': [d]}, 'fix': quick_fix}
    elif scenario == 'reply-escapes':
        esc = '\x1b]0;ATK-TITLE\x07\x1b[2J\x1b]52;c;QVRLLUNMSVA=\x07\u009b31m\u202e'
        d = base('atk_reply_escapes', 'true')
        d['instruction'] = esc + 'Using the terminal, write the number of rows of ~/data/x.tsv into ~/answers/rows.txt.' + esc
        d['files'] = {'data/x.tsv': 'a\tb\n1\t2\n3\t4\n', 'data/' + esc.replace('/', '_') + '.txt': esc}
        d['provenance'] = esc + 'test'
        d['checklist']['completion'][0]['description'] = esc + 'written'
        bad = dict(d)
        bad['difficulty'] = esc + ('x' * int(p.get('BIG', '1000000'))) + esc
        s = {'drafts': {'*': [bad]}, 'fix': quick_fix, 'then': d}
        # the first reply is refused (difficulty), the correction gets the sound draft
        s['drafts']['*'] = [bad]
        s['correction'] = d
    elif scenario == 'hostile-http':
        s = {'drafts': {'*': [quick_fix]}, 'mode': 'http500-escapes'}
    elif scenario == 'redirect':
        s = {'drafts': {'*': [quick_fix]}, 'mode': 'redirect', 'redirect_to': p['TARGET']}
    elif scenario == 'huge':
        s = {'drafts': {'*': [quick_fix]}, 'mode': 'huge'}
    elif scenario == 'plain':
        s = {'drafts': {'*': [quick_fix]}}
    else:
        raise SystemExit('unknown scenario ' + scenario)
    json.dump(s, open(out, 'w'))


if __name__ == '__main__':
    main()
