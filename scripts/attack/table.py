#!/usr/bin/env python3
"""Prints the suite's rows (TSV: attack, tried, count, held|BROKE, evidence) as one table.

Usage: table.py ROWS_TSV [WIDTH]
"""
import sys, textwrap

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
width = int(sys.argv[2]) if len(sys.argv) > 2 else 160
cols = [('attack', 34), ('what was tried', 46), ('runs/cases', 10), ('outcome', max(30, width - 34 - 46 - 10 - 13))]


def cells(r):
    attack, tried, count, outcome, evidence = (r + [''] * 5)[:5]
    out = outcome if outcome == 'held' else 'BROKE: ' + evidence
    if outcome == 'held' and evidence:
        out = 'held (' + evidence + ')'
    return [attack, tried, count, out]


def line(vals):
    wrapped = [textwrap.wrap(v, w) or [''] for v, (_, w) in zip(vals, cols)]
    n = max(len(x) for x in wrapped)
    for i in range(n):
        print('| ' + ' | '.join((x[i] if i < len(x) else '').ljust(w) for x, (_, w) in zip(wrapped, cols)) + ' |')


sep = '+-' + '-+-'.join('-' * w for _, w in cols) + '-+'
print(sep)
line([c for c, _ in cols])
print(sep)
for r in rows:
    line(cells(r))
    print(sep)
broke = sum(1 for r in rows if len(r) > 3 and r[3] != 'held')
print('%d attacks, %d held, %d broke' % (len(rows), len(rows) - broke, broke))
