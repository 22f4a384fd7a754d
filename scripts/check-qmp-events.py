#!/usr/bin/env python3
"""Every QMP event the code sends is described in qapi/schema.json.

query-qmp-schema is generated from the schema, and libvirt decides what an
emulator can do from it; an event sent but not described there is one a
client cannot know about.  This scans the C sources for
qmp_send_event("NAME", ...) and fails, naming the file and line, for each
NAME the schema's "events" list lacks.  It also fails when a name is
described but never sent (a stale entry).

Usage: check-qmp-events.py SOURCE_ROOT
"""
import json
import os
import re
import sys

SEND = re.compile(r'qmp_send_event\(\s*"([A-Z0-9_]+)"')
SKIP_DIRS = {'build', 'tests', '.git', 'subprojects'}


def main(root):
    with open(os.path.join(root, 'qapi', 'schema.json'), encoding='utf-8') as f:
        schema = json.load(f)
    described = {e['name'] for e in schema.get('events', [])}
    sent = {}
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs
                   if d not in SKIP_DIRS and not d.startswith('build')]
        for name in files:
            if not name.endswith('.c'):
                continue
            path = os.path.join(top, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                for lineno, line in enumerate(f, 1):
                    for m in SEND.finditer(line):
                        rel = os.path.relpath(path, root)
                        sent.setdefault(m.group(1), f'{rel}:{lineno}')
    bad = 0
    for ev, where in sorted(sent.items()):
        if ev not in described:
            print(f'{where}: event {ev} is sent but not in qapi/schema.json')
            bad += 1
    for ev in sorted(described - set(sent)):
        print(f'qapi/schema.json: event {ev} is described but never sent')
        bad += 1
    print(f'{len(sent)} events sent, {len(described)} described, '
          f'{bad} problem(s)')
    return 1 if bad else 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
