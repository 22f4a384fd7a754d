#!/usr/bin/env python3
"""Write a 3390-1 image (the CKD_P370 format of docs/system/s390x/sim-dasd.rst)
whose first TRACKS tracks are formatted in Linux's disk layout (LDL): the
home address, record 0, and records 1-12 of 4,096 bytes without keys.
Block b (track * 12 + record - 1) holds its number as a 32-bit big-endian
word, repeated. The other tracks are left unformatted (sparse zeros).

Usage: mkldl.py IMAGE [TRACKS]"""
import struct
import sys

HEADS, SLOT, CYLS, BLK, PER_TRACK = 15, 56832, 1113, 4096, 12


def block(b):
    return struct.pack(">I", b) * (BLK // 4)


def track(t):
    cc, hh = divmod(t, HEADS)
    out = bytearray(struct.pack(">BHH", 0, cc, hh))
    out += struct.pack(">HHBBH", cc, hh, 0, 0, 8) + bytes(8)
    for r in range(1, PER_TRACK + 1):
        out += struct.pack(">HHBBH", cc, hh, r, 0, BLK)
        out += block(t * PER_TRACK + r - 1)
    out += b"\xff" * 8
    return bytes(out) + bytes(SLOT - len(out))


def main():
    path = sys.argv[1]
    tracks = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    hdr = b"CKD_P370" + struct.pack("<IIBBH", HEADS, SLOT, 0x90, 0, 0)
    with open(path, "wb") as f:
        f.write(hdr + bytes(512 - len(hdr)))
        for t in range(tracks):
            f.write(track(t))
        f.truncate(512 + CYLS * HEADS * SLOT)


if __name__ == "__main__":
    main()
