#!/usr/bin/env python3
"""vfio-ccw part of `make demo`.

Usage: demo-ccw.py BINARY DIR

Starts BINARY with a simulated 3390 (image DIR/dasd.img) passed through
with vfio-ccw, the qtest protocol and QMP, the way libqtest does: this
script listens on the qtest socket and the emulator connects to it. Then
it plays the guest CPU over qtest (docs/devel/qtest-s390x.rst): finds
the subchannel, enables it, runs SENSE ID, writes a record with Define
Extent + Locate Record + Write Count Key and Data, reads it back with
Read Data, and finds the same bytes in the image file on the host.
Exits non-zero when a step fails.
"""
import importlib.util
import os
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    'demo_qmp', os.path.join(HERE, 'demo-qmp.py'))
demo_qmp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(demo_qmp)

TEXT = b'hello from the guest, written through vfio-ccw'
CYL, HEAD, REC = 0, 1, 1

# Guest storage (absolute addresses; the CPU runs without DAT)
SCHIB, ORB, CCWS, DE, LR, WBUF, RBUF, IDBUF, IRB = (
    0x1000, 0x2000, 0x3000, 0x4000, 0x4010, 0x5000, 0x6000, 0x7000, 0x8000)
ISC = 3
INTPARM = 0xd15c0001

# CKD image layout (docs/system/s390x/sim-dasd.rst)
CKD_HDR, CKD_HEADS, CKD_SLOT = 512, 15, 56832
HA_SIZE, COUNT_SIZE, R0_DATA = 5, 8, 8

CCW_NAMES = {0xe4: 'SENSE ID', 0x63: 'DEFINE EXTENT', 0x47: 'LOCATE RECORD',
             0x1d: 'WRITE CKD', 0x05: 'WRITE DATA', 0x06: 'READ DATA'}
CIW_TYPES = {0: 'read configuration data', 1: 'set interface identifier',
             2: 'read node identifier'}
DSTAT_BITS = ['ATTN', 'SM', 'CUE', 'BUSY', 'CE', 'DE', 'UC', 'UE']
CSTAT_BITS = ['PCI', 'IL', 'PRG', 'PROT', 'CDC', 'CCC', 'IFCC', 'CHAIN']


class Failed(Exception):
    pass


def check(ok, what):
    if not ok:
        raise Failed(what)


def bits(value, names):
    on = [n for i, n in enumerate(names) if value & (0x80 >> i)]
    return ' '.join(on) if on else '-'


class Qtest:
    """The qtest line protocol (docs/devel/qtest.rst) on an accepted socket."""

    def __init__(self, conn):
        conn.settimeout(10)
        self.f = conn.makefile('rw')

    def cmd(self, line):
        self.f.write(line + '\n')
        self.f.flush()
        while True:
            reply = self.f.readline()
            if not reply:
                raise Failed('qtest connection closed after: ' + line)
            reply = reply.rstrip('\n')
            word = reply.split(' ', 1)[0]
            if word in ('OK', 'FAIL', 'ERR'):
                break
        if word != 'OK':
            raise Failed('%s -> %s' % (line, reply))
        return reply[3:]

    def write(self, addr, data):
        self.cmd('write 0x%x %d 0x%s' % (addr, len(data), data.hex()))

    def read(self, addr, size):
        return bytes.fromhex(self.cmd('read 0x%x %d' % (addr, size))[2:])

    def inst(self, line):
        """An instruction: its condition code (a program check fails)."""
        reply = self.cmd(line)
        check(reply.startswith('cc '), '%s -> program check %s'
              % (line, reply))
        return int(reply[3:])


def ctrl_str(ctrl):
    fc = bits((ctrl >> 8) & 0x70, ['', 'start', 'halt', 'clear'])
    sc = bits((ctrl << 3) & 0xf8, ['alert', 'intermediate', 'primary',
                                   'secondary', 'pending'])
    return 'function %s; status %s' % (fc, sc)


def ccw(cmd, flags, count, addr):
    return bytes([cmd, flags]) + count.to_bytes(2, 'big') + \
        addr.to_bytes(4, 'big')


