#!/usr/bin/env python3
"""Write the ELF vmlinux inside the xz-compressed x86 bzImage argv[1] to
argv[2]: the first xz stream of the file that unpacks to an ELF image.
QEMU boots that through its PVH entry note, several times faster under
TCG than the bzImage's own decompressor. Exit 1 when there is none."""
import lzma
import sys

XZ_MAGIC = b"\xfd7zXZ\x00"


def main():
    with open(sys.argv[1], "rb") as f:
        image = f.read()
    pos = image.find(XZ_MAGIC)
    while pos >= 0:
        try:
            data = lzma.LZMADecompressor(lzma.FORMAT_XZ).decompress(image[pos:])
        except lzma.LZMAError:
            data = b""
        if data[:4] == b"\x7fELF":
            with open(sys.argv[2], "wb") as out:
                out.write(data)
            return 0
        pos = image.find(XZ_MAGIC, pos + 1)
    print("unxz-kernel: no xz-compressed ELF image in " + sys.argv[1],
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
