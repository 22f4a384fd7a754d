/*
 * The user-space channel program: the 4 KiB buffer into which a guest's
 * CCW program is translated before it is handed to the host device
 * (the simulated 3390, or a kernel back end that accepts it).
 *
 * This is a format this project defines (it is not part of the kernel's
 * vfio-ccw uAPI, which translates in the kernel); see
 * docs/system/s390x/vfio-ccw.rst.
 *
 *   offset 0    .. 2047   CCW area: up to 256 format-1 CCWs, 8 bytes each,
 *                         big-endian as in storage, back to back, in the
 *                         order the translator reached them. The chain
 *                         ends with a NOOP CCW (no chaining flags).
 *   offset 2048 .. 4095   entry area: up to 256 8-byte entries (host
 *                         byte order), entry i belongs to CCW i.
 *
 * The address field of a translated CCW holds:
 *   - TIC: the byte offset of its target CCW inside the CCW area;
 *   - a CCW that transfers data without IDA: the byte offset of its entry
 *     (2048 + 8 * i); the entry holds the host virtual address of the data;
 *   - a CCW with IDA: the offset of its entry; the entry holds the host
 *     virtual address of a validated copy of the IDAL in which every IDAW
 *     is a 64-bit host virtual address (format-2 layout);
 *   - a CCW without data (count 0 or a NOOP): 0.
 * The host reports the CPA of its SCSW as a byte offset into the CCW area
 * (the CCW after the last one executed, as the architecture defines CPA);
 * the translator maps it back to the guest address.
 */
#ifndef LINUX_CCW_PROG_H
#define LINUX_CCW_PROG_H

#include <stdint.h>

#define CCW_PROG_SIZE          4096
#define CCW_PROG_CCW_AREA      0
#define CCW_PROG_ENTRY_AREA    2048
#define CCW_PROG_MAX_CCWS      256
#define CCW_PROG_MAX_ENTRIES   256
#define CCW_PROG_CCW_SIZE      8
#define CCW_PROG_ENTRY_SIZE    8

/* A request to the host device: the guest's ORB with its CPA replaced by
 * the offset of the first CCW (0), and the program. */
struct ccw_prog_request {
    uint8_t orb[12];
    uint8_t pad[4];
    uint8_t prog[CCW_PROG_SIZE];
};

#endif