def show_ccws(prog, notes):
    for i in range(0, len(prog), 8):
        c = prog[i:i + 8]
        fl = ' '.join(n for b, n in ((0x40, 'CC'), (0x20, 'SLI')) if c[1] & b)
        print('    %#06x: %s  %-13s count %4d data %#06x %-6s %s'
              % (CCWS + i, c.hex(' ', 4), CCW_NAMES.get(c[0], '?'),
                 int.from_bytes(c[2:4], 'big'),
                 int.from_bytes(c[4:8], 'big'), fl, notes[i // 8]))


def wait_interrupt(q):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        reply = q.cmd('s390_io_intr')
        if reply != 'none':
            sid, parm, isc = reply.split()
            return int(sid, 16), int(parm, 16), int(isc)
        time.sleep(0.001)
    raise Failed('no I/O interruption within 10 s')


def run_program(q, sid, prog, notes, data_end_cpa=None):
    """SSCH with format-1 CCWs at CCWS, wait for the interruption, TSCH."""
    show_ccws(prog, notes)
    q.write(CCWS, prog)
    q.write(ORB, INTPARM.to_bytes(4, 'big') +
            (0x0080ff00).to_bytes(4, 'big') +   # format-1 CCWs, LPM ff
            CCWS.to_bytes(4, 'big'))
    cc = q.inst('s390_ssch 0x%08x 0x%x' % (sid, ORB))
    check(cc == 0, 'SSCH cc %d' % cc)
    isid, parm, isc = wait_interrupt(q)
    cc = q.inst('s390_tsch 0x%08x 0x%x' % (sid, IRB))
    irb = q.read(IRB, 64)
    w0 = int.from_bytes(irb[0:2], 'big')
    ctrl = int.from_bytes(irb[2:4], 'big')
    cpa = int.from_bytes(irb[4:8], 'big')
    dstat, cstat = irb[8], irb[9]
    count = int.from_bytes(irb[10:12], 'big')
    print('    SSCH cc 0 -> I/O interruption sid %#010x parm %#010x isc %d'
          % (isid, parm, isc))
    print('    TSCH cc %d, SCSW: cc %d, %#06x (%s), CPA %#06x'
          % (cc, (w0 >> 8) & 3, ctrl, ctrl_str(ctrl), cpa))
    print('          device status %#04x (%s), subchannel status %#04x (%s),'
          ' residual count %d' % (dstat, bits(dstat, DSTAT_BITS),
                                  cstat, bits(cstat, CSTAT_BITS), count))
    check(isid == sid and parm == INTPARM and cc == 0, 'interruption/TSCH')
    check(dstat == 0x0c and cstat == 0,
          'channel program ended abnormally (sense %s)' % irb[32:40].hex())
    check(cpa == CCWS + len(prog), 'CPA %#x, expected %#x'
          % (cpa, CCWS + len(prog)))
    return count


def define_extent(mask):
    cchh = CYL.to_bytes(2, 'big') + HEAD.to_bytes(2, 'big')
    return bytes([mask, 0xc0]) + bytes(6) + cchh + cchh


def locate_record(op, rec):
    cchh = CYL.to_bytes(2, 'big') + HEAD.to_bytes(2, 'big')
    return bytes([op, 0, 0, 1]) + cchh + cchh + bytes([rec]) + bytes(3)


def find_subchannel(q):
    print('\n== STSCH: find the subchannel of device 1234')
    for n in range(0x10000):
        sid = 0x00010000 | n
        cc = q.inst('s390_stsch 0x%08x 0x%x' % (sid, SCHIB))
        if cc == 3:
            print('    STSCH %#010x cc 3 (no more subchannels)' % sid)
            break
        schib = q.read(SCHIB, 12)
        devno = int.from_bytes(schib[6:8], 'big')
        print('    STSCH %#010x cc %d: device number %04x, flags %#06x, '
              'PIM %#04x' % (sid, cc, devno,
                             int.from_bytes(schib[4:6], 'big'), schib[11]))
        if devno == 0x1234:
            return sid
    raise Failed('no subchannel with device number 1234')


def enable(q, sid):
    print('\n== MSCH: enable it, ISC %d, concurrent sense' % ISC)
    q.inst('s390_stsch 0x%08x 0x%x' % (sid, SCHIB))
    pmcw1 = (ISC << 11) | 0x0080 | 0x0001
    q.write(SCHIB, INTPARM.to_bytes(4, 'big') + pmcw1.to_bytes(2, 'big'))
    q.write(SCHIB + 24, (1).to_bytes(4, 'big'))     # concurrent sense
    cc = q.inst('s390_msch 0x%08x 0x%x' % (sid, SCHIB))
    q.inst('s390_stsch 0x%08x 0x%x' % (sid, SCHIB))
    flags = int.from_bytes(q.read(SCHIB + 4, 2), 'big')
    print('    MSCH cc %d; STSCH: flags %#06x (enabled)' % (cc, flags))
    check(cc == 0 and flags & 0x0080, 'MSCH did not enable the subchannel')
    q.cmd('s390_cr6 0x%x' % (0x80000000 >> ISC))
    print('    CR6: I/O interruptions of ISC %d enabled' % ISC)


def sense_id(q, sid):
    print('\n== SENSE ID')
    q.write(IDBUF, bytes(32))
    resid = run_program(q, sid, ccw(0xe4, 0x20, 32, IDBUF),
                        ['-> identification'])
    d = q.read(IDBUF, 32 - resid)
    check(len(d) >= 7 and d[0] == 0xff, 'bad SENSE ID data ' + d.hex())
    print('    control unit %02x%02x model %02x, device %02x%02x model %02x'
          % (d[1], d[2], d[3], d[4], d[5], d[6]))
    print('    (bytes %s)' % d.hex(' '))
    for i in range(8, len(d) - 3, 4):
        print('    CIW: %s, command %#04x, count %d'
              % (CIW_TYPES.get(d[i] & 0x3f, 'type %d' % (d[i] & 0x3f)),
                 d[i + 1], int.from_bytes(d[i + 2:i + 4], 'big')))


def write_record(q, sid):
    print('\n== write: format R%d on cylinder %d head %d with %d bytes'
          % (REC, CYL, HEAD, len(TEXT)))
    count = CYL.to_bytes(2, 'big') + HEAD.to_bytes(2, 'big') + \
        bytes([REC, 0]) + len(TEXT).to_bytes(2, 'big')
    q.write(DE, define_extent(0xc0))              # permit all writes
    q.write(LR, locate_record(0x03, 0))           # format write after R0
    q.write(WBUF, count + TEXT)
    prog = ccw(0x63, 0x40, 16, DE) + ccw(0x47, 0x40, 16, LR) + \
        ccw(0x1d, 0, len(count + TEXT), WBUF)
    run_program(q, sid, prog, [
        'extent %d/%d..%d/%d, mask c0' % (CYL, HEAD, CYL, HEAD),
        'format write, 1 record after R0',
        'count %s + "%s..."' % (count.hex(), TEXT[:12].decode())])
    return count


def read_record(q, sid):
    print('\n== read it back into another buffer')
    q.write(DE, define_extent(0x40))              # inhibit all writes
    q.write(LR, locate_record(0x06, REC))         # read data of R1
    q.write(RBUF, bytes(len(TEXT)))
    prog = ccw(0x63, 0x40, 16, DE) + ccw(0x47, 0x40, 16, LR) + \
        ccw(0x06, 0, len(TEXT), RBUF)
    run_program(q, sid, prog, [
        'extent %d/%d..%d/%d, mask 40' % (CYL, HEAD, CYL, HEAD),
        'read data, 1 record, R%d' % REC, '-> %#06x' % RBUF])
    got = q.read(RBUF, len(TEXT))
    print('    guest buffer %#06x: "%s"' % (RBUF, got.decode('ascii',
                                                           'replace')))
    check(got == TEXT, 'read back something else')


def check_image(path, count):
    track = CYL * CKD_HEADS + HEAD
    off = CKD_HDR + track * CKD_SLOT + HA_SIZE + COUNT_SIZE + R0_DATA
    print('\n== on the host: %s' % path)
    print('    track %d slot at 512 + %d * %d, + HA %d + R0 %d = count of '
          'R%d at %d (%#x)' % (track, track, CKD_SLOT, HA_SIZE,
                              COUNT_SIZE + R0_DATA, REC, off, off))
    with open(path, 'rb') as f:
        f.seek(off)
        raw = f.read(COUNT_SIZE + len(TEXT) + 8)
    print('    count %s  data "%s"  then %s'
          % (raw[:8].hex(), raw[8:8 + len(TEXT)].decode('ascii', 'replace'),
             raw[8 + len(TEXT):].hex()))
    check(raw[:8] == count and raw[8:8 + len(TEXT)] == TEXT,
          'the record is not in the image file')
    check(raw[8 + len(TEXT):] == b'\xff' * 8, 'no end-of-track marker')


def start(binary, d):
    qsock, msock = os.path.join(d, 'qtest.sock'), os.path.join(d, 'qmp.sock')
    img = os.path.join(d, 'dasd.img')
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(qsock)
    listener.listen(1)
    listener.settimeout(10)
    args = [binary, '-machine', 's390-ccw-virtio,s390-map-css=on',
            '-nodefaults', '-display', 'none',
            '-object', 'sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,'
            'model=3390-1' % img,
            '-device', 'vfio-ccw,id=dasd0,hostid=0.0.1234',
            '-qtest', 'unix:' + qsock,
            '-qtest-log', os.path.join(d, 'qtest.log'),
            '-qmp', 'unix:%s,server=on,wait=off' % msock]
    print('== starting (this script listens on the qtest socket, the '
          'emulator connects):')
    line = '   ' + args[0]
    for a in args[1:]:
        line += (' \\\n     ' if a.startswith('-') else ' ') + a
    print(line)
    proc = subprocess.Popen(args)
    try:
        conn, _ = listener.accept()
    except socket.timeout:
        proc.kill()
        raise Failed('the emulator did not connect to the qtest socket '
                     '(exit status %s)' % proc.wait())
    finally:
        listener.close()
    return proc, Qtest(conn), msock, img


def main():
    binary, d = sys.argv[1], sys.argv[2]
    proc = None
    status = 0
    try:
        proc, q, msock, img = start(binary, d)
        qmp = demo_qmp.Qmp(msock)
        demo_qmp.show_machine(qmp)
        dev_id = qmp.cmd_quiet('qom-get', path='/machine/peripheral/dasd0',
                               property='dev_id')
        subch = qmp.cmd_quiet('qom-get', path='/machine/peripheral/dasd0',
                              property='subch_id')
        print('dasd0: host 0.0.1234 -> dev_id %s, subch_id %s '
              '(s390-map-css=on)' % (dev_id, subch))
        sid = find_subchannel(q)
        enable(q, sid)
        sense_id(q, sid)
        count = write_record(q, sid)
        read_record(q, sid)
        check_image(img, count)
        print()
        qmp.cmd('quit')
    except (Failed, RuntimeError, OSError) as e:
        sys.stdout.flush()
        if proc:
            try:
                proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
        if proc and proc.poll() is not None:
            e = '%s (the emulator exited with status %d)' % (e, proc.returncode)
        print('demo: FAILED: %s' % e, file=sys.stderr)
        status = 1
        if proc and proc.poll() is None:
            proc.terminate()
    if proc:
        try:
            rc = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = proc.wait()
        print('== emulator exited with status %d' % rc)
        if status or rc:
            log = os.path.join(d, 'qtest.log')
            if os.path.exists(log):
                with open(log) as f:
                    tail = f.readlines()[-10:]
                sys.stderr.write('last qtest log lines:\n' + ''.join(tail))
            status = status or 1
    return status


if __name__ == '__main__':
    sys.exit(main())
