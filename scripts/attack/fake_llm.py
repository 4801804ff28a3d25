#!/usr/bin/env python3
"""A tiny OpenAI-compatible chat server that answers EnvForge's LLM creator with crafted drafts.

Usage: fake_llm.py --scenario FILE --port-file FILE --log FILE [--canaries FILE] [--save-fix FILE]

The scenario is a JSON object:
  {"drafts": {"e1": [DRAFT, ...], "*": [DRAFT, ...]},   # per environment name suffix (_e1), else "*"
   "fix": DRAFT or null,                                 # reply to a fix request (else the task's own draft)
   "mode": "normal" | "http500-escapes" | "redirect" | "huge"}
A DRAFT is the JSON object EnvForge asks for (or a string, sent as is).
Every request is logged as one JSON line: its kind (create/fix/correction), size in bytes, the
largest message, control characters found in any message, canaries found, and headers of note.
"""
import argparse, json, re, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CTRL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]')

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--scenario', required=True)
    ap.add_argument('--port-file', required=True)
    ap.add_argument('--log', required=True)
    ap.add_argument('--canaries', default=None)
    ap.add_argument('--save-fix', default=None)
    ap.add_argument('--huge-mb', type=int, default=0)
    a = ap.parse_args()
    state = {'huge_sent': False}
    canaries = []
    if a.canaries:
        canaries = [l.strip() for l in open(a.canaries) if l.strip()]
    lock = threading.Lock()
    log = open(a.log, 'a')

    def text_of(m):
        c = m.get('content')
        if isinstance(c, str):
            return c
        if isinstance(c, list):
            return '\n'.join(p.get('text', '') for p in c if isinstance(p, dict))
        return ''

    def pick(messages, scenario):
        users = [text_of(m) for m in messages if m.get('role') == 'user']
        first = users[0] if users else ''
        kind = 'create'
        if first.startswith('An auditor ran this task'):
            kind = 'fix'
        if any(m.get('role') == 'assistant' for m in messages):
            kind = 'correction'
        env = re.search(r'environment "([^"]+)"', first)
        env = env.group(1) if env else ''
        suffix = re.search(r'_(e\d+)$', env)
        drafts = scenario.get('drafts', {})
        lst = drafts.get(suffix.group(1) if suffix else '*') or drafts.get('*') or []
        if kind == 'correction' and scenario.get('correction') is not None:
            return kind, env, scenario['correction']
        if kind == 'fix' and scenario.get('fix') is not None:
            return kind, env, scenario['fix']
        if kind in ('fix', 'correction'):
            for d in lst:
                if isinstance(d, dict) and ('"name": "%s"' % d.get('name')) in first:
                    return kind, env, d
        n = re.search(r'Write task (\d+) of', first)
        i = int(n.group(1)) - 1 if n else 0
        return kind, env, (lst[i % len(lst)] if lst else {})

    class H(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def log_message(self, *args):
            pass

        def send(self, code, body, headers=()):
            b = body if isinstance(body, bytes) else body.encode()
            self.send_response(code)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(b)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(b)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (EnvForge reads a reply up to a bound)

        def do_POST(self):
            scenario = json.load(open(a.scenario))
            n = int(self.headers.get('Content-Length') or 0)
            if n > (32 << 20):
                # Too big to parse here: count it, answer with the scenario's fix draft.
                left = n
                while left > 0:
                    left -= len(self.rfile.read(min(left, 1 << 20)) or b'x' * left)
                with lock:
                    log.write(json.dumps({'path': self.path, 'kind': 'oversized', 'env': '', 'bytes': n, 'largest_message': n,
                                          'control_chars': [], 'canaries': [], 'authorization': bool(self.headers.get('Authorization'))}) + '\n')
                    log.flush()
                body = {'id': 'x', 'object': 'chat.completion', 'created': 0, 'model': 'm',
                        'choices': [{'index': 0, 'message': {'role': 'assistant', 'content': json.dumps(scenario.get('fix') or {})},
                                     'finish_reason': 'stop'}], 'usage': {'prompt_tokens': 1, 'completion_tokens': 1, 'total_tokens': 2}}
                self.send(200, json.dumps(body))
                return
            raw = self.rfile.read(n)
            try:
                req = json.loads(raw)
            except Exception:
                req = {}
            msgs = req.get('messages') or []
            texts = [text_of(m) for m in msgs]
            kind, env, draft = pick(msgs, scenario)
            found = sorted({hex(ord(c)) for t in texts for c in CTRL.findall(t)})
            hits = [c for c in canaries if any(c in t for t in texts)]
            entry = {'path': self.path, 'kind': kind, 'env': env, 'bytes': len(raw),
                     'largest_message': max([len(t.encode()) for t in texts] or [0]),
                     'control_chars': found, 'canaries': hits,
                     'authorization': bool(self.headers.get('Authorization'))}
            with lock:
                log.write(json.dumps(entry) + '\n')
                log.flush()
                if kind == 'fix' and a.save_fix:
                    with open(a.save_fix, 'a') as f:
                        f.write(texts[-1] + '\n=====\n')
            mode = scenario.get('mode', 'normal')
            if mode == 'http500-escapes':
                self.send(500, '{"error":{"message":"\x1b]0;ATK-TITLE\x07\x1b[2J\x1b]52;c;QVRL\x07 model overloaded"}}',
                          [('Retry-After', '1')])
                return
            if mode == 'redirect':
                self.send(307, '', [('Location', scenario['redirect_to'] + self.path)])
                return
            content = draft if isinstance(draft, str) else json.dumps(draft)
            if mode == 'huge' and kind == 'create' and not state['huge_sent']:
                state['huge_sent'] = True
                content = '{"name": "' + 'A' * (a.huge_mb << 20) + '"}'
            elif mode == 'huge':
                content = json.dumps(scenario.get('fix') or {})
            body = {'id': 'chatcmpl-atk', 'object': 'chat.completion', 'created': 0, 'model': req.get('model', 'm'),
                    'choices': [{'index': 0, 'message': {'role': 'assistant', 'content': content}, 'finish_reason': 'stop'}],
                    'usage': {'prompt_tokens': 1, 'completion_tokens': 1, 'total_tokens': 2}}
            self.send(200, json.dumps(body))

        def do_GET(self):
            self.send(200, '{"data":[{"id":"atk-model","object":"model"}]}')

    srv = ThreadingHTTPServer(('127.0.0.1', 0), H)
    srv.daemon_threads = True
    with open(a.port_file + '.tmp', 'w') as f:
        f.write(str(srv.server_address[1]))
    import os
    os.replace(a.port_file + '.tmp', a.port_file)
    srv.serve_forever()

if __name__ == '__main__':
    main()
