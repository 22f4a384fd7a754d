#!/usr/bin/env python3
"""Write the directory tree argv[1] as an uncompressed newc cpio archive
to argv[2] (the host may have no cpio program). Owner root, modes kept,
symbolic links as links."""
import os
import stat
import sys


def header(ino, st, nlink, size, namesize):
    fields = [ino, st.st_mode, 0, 0, nlink, int(st.st_mtime), size,
              0, 0, 0, 0, namesize, 0]
    return b"070701" + b"".join(b"%08x" % f for f in fields)


def pad(out, n):
    out.write(b"\0" * ((4 - n % 4) % 4))


def add(out, ino, name, path):
    st = os.lstat(path)
    data = b""
    if stat.S_ISLNK(st.st_mode):
        data = os.readlink(path).encode()
    elif stat.S_ISREG(st.st_mode):
        with open(path, "rb") as f:
            data = f.read()
    bname = name.encode() + b"\0"
    nlink = 2 if stat.S_ISDIR(st.st_mode) else 1
    hdr = header(ino, st, nlink, len(data), len(bname))
    out.write(hdr + bname)
    pad(out, len(hdr) + len(bname))
    out.write(data)
    pad(out, len(data))


def main():
    root, dest = sys.argv[1], sys.argv[2]
    ino = 1
    with open(dest, "wb") as out:
        for d, dirs, files in os.walk(root):
            dirs.sort()
            rel = os.path.relpath(d, root)
            if rel != ".":
                add(out, ino, rel, d)
                ino += 1
            for f in sorted(files) + [x for x in dirs
                                      if os.path.islink(os.path.join(d, x))]:
                p = os.path.join(d, f)
                add(out, ino, os.path.normpath(os.path.join(rel, f)), p)
                ino += 1
        trailer = b"TRAILER!!!\0"
        hdr = b"070701" + b"%08x" % 0 * 0 + b"".join(
            b"%08x" % f for f in [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                                  len(trailer), 0])
        out.write(hdr + trailer)
        pad(out, len(hdr) + len(trailer))


if __name__ == "__main__":
    main()
