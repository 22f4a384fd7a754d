#!/usr/bin/env python3
"""QMP side of `make demo`: connect, negotiate, show the machine.

Used as a module by demo-ccw.py; run alone (demo-qmp.py SOCKET) it shows
the machine behind a QMP socket and quits it.
"""
import json
import socket
import sys
import time


def connect(path, tries=250):
    for _ in range(tries):
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            return s
        except OSError:
            s.close()
            time.sleep(0.02)
    raise RuntimeError('no QMP socket at ' + path)


class Qmp:
    def __init__(self, path):
        self.f = connect(path).makefile('rw')
        self.greeting = json.loads(self.f.readline())

    def _send(self, name, args):
        req = {'execute': name}
        if args:
            req['arguments'] = args
        self.f.write(json.dumps(req) + '\n')
        self.f.flush()
        return req

    def _reply(self, verbose):
        while True:
            line = self.f.readline()
            if not line:
                raise RuntimeError('QMP connection closed')
            reply = json.loads(line)
            if 'event' in reply:
                if verbose:
                    print('<- event ' + json.dumps(reply))
                continue
            return reply

    def cmd(self, name, **args):
        """Send a command, print it and its reply, return the reply."""
        print('-> ' + json.dumps(self._send(name, args)))
        reply = self._reply(True)
        print('<- ' + json.dumps(reply))
        return reply

    def cmd_quiet(self, name, **args):
        """Send a command; its 'return' value (error: RuntimeError)."""
        self._send(name, args)
        reply = self._reply(False)
        if 'error' in reply:
            raise RuntimeError('%s: %s' % (name, reply['error']['desc']))
        return reply['return']


def tree(q, path, depth=0):
    for prop in q.cmd_quiet('qom-list', path=path):
        if prop['type'].startswith('child<'):
            child = path.rstrip('/') + '/' + prop['name']
            print('  ' * depth + '%s (%s)' % (prop['name'], prop['type'][6:-1]))
            tree(q, child, depth + 1)


def show_machine(q):
    """Negotiate and show version, status and the QOM tree."""
    print('<- greeting ' + json.dumps(q.greeting))
    q.cmd('qmp_capabilities')
    q.cmd('query-version')
    q.cmd('query-status')
    print('QOM composition tree (qom-list, recursively):')
    print('/')
    tree(q, '/', 1)


def main():
    q = Qmp(sys.argv[1])
    show_machine(q)
    q.cmd('query-name')
    q.cmd('quit')


if __name__ == '__main__':
    main()
