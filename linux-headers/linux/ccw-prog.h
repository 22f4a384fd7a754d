/*
 * The user-space channel program: the 4 KiB buffer into which a guest's
 * CCW program is translated before it is handed to the host device
 * (the simulated 3390, or a kernel back end that accepts it).
 *
 * This is a format this project defines (it is not part of the kernel's
 * vfio-ccw uAPI, which translates in the kernel); see
 * docs/devel/ccw-translation.rst.
 *
 *   offset 0    .. 2047   CCW area: up to 256 format-1 CCWs ("slots"),
 *                         8 bytes each, big-endian as in storage, back to
 *                         back, in the order the translator reached them.
 *                         Slot i + 1 is the sequential successor of slot i
 *                         (the translator inserts a TIC where the guest's
 *                         successor was already translated elsewhere).
 *   offset 2048 .. 4095   entry area: up to 256 8-byte entries (host
 *                         byte order), entry i belongs to slot i.
 *
 * The address field of a translated CCW holds:
 *   - TIC: the byte offset of its target CCW inside the CCW area (never
 *     another TIC); flags and count are zero;
 *   - a CCW that transfers data without IDA: the byte offset of its entry
 *     (2048 + 8 * i); the entry holds the host virtual address of the byte
 *     the guest's data address designates (for read backward, the last
 *     byte of the area; data goes to lower addresses);
 *   - a CCW with IDA: the offset of its entry; the entry holds the host
 *     virtual address of a validated copy of the IDAL in which every IDAW
 *     is a 64-bit host virtual address (format-2 layout). Each host IDAW
 *     is congruent with the guest IDAW modulo the block size, so block
 *     boundaries fall where the guest's do; the block size is given by
 *     the request ORB (2K-IDAW control);
 *   - a CCW whose data is never accessed (count 0, a NOOP, SKIP on an
 *     input command): 0, and its IDA flag is cleared.
 * When the translator stops before the guest's chain ends (channel-program
 * check, suspension, length limit) the slot where it stopped holds a NOOP
 * without chaining flags, the "stop slot"; reaching it means the channel
 * reached the condition the translator recorded.
 * The host reports the CPA of its SCSW as a byte offset into the CCW area
 * (8 more than the offset of the last CCW used, as the architecture
 * defines CPA); the translator maps it back to the guest address.
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

/*
 * A request to the host device: the guest's ORB with its CPA replaced by
 * the offset of the first CCW (0), the format-1 CCW control set, the
 * format-2-IDAW control set (2K-IDAW control set when the guest used
 * 2 KiB blocks: format-1 IDAWs or 2K format-2 IDAWs), the suspend control
 * cleared; and the program.
 */
struct ccw_prog_request {
    uint8_t orb[12];
    uint8_t pad[4];
    uint8_t prog[CCW_PROG_SIZE];
};

#endif
