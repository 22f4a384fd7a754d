#!/usr/bin/env python3
"""Write the seed inputs of fuzz-ckd-image (layout: fuzz-ckd-image.c) to
tests/fuzz/corpus/ckd-image/. Run from the top of the tree."""
import os
import struct

OUT = 'tests/fuzz/corpus/ckd-image'
SLOT = 56832
EOT = b'\xff' * 8


def header(magic=b'CKD_P370', heads=15, slot=SLOT, devtype=0x90, seq=0,
           highcyl=0):
    h = magic + struct.pack('<II', heads, slot) + bytes([devtype, seq])
    h += struct.pack('<H', highcyl)
    return h + bytes(512 - len(h))


def knobs(cyls=1, readonly=False, cut=0, cyl=0, head=0, r=1, n=1, wcount=0,
          ccws=(), zero=False):
    flags = (1 if readonly else 0) | (2 if cut else 0) | (4 if zero else 0)
    k = bytes([cyls - 1, flags]) + struct.pack('>H', cut) + \
        bytes([cyl, head, r, n]) + struct.pack('>H', wcount) + bytes([len(ccws)])
    return k + b''.join(bytes([c, f]) + struct.pack('>H', n)
                        for c, f, n in ccws)


def record(cc, hh, r, key, data):
    return struct.pack('>HHBBH', cc, hh, r, len(key), len(data)) + key + data


def track(cc, hh, records):
    return bytes([0]) + struct.pack('>HH', cc, hh) + b''.join(records) + EOT


def chunk(trk, off, data):
    return bytes([trk]) + struct.pack('>HH', off, len(data)) + data


def r0(cc, hh):
    return record(cc, hh, 0, b'', bytes(8))


SEEDS = {
    # dasdinit's track 0 (R0, IPL1, IPL2, VOL1), other tracks empty (zero)
    'volume': header() + knobs() + chunk(0, 0, track(0, 0, [
        r0(0, 0),
        record(0, 0, 1, b'\xc9\xd7\xd3\xf1', bytes(24)),
        record(0, 0, 2, b'\xc9\xd7\xd3\xf2', bytes(144)),
        record(0, 0, 3, b'\xe5\xd6\xd3\xf1', b'\x40' * 80)])),
    # formatted tracks with data records, written over
    'records': header() + knobs(head=1, r=2, n=3, wcount=64) +
    chunk(1, 0, track(0, 1, [r0(0, 1), record(0, 1, 1, b'', b'A' * 100),
                             record(0, 1, 2, b'KEY1', b'B' * 60),
                             record(0, 1, 3, b'', b'')])) +
    chunk(2, 0, track(0, 2, [r0(0, 2)])),
    # two cylinders, a multi-track read from track 14 into cylinder 1
    'two-cyls': header() + knobs(cyls=2, cyl=0, head=14, r=1, n=4) +
    chunk(14, 0, track(0, 14, [r0(0, 14), record(0, 14, 1, b'', b'C' * 40)])) +
    chunk(15, 0, track(1, 0, [r0(1, 0), record(1, 0, 1, b'', b'D' * 40)])),
    # a record whose data length runs off the slot
    'overlong': header() + knobs(r=1, wcount=300) +
    chunk(0, 0, bytes(5) + r0(0, 0) + struct.pack('>HHBBH', 0, 0, 1, 255,
                                                   0xffff) + b'E' * 32),
    # no end-of-track marker: records until the slot ends
    'no-eot': header() + knobs(readonly=True) +
    chunk(0, 0, bytes(5) + r0(0, 0) + record(0, 0, 1, b'', b'F' * 16)),
    # the file ends inside the last track
    'truncated': header() + knobs(cut=30000, head=14) +
    chunk(14, 0, track(0, 14, [r0(0, 14)])),
    # unformatted (zero) tracks and a program of the input's own:
    # Seek, Search ID Equal, TIC back, Read Count Key and Data multi-track
    'zero-tracks': header() + knobs(zero=True, ccws=[
        (0x07, 0x40, 6), (0x31, 0x40, 5), (0x08, 0, 1), (0x9e, 0x20, 4096)]) +
    bytes(6) + bytes([0, 0, 0, 0, 1]),
    # Read Home Address, Read Record 0, Read Count, Read Data
    'own-program': header() + knobs(ccws=[
        (0x1a, 0x60, 5), (0x16, 0x60, 16), (0x12, 0x60, 8),
        (0x06, 0x20, 300)]) +
    chunk(0, 0, track(0, 0, [r0(0, 0), record(0, 0, 1, b'', b'G' * 300)])),
    'compressed': header(magic=b'CKD_C370') + knobs(),
    'multi-file': header(seq=1, highcyl=1112) + knobs(),
    'bad-geometry': header(heads=0xffffffff, slot=0xffffffff,
                           devtype=0x80) + knobs(),
}

os.makedirs(OUT, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)
