/*
 * The wire formats of channel I/O, one codec for every user: the channel
 * subsystem and its instructions (hw/s390x, target/s390x), the CCW
 * translator (hw/vfio) and the simulated host devices (hw/sim). CCWs,
 * IDAWs, the ORB and the SCSW as z/Architecture lays them out in storage
 * (big-endian, "Input/Output Operations" in the Principles of Operation);
 * the structs are host-endian decoded forms, hw/ccw/ccw-format.c converts.
 * Nothing here depends on a machine or a device.
 */
#ifndef HW_CCW_FORMAT_H
#define HW_CCW_FORMAT_H

#include "qemu/osdep.h"

/* ---- CCW ---- */

/*
 * Format-1 CCW: cmd(8) flags(8) count(16) | bit 32 zero, data address(31).
 * Format-0 CCW: cmd(8) data address(24) | flags(8) ignored(8) count(16).
 * Both decode into CCW1 (the format-0 address zero-extended).
 */
typedef struct CCW1 {
    uint8_t cmd_code;
    uint8_t flags;
    uint16_t count;
    uint32_t cda;
} CCW1;

#define CCW1_ADDR_MASK 0x7fffffffu /* 31-bit address (bits 33-63) */
#define CCW0_ADDR_MASK 0x00ffffffu /* 24-bit address (bits 8-31) */

#define CCW_FLAG_DC      0x80 /* chain data */
#define CCW_FLAG_CC      0x40 /* chain command */
#define CCW_FLAG_SLI     0x20 /* suppress length indication */
#define CCW_FLAG_SKIP    0x10 /* skip data transfer (reads) */
#define CCW_FLAG_PCI     0x08 /* program-controlled interruption */
#define CCW_FLAG_IDA     0x04 /* cda addresses an IDAL */
#define CCW_FLAG_SUSPEND 0x02
#define CCW_FLAG_MIDA    0x01 /* modified IDAL (not supported) */

/*
 * Command codes by their low bits: write xxxxxx01, read xxxxxx10,
 * control xxxxxx11, sense xxxx0100, read backward xxxx1100, transfer in
 * channel xxxx1000 (high four bits ignored); xxxx0000 is invalid.
 */
#define CCW_CMD_TIC      0x08 /* transfer in channel (low 4 bits 1000) */
#define CCW_CMD_NOOP     0x03 /* control, no operation */
#define CCW_CMD_SENSE    0x04
#define CCW_CMD_SENSE_ID 0xe4

/* command types by the low bits of the command code */
static inline bool ccw_cmd_is_tic(uint8_t cmd)
{
    return (cmd & 0x0f) == CCW_CMD_TIC;
}

static inline bool ccw_cmd_is_read(uint8_t cmd)
{
    return (cmd & 0x03) == 0x02; /* read: xxxx xx10 */
}

static inline bool ccw_cmd_is_read_backward(uint8_t cmd)
{
    return (cmd & 0x0f) == 0x0c;
}

static inline bool ccw_cmd_is_write(uint8_t cmd)
{
    return (cmd & 0x03) == 0x01; /* write: xxxx xx01 */
}

static inline bool ccw_cmd_is_sense(uint8_t cmd)
{
    return (cmd & 0x0f) == 0x04; /* sense: xxxx 0100 */
}

static inline bool ccw_cmd_is_control(uint8_t cmd)
{
    return (cmd & 0x03) == 0x03; /* control: xxxx xx11 */
}

static inline bool ccw_cmd_is_invalid(uint8_t cmd)
{
    return (cmd & 0x0f) == 0x00; /* xxxx 0000 */
}

/* Commands that move data from the device into storage */
static inline bool ccw_cmd_is_input(uint8_t cmd)
{
    return ccw_cmd_is_read(cmd) || ccw_cmd_is_sense(cmd) ||
           ccw_cmd_is_read_backward(cmd);
}

/* ---- IDAW ---- */
/*
 * Format-1 IDAW: a word, bit 0 zero, 31-bit address, 2 KiB blocks; the IDAL
 * is on a word boundary. Format-2 IDAW: a doubleword, 64-bit address, 4 KiB
 * blocks (2 KiB with the ORB's 2K-IDAW control); the IDAL is on a doubleword
 * boundary. The first IDAW may designate any byte; every later one
 * designates the first byte of a block (the last byte for read backward).
 */
#define IDAW1_ADDR_MASK 0x7fffffffu
#define IDAW1_BLOCK     2048 /* format-1 IDAW: 31-bit, 2 KiB blocks */
#define IDAW2_BLOCK     4096 /* format-2 IDAW: 64-bit, 4 KiB blocks */
#define IDAW2_BLOCK_2K  2048 /* format-2 with the ORB's 2K flag */

/*
 * ---- ORB (operation-request block, 12 bytes used, 32 with extension) ----
 * word 0 interruption parameter; word 1 key(4) S C M Y F P I A U B H T,
 * LPM(8), L D, five zero bits, X; word 2 bit 0 zero, channel-program
 * address(31).
 */
typedef struct ORB {
    uint32_t intparm;
    uint16_t ctrl0;
    uint8_t lpm;
    uint8_t ctrl1;
    uint32_t cpa;
} ORB;

