#!/usr/bin/env python3
"""Total the TAP results of meson test logs over every suite.

Usage: test-summary.py TESTLOG.json [...] [--result FILE ...]
                       [--expect 'NAME NAME ...']
A --result FILE holds lines "NAME OK|FAIL" for steps outside meson (the
bounded fuzzer runs, one line per target); each counts as one test. Each
--expect NAME (space-separated names) must have a line in a result file:
one that has none (its run never reported) counts as a failed test.
Counts each TAP 'ok' / 'not ok' line of every test program (a program that
printed no TAP counts once, by its result) and ends with 'N passed, N failed'.
A log file that does not exist is skipped.
"""
import json
import os
import re
import sys

TAP = re.compile(r'^(not ok|ok)\b(.*)$')


def count_log(path):
    passed = failed = 0
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            res = rec.get('result', '')
            sub_pass = sub_fail = 0
            for out in (rec.get('stdout') or '').splitlines():
                m = TAP.match(out.strip())
                if not m:
                    continue
                rest = m.group(2)
                if '# SKIP' in rest.upper():
                    continue
                if m.group(1) == 'ok' or '# TODO' in rest.upper():
                    sub_pass += 1
                else:
                    sub_fail += 1
            if sub_pass + sub_fail == 0:
                if res in ('OK', 'EXPECTEDFAIL'):
                    sub_pass = 1
                elif res != 'SKIP':
                    sub_fail = 1
            elif res not in ('OK', 'EXPECTEDFAIL', 'SKIP') and sub_fail == 0:
                # crashed or timed out after its last TAP line
                sub_fail = 1
            print('  %-40s %-8s %d passed, %d failed' %
                  (rec.get('name', '?'), res, sub_pass, sub_fail))
            passed += sub_pass
            failed += sub_fail
    return passed, failed


def count_results(path, seen, named):
    """@named: the expected names are counted instead of a missing file"""
    passed = failed = 0
    if not os.path.exists(path):
        print('%s: missing, counted as failed' % path)
        return 0, 0 if named else 1
    print(path + ':')
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                ok = parts[1] == 'OK'
                print('  %-40s %-8s' % (parts[0], parts[1]))
                passed += ok
                failed += not ok
                seen.add(parts[0])
    return passed, failed


def option_values(args, name):
    return [args[i + 1] for i, a in enumerate(args[:-1]) if a == name]


def main():
    total_p = total_f = 0
    args = sys.argv[1:]
    options = ('--result', '--expect')
    results = option_values(args, '--result')
    expected = [n for v in option_values(args, '--expect') for n in v.split()]
    logs = [a for i, a in enumerate(args)
            if a not in options and (i == 0 or args[i - 1] not in options)]
    seen = set()
    for path in results:
        p, f = count_results(path, seen, bool(expected))
        total_p += p
        total_f += f
    for name in [n for n in expected if n not in seen]:
        print('  %-40s %-8s (no result)' % (name, 'FAIL'))
        total_f += 1
    for path in logs:
        base = os.path.dirname(path)
        logs = [path] + [os.path.join(base, n) for n in sorted(os.listdir(base))
                         if n.startswith('testlog-') and n.endswith('.json')] \
            if os.path.isdir(base) else []
        for log in logs:
            if os.path.exists(log):
                print(log + ':')
                p, f = count_log(log)
                total_p += p
                total_f += f
    print('%d passed, %d failed' % (total_p, total_f))
    return 1 if total_f else 0


if __name__ == '__main__':
    sys.exit(main())
