#!/usr/bin/env python3
"""QMP side of `make demo`: connect, negotiate, show the machine, quit."""
import json
import socket
import sys
import time


def connect(path):
    for _ in range(200):
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            return s
        except OSError:
            time.sleep(0.02)
    sys.exit('demo: no QMP socket at ' + path)


class Qmp:
    def __init__(self, path):
        self.f = connect(path).makefile('rw')
        self.greeting = json.loads(self.f.readline())

    def cmd(self, name, **args):
        req = {'execute': name}
        if args:
            req['arguments'] = args
        print('-> ' + json.dumps(req))
        self.f.write(json.dumps(req) + '\n')
        self.f.flush()
        while True:
            reply = json.loads(self.f.readline())
            if 'event' in reply:
                print('<- event ' + json.dumps(reply))
                continue
            return reply


def tree(q, path, depth=0):
    for prop in q.cmd_quiet('qom-list', path=path):
        if prop['type'].startswith('child<'):
            child = path.rstrip('/') + '/' + prop['name']
            print('  ' * depth + '%s (%s)' % (prop['name'], prop['type'][6:-1]))
            tree(q, child, depth + 1)


def cmd_quiet(self, name, **args):
    req = {'execute': name, 'arguments': args}
    self.f.write(json.dumps(req) + '\n')
    self.f.flush()
    while True:
        reply = json.loads(self.f.readline())
        if 'event' not in reply:
            return reply.get('return', [])


Qmp.cmd_quiet = cmd_quiet


def main():
    q = Qmp(sys.argv[1])
    print('<- greeting ' + json.dumps(q.greeting))
    print('<- ' + json.dumps(q.cmd('qmp_capabilities')))
    print('<- ' + json.dumps(q.cmd('query-version')))
    print('<- ' + json.dumps(q.cmd('query-status')))
    print('<- ' + json.dumps(q.cmd('query-name')))
    print('QOM composition tree (qom-list, recursively):')
    print('/')
    tree(q, '/', 1)
    print('<- ' + json.dumps(q.cmd('quit')))


if __name__ == '__main__':
    main()