#define ORB_CTRL0_KEY  0xf000
#define ORB_CTRL0_SPND 0x0800 /* suspend control */
#define ORB_CTRL0_STR  0x0400 /* streaming mode */
#define ORB_CTRL0_MOD  0x0200 /* modification control */
#define ORB_CTRL0_SYNC 0x0100 /* synchronization control */
#define ORB_CTRL0_FMT  0x0080 /* CCW format 1 */
#define ORB_CTRL0_PFCH                                                         \
    0x0040                        /* prefetch control: 1 = unlimited CCW
                                      prefetching allowed */
#define ORB_CTRL0_ISIC     0x0020 /* initial-status-interruption control */
#define ORB_CTRL0_ALCC     0x0010 /* address-limit checking control */
#define ORB_CTRL0_SSIC     0x0008 /* suppress-suspended-interruption */
#define ORB_CTRL0_B        0x0004 /* channel-program type: transport mode */
#define ORB_CTRL0_C64      0x0002 /* format-2 IDAWs */
#define ORB_CTRL0_I2K      0x0001 /* 2K format-2 IDAWs */
#define ORB_CTRL1_ILS      0x80   /* incorrect-length suppression mode */
#define ORB_CTRL1_MIDAW    0x40   /* modified IDAW control */
#define ORB_CTRL1_RESERVED 0x3e   /* must be zero */
#define ORB_CTRL1_ORBX     0x01   /* ORB extension */
#define ORB_CPA_RESERVED   0x80000000u /* word 2 bit 0: must be zero */

/* ---- SCSW (subchannel-status word, 12 bytes) ---- */
typedef struct SCSW {
    uint16_t flags;
    uint16_t ctrl;
    uint32_t cpa;
    uint8_t dstat;
    uint8_t cstat;
    uint16_t count;
} SCSW;

#define SCSW_FLAGS_KEY  0xf000
#define SCSW_FLAGS_SCTL 0x0800 /* suspend control */
#define SCSW_FLAGS_ESWF 0x0400 /* extended-status-word format */
#define SCSW_FLAGS_CC   0x0300 /* deferred condition code */
#define SCSW_FLAGS_FMT  0x0080
#define SCSW_FLAGS_PFCH 0x0040
#define SCSW_FLAGS_ISIC 0x0020
#define SCSW_FLAGS_ALCC 0x0010
#define SCSW_FLAGS_SSI  0x0008
#define SCSW_FLAGS_ZCC  0x0004
#define SCSW_FLAGS_ECTL 0x0002
#define SCSW_FLAGS_PNO  0x0001

#define SCSW_FCTL_START         0x4000
#define SCSW_FCTL_HALT          0x2000
#define SCSW_FCTL_CLEAR         0x1000
#define SCSW_ACTL_RESUME_PEND   0x0800
#define SCSW_ACTL_START_PEND    0x0400
#define SCSW_ACTL_HALT_PEND     0x0200
#define SCSW_ACTL_CLEAR_PEND    0x0100
#define SCSW_ACTL_SCH_ACTIVE    0x0080
#define SCSW_ACTL_DEV_ACTIVE    0x0040
#define SCSW_ACTL_SUSP          0x0020
#define SCSW_STCTL_ALERT        0x0010
#define SCSW_STCTL_INTERMEDIATE 0x0008
#define SCSW_STCTL_PRIMARY      0x0004
#define SCSW_STCTL_SECONDARY    0x0002
#define SCSW_STCTL_STATUS_PEND  0x0001

#define SCSW_DSTAT_ATTENTION 0x80
#define SCSW_DSTAT_SM        0x40 /* status modifier */
#define SCSW_DSTAT_CUE       0x20 /* control-unit end */
#define SCSW_DSTAT_BUSY      0x10
#define SCSW_DSTAT_CE        0x08 /* channel end */
#define SCSW_DSTAT_DE        0x04 /* device end */
#define SCSW_DSTAT_UC        0x02 /* unit check */
#define SCSW_DSTAT_UE        0x01 /* unit exception */

#define SCSW_CSTAT_PCI           0x80
#define SCSW_CSTAT_INCORR_LEN    0x40
#define SCSW_CSTAT_PROG_CHECK    0x20
#define SCSW_CSTAT_PROT_CHECK    0x10
#define SCSW_CSTAT_DATA_CHECK    0x08
#define SCSW_CSTAT_CHN_CTRL_CHK  0x04
#define SCSW_CSTAT_INTF_CTRL_CHK 0x02
#define SCSW_CSTAT_CHAIN_CHECK   0x01

/* Big-endian guest layouts */
void ccw1_decode(const uint8_t be[8], CCW1 *ccw);
void ccw1_encode(const CCW1 *ccw, uint8_t be[8]);
/* Format-0 CCW into the format-1 form (same command, flags, count) */
void ccw0_decode(const uint8_t be[8], CCW1 *ccw);
void orb_decode(const uint8_t be[12], ORB *orb);
void orb_encode(const ORB *orb, uint8_t be[12]);
void scsw_decode(const uint8_t be[12], SCSW *scsw);
void scsw_encode(const SCSW *scsw, uint8_t be[12]);

#endif
